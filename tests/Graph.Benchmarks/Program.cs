using Graph.Benchmarks;
using Graph.Benchmarks.Storage;

// Each benchmark is one line: a name and the method that runs it with the remaining arguments.
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["storage"] = StorageBenchmark.RunAsync,
    [StoreProfile.Command] = StoreProfile.RunAsync,
    [EmbeddedQueryPhase.Command] = EmbeddedQueryPhase.RunAsync,
    // When tests/Graph.Benchmarks/GraphQL/ lands, this line becomes:
    // ["graphql"] = Graph.Benchmarks.GraphQL.GraphQLBenchmarks.RunAsync,   (any Task- or Task<int>-returning RunAsync(string[]))
    ["graphql"] = _ => BenchmarkHost.NotYetAvailable("graphql"),
};

return await BenchmarkHost.DispatchAsync(benchmarks, args);
