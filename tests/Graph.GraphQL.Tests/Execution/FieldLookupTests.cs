using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;
using Graph.GraphQL.Validation;

namespace Graph.GraphQL.Tests.Execution;

/// <summary>
/// Validation (TypeInfo) and execution (CollectFields) find a field by one lookup, <see cref="Introspection.FieldDefinition"/>.
/// They once had two copies that disagreed on where the meta-field check starts (a name longer than 2 characters
/// against longer than 1).
/// </summary>
public sealed class FieldLookupTests
{
    private static readonly ObjectType s_other = new("Other", t => t.Field("x", Scalars.String));
    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t.Field("a", Scalars.String).Field("other", s_other)));

    [Theory]
    [InlineData("_")]
    [InlineData("__")]
    [InlineData("___")]
    [InlineData("__typename")]
    [InlineData("__schema")]
    [InlineData("__type")]
    [InlineData("a")]
    [InlineData("x")]
    public void Validation_and_execution_find_the_same_definition(string name)
    {
        foreach (var parent in new[] { s_schema.QueryType!, s_other })
        {
            Assert.Same(Introspection.FieldDefinition(s_schema, parent, name), TypeInfo.GetFieldDef(s_schema, parent, name));
        }
    }

    [Fact]
    public async Task What_validation_accepts_execution_resolves()
    {
        var document = Graph.GraphQL.Language.Parser.Parse("{ __typename other { __typename x } }");
        Assert.Empty(Validator.Validate(s_schema, document));
        var result = await Executor.ExecuteAsync(new ExecutionArgs { Schema = s_schema, Document = document, RootValue = new Dictionary<string, object?> { ["other"] = new Dictionary<string, object?> { ["x"] = "1" } } });
        Assert.Equal("""{"data":{"__typename":"Query","other":{"__typename":"Other","x":"1"}}}""", result.ToJson());
    }

    [Fact]
    public void Meta_fields_are_found_where_the_specification_puts_them()
    {
        Assert.Same(Introspection.TypeNameMetaField, Introspection.FieldDefinition(s_schema, s_other, "__typename"));
        Assert.Same(Introspection.SchemaMetaField, Introspection.FieldDefinition(s_schema, s_schema.QueryType!, "__schema"));
        Assert.Null(Introspection.FieldDefinition(s_schema, s_other, "__schema"));
        Assert.Null(Introspection.FieldDefinition(s_schema, s_other, "__"));
    }
}
