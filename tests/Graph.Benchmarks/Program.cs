if (args.Length > 0 && args[0] == "graphql") { await Graph.Benchmarks.GraphQL.GraphQLBenchmarks.RunAsync(args[1..]); return; }
Console.WriteLine("Graph.Benchmarks");
