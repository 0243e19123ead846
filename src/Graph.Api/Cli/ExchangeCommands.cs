using System.CommandLine;
using System.Diagnostics;
using Graph.Api.Composition;
using Graph.Api.Exchange;
using Graph.Core.Store;
using Graph.Ingest.Exchange;

namespace Graph.Api.Cli;

/// <summary>The <c>export</c> and <c>import</c> commands: the graph or a subgraph to a file, and a file back into the store.</summary>
internal static class ExchangeCommands
{
    public static IEnumerable<Command> All() => [Export(), Import()];

    private static Command Export()
    {
        var format = new Option<string>("--format") { Description = $"The format: {ExchangeFormats.Allowed}.", Required = true };
        var output = new Option<string>("--output") { Description = "The file to write (for csv: a folder, receiving nodes.csv and relationships.csv).", Required = true };
        var neighbourhood = new Option<string?>("--neighbourhood") { Description = "Export only the neighbourhood of this actor (id, name or alias)." };
        var depth = new Option<int>("--depth") { Description = "With --neighbourhood: hops from the actor, 1 to 4.", DefaultValueFactory = _ => 1 };
        var document = new Option<string?>("--document") { Description = "Export only the relationships this document states (doc:...), with its evidence." };
        var command = new Command("export", "Write the graph (or a neighbourhood, or a document's facts) as GraphML, GEXF, neo4j-admin CSV, a knowledge file (JSON) or Cypher.")
        {
            format, output, neighbourhood, depth, document,
        };
        command.SetAction((result, ct) => GraphCommandLine.WithStoreAsync(result, async (store, _) =>
        {
            var chosen = ExchangeFormats.Parse(result.GetRequiredValue(format));
            if (result.GetValue(neighbourhood) is not null && result.GetValue(document) is not null)
            {
                throw new ExchangeFormatException("Give --neighbourhood or --document, not both.");
            }

            ExportScope scope = result.GetValue(neighbourhood) is { } center ? new ExportScope.Neighbourhood(center, result.GetValue(depth))
                : result.GetValue(document) is { } doc ? new ExportScope.DocumentFacts(doc) : new ExportScope.Whole();
            var progress = Progress();
            var watch = Stopwatch.StartNew();
            progress?.Report(new ImportProgress("reading", 0, 1));
            var snapshot = await GraphExport.SelectAsync(store, scope, ct);
            progress?.Report(new ImportProgress("reading", 1, 1));
            progress?.Report(new ImportProgress("writing", 0, 1));
            var path = Path.GetFullPath(result.GetRequiredValue(output));
            var files = GraphExport.Write(snapshot, chosen, path, $"the {store.Name} store");
            progress?.Report(new ImportProgress("writing", 1, 1));
            progress?.Finish();
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"Exported {snapshot.Actors.Count} actors, {snapshot.Documents.Count} documents, {snapshot.Relationships.Count} relationships as {chosen.ToString().ToLowerInvariant()} to {path} ({files.Count} file(s), {bytes:N0} bytes, {watch.ElapsedMilliseconds} ms).");
            return 0;
        }, ct));
        return command;
    }

    private static Command Import()
    {
        var path = new Argument<string>("path") { Description = "A knowledge file (.json), or neo4j-admin CSV: a folder holding nodes.csv and relationships.csv, or its nodes.csv." };
        var command = new Command("import", "Load a knowledge file or neo4j-admin CSV into the store (checked first; idempotent). Into an embedded store file that does not exist yet, the file is bulk-loaded: several times faster, and the first open fills its full-text index.") { path };
        command.SetAction((result, ct) => GraphCommandLine.WithConfigurationAsync(result, async (configuration, loggerFactory) =>
        {
            var watch = Stopwatch.StartNew();
            var options = GraphConfiguration.ReadGraphOptions(configuration);
            var snapshot = GraphExport.Read(result.GetRequiredValue(path));
            var progress = Progress();
            var counts = $"{snapshot.Actors.Count} actors, {snapshot.Documents.Count} documents, {snapshot.Relationships.Count} relationships";
            if (await GraphStoreFactory.TryBulkLoadNewFileAsync(options, snapshot, progress, loggerFactory, ct) is { } loaded)
            {
                progress?.Finish();
                Console.WriteLine($"Imported {counts} into a new embedded store file {loaded.Path} (bulk load): {loaded.Result.Created} created, {loaded.Result.Updated} updated, {loaded.Result.Unchanged} unchanged ({watch.ElapsedMilliseconds} ms). Its full-text index is filled when the store first opens (the server, or the first `search`).");
                return 0;
            }

            await using var store = await GraphStoreFactory.OpenAsync(options, loggerFactory, ct);
            var outcome = await store.ImportAsync(snapshot, progress, ct);
            progress?.Finish();
            Console.WriteLine($"Imported {counts} into the {store.Name} store: {outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged ({watch.ElapsedMilliseconds} ms).");
            return 0;
        }));
        return command;
    }

    /// <summary>A progress line on a terminal; none when standard error is redirected (a log, a pipe, a test).</summary>
    private static ConsoleProgress? Progress() => Console.IsErrorRedirected ? null : new ConsoleProgress();
}
