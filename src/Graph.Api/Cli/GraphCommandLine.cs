using System.CommandLine;
using System.Globalization;
using Graph.Api.Composition;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Microsoft.Extensions.Configuration;

namespace Graph.Api.Cli;

/// <summary>
/// The main binary's commands: <c>serve</c> (the default), <c>seed</c>, <c>stats</c>, <c>neighbourhood</c>, <c>path</c>
/// and <c>sync</c>. Configuration switches (<c>--Graph:Store=neo4j</c>) pass through to configuration; any other token a
/// command does not know is an error with its usage line (<see cref="UnknownArguments"/>).
/// </summary>
public static class GraphCommandLine
{
    private static readonly Option<string?> s_db = new("--db") { Description = "The embedded store's SQLite file (same as --Graph:Embedded:Path=...).", Recursive = true };

    /// <summary>Builds the command tree; <paramref name="serve"/> runs the web server with the remaining switches.</summary>
    public static RootCommand Build(Func<string[], CancellationToken, Task<int>> serve)
    {
        var root = new RootCommand("Graph relationship explorer: a property graph of who did what to whom, according to whom, with a GraphQL API.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(s_db);
        root.SetAction((result, ct) => ServeAsync(serve, result, ct));

        var serveCommand = new Command("serve", "Run the GraphQL server (the default command); prints the playground's URL.") { TreatUnmatchedTokensAsErrors = false };
        serveCommand.SetAction((result, ct) => ServeAsync(serve, result, ct));
        root.Subcommands.Add(serveCommand);

        root.Subcommands.Add(SeedCommand());
        root.Subcommands.Add(StatsCommand());
        root.Subcommands.Add(NeighbourhoodCommand());
        root.Subcommands.Add(PathCommand());
        root.Subcommands.Add(SyncCommand());
        root.Subcommands.Add(ExtractionCommands.Extract());
        root.Subcommands.Add(ExtractionCommands.Evaluate());
        foreach (var command in IngestionCommands.All().Concat(ExchangeCommands.All()))
        {
            root.Subcommands.Add(command);
        }

        // Only configuration switches pass through: anything else a command does not know is an error with its usage.
        UnknownArguments.RefuseIn(root, takesHostSwitches: true);
        return root;
    }

    /// <summary>Runs the server; a start refused for the user's reason (a bad setting, an unreadable seed file) prints one line and exits 2.</summary>
    private static async Task<int> ServeAsync(Func<string[], CancellationToken, Task<int>> serve, ParseResult result, CancellationToken cancellationToken)
    {
        try
        {
            return await serve(Switches(result), cancellationToken);
        }
        catch (Exception e) when (IsUserError(e) || e is Microsoft.Extensions.Options.OptionsValidationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>Configuration switches for the host: unmatched tokens, plus --db.</summary>
    public static string[] Switches(ParseResult result)
    {
        var switches = result.UnmatchedTokens.ToList();
        if (result.GetValue(s_db) is { } db)
        {
            switches.Add($"--Graph:Embedded:Path={db}");
        }

        return [.. switches];
    }

    private static Command SeedCommand()
    {
        var knowledge = new Option<string?>("--knowledge") { Description = "The knowledge file (default: the seed documents' knowledge shipped with the app)." };
        var command = new Command("seed", "Load the seed documents' knowledge into the store (idempotent).") { knowledge };
        command.SetAction((result, ct) => RunAsync(result, async (store, options) =>
        {
            var path = result.GetValue(knowledge) is { } k ? Path.GetFullPath(k) : options.Seed.ResolvedKnowledgePath;
            var progress = new ConsoleProgress();
            var outcome = await SeedKnowledge.ImportAsync(store, path, progress, ct);
            progress.Finish();
            Console.WriteLine($"Seeded {store.Name} store from {path}: {outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged.");
        }, ct));
        return command;
    }

    private static Command StatsCommand()
    {
        var command = new Command("stats", "Print counts by kind and type, and degree statistics.");
        command.SetAction((result, ct) => RunAsync(result, async (store, _) =>
        {
            var stats = await store.GetStatsAsync(ct);
            Console.WriteLine(new TextTable("what", "count")
                .Add("actors", stats.Actors).Add("relationships", stats.Relationships)
                .Add("evidence", stats.Evidence).Add("documents", stats.Documents));
            var kinds = new TextTable("kind", "actors");
            foreach (var (kind, count) in stats.ActorsByKind.OrderByDescending(k => k.Value))
            {
                kinds.Add(kind, count);
            }

            Console.WriteLine(kinds);
            var types = new TextTable("type", "relationships");
            foreach (var (type, count) in stats.RelationshipsByType.OrderByDescending(k => k.Value))
            {
                types.Add(type, count);
            }

            Console.WriteLine(types);
            var d = stats.Degree;
            Console.WriteLine(FormattableString.Invariant($"degree: min {d.Min}, max {d.Max}, mean {d.Mean:0.##}, median {d.Median:0.#}"));
            var top = new TextTable("actor", "degree");
            foreach (var (actor, degree) in d.Top)
            {
                top.Add(actor, degree);
            }

            Console.WriteLine(top);
        }, ct));
        return command;
    }

    private static Command NeighbourhoodCommand()
    {
        var actor = new Argument<string>("actor") { Description = "An actor id, name or alias (e.g. 'North Korea', 'DPRK', 'state:north-korea')." };
        var depth = new Option<int>("--depth") { Description = "Hops from the actor, 1 to 4.", DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--limit") { Description = "Most actors to return.", DefaultValueFactory = _ => 500 };
        var perActor = new Option<int>("--edges-per-actor") { Description = $"Most edges followed from one actor, 1 to {NeighbourhoodRequest.MaxEdgesPerActor}.", DefaultValueFactory = _ => NeighbourhoodRequest.DefaultEdgesPerActor };
        var edgeLimit = new Option<int>("--edge-limit") { Description = $"Most edges to return, 1 to {NeighbourhoodRequest.MaxEdgeLimit}.", DefaultValueFactory = _ => NeighbourhoodRequest.DefaultEdgeLimit };
        var filter = new FilterOptions();
        var command = new Command("neighbourhood", "List the actors and relationships within N hops of an actor.") { actor, depth, limit, perActor, edgeLimit };
        command.Aliases.Add("neighborhood");
        filter.AddTo(command);
        command.SetAction((result, ct) => RunAsync(result, async (store, _) =>
        {
            var center = await ActorNames.ResolveAsync(store, result.GetRequiredValue(actor), "actor", ct);
            var request = new NeighbourhoodRequest(center.Id, result.GetValue(depth), filter.Read(result), result.GetValue(limit))
            {
                EdgesPerActor = result.GetValue(perActor),
                EdgeLimit = result.GetValue(edgeLimit),
            };
            var subgraph = await store.GetNeighbourhoodAsync(request.Validated(), ct);
            var nodes = new TextTable("depth", "kind", "name", "id");
            foreach (var node in subgraph.Nodes.OrderBy(n => n.Depth).ThenBy(n => n.Actor.Name, StringComparer.Ordinal))
            {
                nodes.Add(node.Depth, node.Actor.Kind, node.Actor.Name, node.Actor.Id);
            }

            Console.WriteLine(nodes);
            var names = subgraph.Nodes.ToDictionary(n => n.Actor.Id, n => n.Actor.Name);
            Console.WriteLine(EdgeTable(subgraph.Edges, names));
            Console.WriteLine($"{subgraph.Nodes.Count} actors, {subgraph.Edges.Count} relationships{(subgraph.Truncated ? " (truncated by --limit, --edges-per-actor or --edge-limit)" : "")}.");
            if (subgraph.Omitted.Count > 0)
            {
                Console.WriteLine("Left out: " + string.Join(", ", subgraph.Omitted.Select(o => $"{o.Count} {o.Type}")) + ".");
            }
        }, ct));
        return command;
    }

    private static Command PathCommand()
    {
        var from = new Argument<string>("from") { Description = "Where the path starts: an actor id, name or alias." };
        var to = new Argument<string>("to") { Description = "Where the path ends: an actor id, name or alias." };
        var maxDepth = new Option<int>("--max-depth") { Description = "Most hops, 1 to 8.", DefaultValueFactory = _ => 4 };
        var mode = new Option<string>("--mode") { Description = "shortest, all-shortest or all-simple.", DefaultValueFactory = _ => "shortest" };
        var limit = new Option<int>("--limit") { Description = "Most paths to return.", DefaultValueFactory = _ => 10 };
        var filter = new FilterOptions();
        var command = new Command("path", "Find paths between two actors.") { from, to, maxDepth, mode, limit };
        filter.AddTo(command);
        command.SetAction((result, ct) => RunAsync(result, async (store, _) =>
        {
            var modeText = result.GetValue(mode)!;
            var pathMode = modeText.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
            {
                "shortest" => PathMode.Shortest,
                "allshortest" => PathMode.AllShortest,
                "allsimple" => PathMode.AllSimple,
                _ => throw new InvalidArgumentException("mode", $"Unknown mode '{modeText}'. Allowed: shortest, all-shortest, all-simple."),
            };
            var start = await ActorNames.ResolveAsync(store, result.GetRequiredValue(from), "from", ct);
            var end = await ActorNames.ResolveAsync(store, result.GetRequiredValue(to), "to", ct);
            var paths = await store.FindPathsAsync(new PathRequest(start.Id, end.Id, result.GetValue(maxDepth), pathMode, filter.Read(result), result.GetValue(limit)), ct);
            if (paths.Paths.Count == 0)
            {
                Console.WriteLine($"No path from {start.Name} to {end.Name} within {result.GetValue(maxDepth)} hops.");
                return;
            }

            var table = new TextTable("#", "hops", "path");
            var number = 0;
            foreach (var path in paths.Paths)
            {
                table.Add(++number, path.Length, Describe(path));
            }

            Console.WriteLine(table);
            Console.WriteLine($"{paths.Paths.Count} path(s){(paths.Truncated ? " (more exist beyond the limit)" : "")}.");
        }, ct));
        return command;
    }

    private static Command SyncCommand()
    {
        var keep = new Option<bool>("--keep-stale") { Description = "Leave actors and edges that exist only in Neo4j (default: remove them, so Neo4j holds exactly the embedded graph)." };
        var command = new Command("sync", "Copy the embedded graph into Neo4j (Graph:Neo4j:Uri, User, Password, Database), idempotently, with progress.") { keep };
        command.SetAction(async (result, ct) =>
        {
            try
            {
                var configuration = GraphConfiguration.Build(Switches(result));
                var options = GraphConfiguration.ReadGraphOptions(configuration);
                using var loggerFactory = LoggerFactory.Create(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
                await using var source = await GraphStoreFactory.OpenEmbeddedAsync(options, loggerFactory, ct);
                await using var target = await Neo4jComposition.OpenAsync(options.Neo4j, ct);
                var progress = new ConsoleProgress();

                // Beside the embedded file: a sync stopped by a failure resumes from its last committed batch next time.
                var checkpoint = source is Graph.Storage.Embedded.EmbeddedGraphStore embedded ? embedded.Path + ".neo4j-sync.json" : null;
                var outcome = await Graph.Storage.Neo4j.Neo4jStoreFactory.CreateSync(source, target).RunResumableAsync(checkpoint, progress, prune: !result.GetValue(keep), ct);
                progress.Finish();
                var resumed = outcome.Resumed > 0 ? $" (resumed: {outcome.Resumed} items committed by the interrupted run were not written again)" : "";
                Console.WriteLine($"Synced to Neo4j: {outcome.Written.Created} created, {outcome.Written.Updated} updated, {outcome.Written.Unchanged} unchanged, {outcome.Removed} removed{resumed}.");
                return 0;
            }
            catch (Exception e) when (IsUserError(e))
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// A path as arrows: <c>NIS -[MEMBER_OF]-> South Korea &lt;-[REPORTED]- ...</c>; parallel edges of one hop side by side
    /// (<c>North Korea -[VIOLATES]-> | &lt;-[TARGETS]- UNSC Resolution 2397</c>).
    /// </summary>
    public static string Describe(GraphPath path)
    {
        var text = new System.Text.StringBuilder(path.Actors[0].Name);
        var hops = path.Hops;
        for (var i = 0; i < hops.Count; i++)
        {
            text.Append(' ').AppendJoin(" | ", hops[i].Select(step => step.Forward || step.Edge.Rule.Symmetric ? $"-[{step.Edge.Rule.Name}]->" : $"<-[{step.Edge.Rule.Name}]-"))
                .Append(' ').Append(path.Actors[i + 1].Name);
        }

        return text.ToString();
    }

    private static TextTable EdgeTable(IEnumerable<Relationship> edges, IReadOnlyDictionary<ActorId, string> names)
    {
        var table = new TextTable("type", "from", "to", "when", "confidence", "evidence");
        foreach (var edge in edges.OrderBy(e => e.Rule.Name, StringComparer.Ordinal).ThenBy(e => e.From.Value, StringComparer.Ordinal))
        {
            table.Add(edge.Rule.Name, names.GetValueOrDefault(edge.From, edge.From.Value), names.GetValueOrDefault(edge.To, edge.To.Value),
                edge.Date?.ToString() ?? "", edge.Confidence.ToString("0.##", CultureInfo.InvariantCulture), edge.Evidence.Count);
        }

        return table;
    }

    /// <summary>Opens the configured store, runs the work, and turns bad input into a one-line error (exit code 2).</summary>
    private static Task<int> RunAsync(ParseResult result, Func<IGraphStore, GraphOptions, Task> work, CancellationToken cancellationToken) =>
        WithStoreAsync(result, async (store, configuration) =>
        {
            await work(store, GraphConfiguration.ReadGraphOptions(configuration));
            return 0;
        }, cancellationToken);

    /// <summary>Errors that are the user's to fix (bad input, configuration, an unreachable server): one line, no stack trace.</summary>
    /// <summary>
    /// Runs a command's work over the configured store (with the command line's configuration); a user error prints one
    /// line and exits 2, anything else the work returns is the exit code.
    /// </summary>
    internal static Task<int> WithStoreAsync(ParseResult result, Func<IGraphStore, IConfiguration, Task<int>> work, CancellationToken cancellationToken) =>
        WithConfigurationAsync(result, async (configuration, loggerFactory) =>
        {
            await using var store = await GraphStoreFactory.OpenAsync(GraphConfiguration.ReadGraphOptions(configuration), loggerFactory, cancellationToken);
            return await work(store, configuration);
        });

    /// <summary>
    /// Runs a command's work with the command line's configuration and logging but without opening the store (for work
    /// that decides how to open it); user errors are handled as by <see cref="WithStoreAsync"/>.
    /// </summary>
    internal static async Task<int> WithConfigurationAsync(ParseResult result, Func<IConfiguration, ILoggerFactory, Task<int>> work)
    {
        try
        {
            var configuration = GraphConfiguration.Build(Switches(result));
            using var loggerFactory = LoggerFactory.Create(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
            return await work(configuration, loggerFactory);
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is GraphException or Graph.Extraction.Reading.DocumentReadException or KnowledgeFormatException or Graph.Ingest.Exchange.ExchangeFormatException or System.ComponentModel.DataAnnotations.ValidationException or IOException
            or Graph.Storage.Neo4j.Http.Neo4jException or Graph.Storage.Embedded.StoreFileException;

    /// <summary>The relationship filter switches shared by traversal commands.</summary>
    private sealed class FilterOptions
    {
        private readonly Option<string[]> _types = new("--types") { Description = "Relationship types to follow, e.g. DEPLOYED,SUPPORTS (default: all).", AllowMultipleArgumentsPerToken = true };
        private readonly Option<string> _direction = new("--direction") { Description = "out, in or both.", DefaultValueFactory = _ => "both" };
        private readonly Option<string?> _from = new("--from") { Description = "Window start: 2024, 2024-10 or 2025-02-09." };
        private readonly Option<string?> _to = new("--to") { Description = "Window end: 2024, 2024-10 or 2025-02-09." };
        private readonly Option<double?> _minConfidence = new("--min-confidence") { Description = "Least edge confidence, 0 to 1." };

        public void AddTo(Command command)
        {
            command.Options.Add(_types);
            command.Options.Add(_direction);
            command.Options.Add(_from);
            command.Options.Add(_to);
            command.Options.Add(_minConfidence);
        }

        public RelationshipFilter Read(ParseResult result)
        {
            var types = (result.GetValue(_types) ?? [])
                .SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(GraphOntology.ParseType)
                .ToHashSet();
            var directionText = result.GetValue(_direction)!;
            var direction = directionText.ToLowerInvariant() switch
            {
                "out" or "outgoing" => Direction.Outgoing,
                "in" or "incoming" => Direction.Incoming,
                "both" => Direction.Both,
                _ => throw new InvalidArgumentException("direction", $"Unknown direction '{directionText}'. Allowed: out, in, both."),
            };
            return new RelationshipFilter
            {
                Types = types.Count == 0 ? null : types,
                Direction = direction,
                From = result.GetValue(_from) is { } f ? PartialDate.Parse(f, "from") : null,
                To = result.GetValue(_to) is { } t ? PartialDate.Parse(t, "to") : null,
                MinConfidence = result.GetValue(_minConfidence),
            };
        }
    }
}
