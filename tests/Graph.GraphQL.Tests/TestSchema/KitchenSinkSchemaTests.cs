using Graph.GraphQL.Tests.Differential;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.KitchenSink;

public sealed class KitchenSinkSchemaTests
{
    [Fact]
    public void Kitchen_sink_schema_builds_and_holds_every_kind_of_type()
    {
        var schema = KitchenSinkSchema.Build(KitchenSinkData.Load(Path.Combine(GraphQLJs.ToolsDirectory, "kitchen-sink-data.json")));

        Assert.IsType<InterfaceType>(schema.GetType("Character"));
        Assert.Equal(["Node", "Named"], ((InterfaceType)schema.GetType("Character")!).Interfaces.Select(i => i.Name));
        Assert.Equal(["Human", "Droid", "Starship"], ((UnionType)schema.GetType("SearchResult")!).Types.Select(t => t.Name));
        Assert.True(((InputObjectType)schema.GetType("SearchBy")!).IsOneOf);
        Assert.Equal("https://tools.ietf.org/html/rfc3339", ((ScalarType)schema.GetType("Date")!).SpecifiedByUrl);
        Assert.True(schema.GetDirective("tag")!.IsRepeatable);
        Assert.NotNull(schema.MutationType);
        Assert.NotNull(schema.SubscriptionType);
    }
}
