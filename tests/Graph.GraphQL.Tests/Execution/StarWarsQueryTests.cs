namespace Graph.GraphQL.Tests.Execution;

public sealed class StarWarsQueryTests
{
    private static readonly Graph.GraphQL.Type.GraphQLSchema s_schema = StarWarsSchema.Create();

    [Fact]
    public async Task Hero_name_is_R2_D2()
    {
        Assert.Equal("""{"data":{"hero":{"name":"R2-D2"}}}""", await Run.Json(s_schema, "query HeroNameQuery { hero { name } }"));
    }

    [Fact]
    public async Task Nested_friends_through_an_interface_keep_selection_order()
    {
        var json = await Run.Json(s_schema, "{ hero { id name friends { name } } }");
        Assert.Equal("""{"data":{"hero":{"id":"2001","name":"R2-D2","friends":[{"name":"Luke Skywalker"},{"name":"Han Solo"},{"name":"Leia Organa"}]}}}""", json);
    }

    [Fact]
    public async Task Arguments_and_enum_literals_select_the_hero()
    {
        Assert.Equal("""{"data":{"hero":{"name":"Luke Skywalker","appearsIn":["NEWHOPE","EMPIRE","JEDI"]}}}""", await Run.Json(s_schema, "{ hero(episode: EMPIRE) { name appearsIn } }"));
    }

    [Fact]
    public async Task Variables_select_a_human()
    {
        var json = await Run.Json(s_schema, "query FetchSomeID($someId: String!) { human(id: $someId) { name } }", new Dictionary<string, object?> { ["someId"] = "1000" });
        Assert.Equal("""{"data":{"human":{"name":"Luke Skywalker"}}}""", json);
    }

    [Fact]
    public async Task Aliases_and_fragments_and_typename()
    {
        var json = await Run.Json(s_schema, """
            query { luke: human(id: "1000") { ...HumanFragment __typename } leia: human(id: "1003") { ...HumanFragment } r2: hero { __typename ... on Droid { primaryFunction } } }
            fragment HumanFragment on Human { name homePlanet }
            """);
        Assert.Equal("""{"data":{"luke":{"name":"Luke Skywalker","homePlanet":"Tatooine","__typename":"Human"},"leia":{"name":"Leia Organa","homePlanet":"Alderaan"},"r2":{"__typename":"Droid","primaryFunction":"Astromech"}}}""", json);
    }

    [Fact]
    public async Task Resolver_exception_becomes_a_located_error_without_internal_details()
    {
        var json = await Run.Json(s_schema, "{ hero { name secretBackstory } }");
        Assert.Equal("""{"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":15}],"path":["hero","secretBackstory"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"hero":{"name":"R2-D2","secretBackstory":null}}}""", json);
    }

    [Fact]
    public async Task Exposed_exception_messages_and_list_paths()
    {
        var result = await Run.Async(s_schema, "{ hero { friends { name secretBackstory } } }", expose: true);
        Assert.Equal(3, result.Errors!.Count);
        Assert.Equal("secretBackstory is secret.", result.Errors[0].Message);
        Assert.Equal(["hero", "friends", 0, "secretBackstory"], result.Errors[0].Path!);
        Assert.DoesNotContain("   at ", result.ToJson(), StringComparison.Ordinal);
    }
}
