// Placeholder entry point: the host is composed in a later step.
Console.WriteLine("Graph.Api");
