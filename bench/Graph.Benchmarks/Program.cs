using Graph.Benchmarks;
using Graph.Benchmarks.Storage;

// Each benchmark is one line: a name and the method that runs it with the remaining arguments.
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["storage"] = StorageBenchmark.RunAsync,
    [StoreProfile.Command] = StoreProfile.RunAsync,
    ["ingestion"] = Graph.Benchmarks.Ingestion.IngestionBenchmark.RunAsync,
    [EmbeddedQueryPhase.Command] = EmbeddedQueryPhase.RunAsync,
    ["graphql"] = Graph.Benchmarks.GraphQL.GraphQLBenchmarks.RunAsync,
    ["api"] = Graph.Benchmarks.Api.ApiLoadBenchmarks.RunAsync,
    ["extraction"] = Graph.Benchmarks.Extraction.ExtractionBenchmark.RunAsync,
};

return await BenchmarkHost.DispatchAsync(benchmarks, args);
