Console.WriteLine("Graph.Benchmarks");
