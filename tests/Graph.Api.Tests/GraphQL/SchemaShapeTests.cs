using Graph.Api.Schema;
using Graph.Core.Ontology;
using Graph.GraphQL.Type;

namespace Graph.Api.Tests.GraphQL;

public sealed class SchemaShapeTests
{
    private static GraphQLSchema Schema => ActorSchema.Instance;

    private static IEnumerable<NamedType> OwnTypes =>
        Schema.Types.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !Scalars.IsSpecified(t));

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in OwnTypes)
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            switch (type)
            {
                case ComplexType complex:
                    foreach (var field in complex.Fields)
                    {
                        if (string.IsNullOrWhiteSpace(field.Description))
                        {
                            missing.Add($"{type.Name}.{field.Name}");
                        }

                        missing.AddRange(field.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})"));
                    }

                    break;
                case InputObjectType input:
                    missing.AddRange(input.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
                    break;
                case EnumType e:
                    missing.AddRange(e.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
                    break;
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Each_kind_has_an_object_type_implementing_Node_and_Actor()
    {
        foreach (var kind in GraphOntology.Kinds)
        {
            var type = Assert.IsType<ObjectType>(Schema.GetType(kind.ToString()));
            Assert.Equal(["Node", "Actor"], type.Interfaces.Select(i => i.Name));
        }
    }

    [Fact]
    public void Typed_relationship_fields_follow_the_ontology_rules()
    {
        var state = (ObjectType)Schema.GetType("State")!;
        var resolution = (ObjectType)Schema.GetType("Resolution")!;
        var official = (ObjectType)Schema.GetType("Official")!;

        Assert.NotNull(state.GetField("votedFor"));
        Assert.NotNull(state.GetField("deployed"));
        Assert.NotNull(state.GetField("alliedWith"));
        Assert.Null(state.GetField("votedForBy"));
        Assert.NotNull(resolution.GetField("votedForBy"));
        Assert.NotNull(resolution.GetField("adoptedBy"));
        Assert.NotNull(resolution.GetField("targets"));
        Assert.Null(resolution.GetField("deployed"));
        Assert.NotNull(official.GetField("leads"));
        Assert.Null(official.GetField("ratified"));
        Assert.Equal("RelationshipConnection", Types.GetNamedType(resolution.GetField("votedForBy")!.Type)!.Name);
    }

    [Fact]
    public void Relationship_type_enum_is_upper_snake_with_every_type()
    {
        var e = (EnumType)Schema.GetType("RelationshipType")!;
        Assert.Equal(GraphOntology.Rules.Select(r => r.Name), e.Values.Select(v => v.Name));
        Assert.Contains("VOTED_FOR", e.Values.Select(v => v.Name));
        Assert.Contains("SUPPLIES_ARMS_TO", e.Values.Select(v => v.Name));
    }

    [Fact]
    public void PartialDate_is_specified_by_iso_8601()
    {
        var scalar = (ScalarType)Schema.GetType("PartialDate")!;
        Assert.Equal(Graph.Api.Schema.LeafTypes.PartialDateScalar.Specification, scalar.SpecifiedByUrl);
        Assert.Null(Schema.GetType("JSON"));
    }
}
