using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Tests.Type;

public sealed class SchemaValidationTests
{
    private static IReadOnlyList<string> ErrorsOf(string sdl) =>
        Assert.Throws<SchemaValidationException>(() => BuildSchema.FromSdl(sdl)).Errors;

    [Fact]
    public void Missing_query_root_is_reported()
    {
        Assert.Contains("Query root type must be provided.", ErrorsOf("type Foo { a: Int }"));
    }

    [Fact]
    public void Object_missing_an_interface_field_is_reported()
    {
        Assert.Contains(
            "Interface field Node.id expected but Thing does not provide it.",
            ErrorsOf("type Query { t: Thing } interface Node { id: ID! } type Thing implements Node { name: String }"));
    }

    [Fact]
    public void Interface_field_type_must_be_a_subtype()
    {
        Assert.Contains(
            "Interface field Node.id expects type ID! but Thing.id is type ID.",
            ErrorsOf("type Query { t: Thing } interface Node { id: ID! } type Thing implements Node { id: ID }"));
    }

    [Fact]
    public void Transitive_interfaces_must_be_declared()
    {
        Assert.Contains(
            "Type Thing must implement Node because it is implemented by Named.",
            ErrorsOf("type Query { t: Thing } interface Node { id: ID } interface Named implements Node { id: ID } type Thing implements Named { id: ID }"));
    }

    [Fact]
    public void Unions_hold_only_object_types()
    {
        Assert.Contains(
            "Union type U can only include Object types, it cannot include I.",
            ErrorsOf("type Query { u: U } interface I { a: Int } union U = I"));
    }

    [Fact]
    public void Input_cycles_through_non_null_fields_are_reported()
    {
        Assert.Contains(
            "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\".",
            ErrorsOf("type Query { f(a: A): Int } input A { b: B! } input B { a: A! }"));
    }

    [Fact]
    public void OneOf_fields_must_be_nullable_without_defaults()
    {
        var errors = ErrorsOf("type Query { f(p: P): Int } input P @oneOf { a: Int! b: Int = 3 }");
        Assert.Contains("OneOf input field P.a must be nullable.", errors);
        Assert.Contains("OneOf input field P.b cannot have a default value.", errors);
    }

    [Fact]
    public void Reserved_and_malformed_names_are_reported()
    {
        var query = new ObjectType("Query", t => t.Field("__secret", Scalars.Int).Field("bad-name", Scalars.Int));
        var errors = Assert.Throws<SchemaValidationException>(() => new GraphQLSchema(query)).Errors;
        Assert.Contains("Name \"__secret\" must not begin with \"__\", which is reserved by GraphQL introspection.", errors);
        Assert.Contains("Names must only contain [_a-zA-Z0-9] but \"bad-name\" does not.", errors);
    }

    [Fact]
    public void Required_arguments_cannot_be_deprecated()
    {
        Assert.Contains(
            "Required argument Query.f(a:) cannot be deprecated.",
            ErrorsOf("type Query { f(a: Int! @deprecated): Int }"));
    }

    [Fact]
    public void Output_and_input_positions_are_checked()
    {
        var input = new InputObjectType("In", t => t.Field("x", Scalars.Int));
        var query = new ObjectType("Query", t => t.Field("f", input));
        Assert.Contains("The type of Query.f must be Output Type but got: In.", Assert.Throws<SchemaValidationException>(() => new GraphQLSchema(query)).Errors);
    }

    [Fact]
    public void Undefined_type_reference_is_explained()
    {
        var query = new ObjectType("Query", t => t.Field("f", Types.Ref("Missing")));
        var error = Assert.Single(Assert.Throws<SchemaValidationException>(() => new GraphQLSchema(query)).Errors);
        Assert.Equal("Type \"Missing\" (used by Query.f) is not defined in the schema: declare it or pass it in the schema's types.", error);
    }

    [Fact]
    public void Duplicate_type_names_are_reported()
    {
        var a = new ObjectType("Thing", t => t.Field("a", Scalars.Int));
        var b = new ObjectType("Thing", t => t.Field("b", Scalars.Int));
        var query = new ObjectType("Query", t => t.Field("a", a).Field("b", b));
        Assert.Contains("Schema must contain uniquely named types but contains multiple types named \"Thing\".", Assert.Throws<SchemaValidationException>(() => new GraphQLSchema(query)).Errors);
    }

    [Fact]
    public void Valid_schema_exposes_possible_types_and_subtypes()
    {
        var schema = BuildSchema.FromSdl("type Query { n: Node } interface Node { id: ID } interface Named implements Node { id: ID } type A implements Node & Named { id: ID } type B implements Node { id: ID } union U = A | B");
        var node = (InterfaceType)schema.GetType("Node")!;
        Assert.Equal(["A", "B"], schema.GetPossibleTypes(node).Select(t => t.Name));
        Assert.Equal(["Named"], schema.GetImplementations(node).Interfaces.Select(t => t.Name));
        Assert.True(schema.IsSubType(node, schema.GetType("Named")!));
        Assert.True(TypeComparators.DoTypesOverlap(schema, schema.GetType("U")!, schema.GetType("Named")!));
        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, Types.NonNull(schema.GetType("A")!), node));
        Assert.False(TypeComparators.IsTypeSubTypeOf(schema, Types.List(schema.GetType("A")!), node));
    }
}
