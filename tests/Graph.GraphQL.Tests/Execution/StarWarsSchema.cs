using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Execution;

/// <summary>The Star Wars schema of the GraphQL specification's examples, built code-first over plain records.</summary>
public static class StarWarsSchema
{
    public sealed record Character(string Id, string Name, string[] Friends, int[] AppearsIn, string? HomePlanet = null, string? PrimaryFunction = null, bool IsDroid = false);

    public static readonly Dictionary<string, Character> Data = new()
    {
        ["1000"] = new("1000", "Luke Skywalker", ["1002", "1003", "2000", "2001"], [4, 5, 6], HomePlanet: "Tatooine"),
        ["1001"] = new("1001", "Darth Vader", ["1004"], [4, 5, 6], HomePlanet: "Tatooine"),
        ["1002"] = new("1002", "Han Solo", ["1000", "1003", "2001"], [4, 5, 6]),
        ["1003"] = new("1003", "Leia Organa", ["1000", "1002", "2000", "2001"], [4, 5, 6], HomePlanet: "Alderaan"),
        ["1004"] = new("1004", "Wilhuff Tarkin", ["1001"], [4]),
        ["2000"] = new("2000", "C-3PO", ["1000", "1002", "1003", "2001"], [4, 5, 6], PrimaryFunction: "Protocol", IsDroid: true),
        ["2001"] = new("2001", "R2-D2", ["1000", "1002", "1003"], [4, 5, 6], PrimaryFunction: "Astromech", IsDroid: true),
    };

    public static GraphQLSchema Create()
    {
        var episode = new EnumType("Episode", e => e
            .Description("One of the films in the Star Wars Trilogy")
            .Value("NEWHOPE", 4, v => v.Description("Released in 1977."))
            .Value("EMPIRE", 5, v => v.Description("Released in 1980."))
            .Value("JEDI", 6, v => v.Description("Released in 1983.")));

        var character = new InterfaceType("Character", t => t
            .Description("A character in the Star Wars Trilogy")
            .Field("id", Types.NonNull(Scalars.String))
            .Field("name", Scalars.String)
            .Field("friends", Types.List(Types.Ref("Character")))
            .Field("appearsIn", Types.List(episode))
            .Field("secretBackstory", Scalars.String));

        ObjectType human = null!;
        ObjectType droid = null!;
        human = new ObjectType("Human", t => t
            .Description("A humanoid creature in the Star Wars universe.")
            .Implements(character)
            .IsTypeOf(value => value is Character { IsDroid: false })
            .Field("id", Types.NonNull(Scalars.String))
            .Field("name", Scalars.String)
            .Field("friends", Types.List(character), ctx => Friends(ctx.Source))
            .Field("appearsIn", Types.List(episode))
            .Field("homePlanet", Scalars.String)
            .Field("secretBackstory", Scalars.String, _ => throw new InvalidOperationException("secretBackstory is secret.")));
        droid = new ObjectType("Droid", t => t
            .Description("A mechanical creature in the Star Wars universe.")
            .Implements(character)
            .IsTypeOf(value => value is Character { IsDroid: true })
            .Field("id", Types.NonNull(Scalars.String))
            .Field("name", Scalars.String)
            .Field("friends", Types.List(character), ctx => Friends(ctx.Source))
            .Field("appearsIn", Types.List(episode))
            .Field("secretBackstory", Scalars.String, _ => throw new InvalidOperationException("secretBackstory is secret."))
            .Field("primaryFunction", Scalars.String));

        var query = new ObjectType("Query", t => t
            .Field("hero", character, f => f
                .Argument("episode", episode, a => a.Description("If omitted, returns the hero of the whole saga."))
                .Resolve(ctx => ctx.GetArgument<int?>("episode") == 5 ? Data["1000"] : Data["2001"]))
            .Field("human", human, f => f
                .Argument("id", Types.NonNull(Scalars.String))
                .Resolve(ctx => Data.TryGetValue(ctx.GetArgument<string>("id")!, out var c) && !c.IsDroid ? c : null))
            .Field("droid", droid, f => f
                .Argument("id", Types.NonNull(Scalars.String))
                .Resolve(ctx => Data.TryGetValue(ctx.GetArgument<string>("id")!, out var c) && c.IsDroid ? c : null)));

        return new GraphQLSchema(query, types: [human, droid]);
    }

    private static object Friends(object? source)
    {
        var friends = ((Character)source!).Friends;
        var result = new Character[friends.Length];
        for (var i = 0; i < friends.Length; i++)
        {
            result[i] = Data[friends[i]];
        }

        return result;
    }
}

/// <summary>Parses and executes in one call for tests.</summary>
public static class Run
{
    public static Task<ExecutionResult> Async(GraphQLSchema schema, string query, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null, object? root = null, bool expose = false, TimeSpan? timeout = null)
    {
        return Executor.ExecuteAsync(new ExecutionArgs
        {
            Schema = schema,
            Document = Parser.Parse(query),
            VariableValues = variables,
            OperationName = operationName,
            RootValue = root,
            ExposeExceptionMessages = expose,
            Timeout = timeout,
        });
    }

    public static async Task<string> Json(GraphQLSchema schema, string query, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null, object? root = null)
    {
        return (await Async(schema, query, variables, operationName, root)).ToJson();
    }
}
