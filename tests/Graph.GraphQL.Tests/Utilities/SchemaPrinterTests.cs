using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Tests.Utilities;

public sealed class SchemaPrinterTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Utilities", "Fixtures", name));

    [Fact]
    public void Kitchen_sink_prints_exactly_as_graphql_js()
    {
        // The expected text is graphql-js 16 printSchema(buildSchema(sdl)) of the same file.
        var schema = BuildSchema.FromSdl(Fixture("kitchen-sink.graphql"));
        Assert.Equal(Fixture("kitchen-sink.printed.graphql"), SchemaPrinter.Print(schema));
    }

    [Fact]
    public void Printing_is_stable_through_a_rebuild()
    {
        var printed = Fixture("kitchen-sink.printed.graphql");
        Assert.Equal(printed, SchemaPrinter.Print(BuildSchema.FromSdl(printed)));
    }

    [Fact]
    public void Code_first_schema_prints_its_types_in_reference_order()
    {
        var episode = new EnumType("Episode", e => e.Value("NEWHOPE").Value("EMPIRE", v => v.Deprecated()));
        var query = new ObjectType("Query", t => t
            .Description("Entry points")
            .Field("hero", Scalars.String, f => f.Argument("episode", episode, a => a.DefaultValue("EMPIRE")))
            .Field("count", Types.NonNull(Scalars.Int)));
        var sdl = SchemaPrinter.Print(new GraphQLSchema(query));
        Assert.Equal("""
            "Entry points"
            type Query {
              hero(episode: Episode = EMPIRE): String
              count: Int!
            }

            enum Episode {
              NEWHOPE
              EMPIRE @deprecated
            }
            """.Replace("\"Entry points\"", "\"\"\"Entry points\"\"\"", StringComparison.Ordinal), sdl);
    }
}
