using System.Text;
using Graph.Api.Schema;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Ingest.Exchange;
using Graph.Ingest.Knowledge;
using Graph.Storage.Neo4j.Seed;

namespace Graph.Api.Exchange;

/// <summary>What to export: the whole graph, an actor's neighbourhood, the paths between two actors, or a document's facts.</summary>
public abstract record ExportScope
{
    /// <summary>Everything.</summary>
    public sealed record Whole : ExportScope;

    /// <summary>The neighbourhood of an actor (id, name or alias) to a depth.</summary>
    public sealed record Neighbourhood(string Actor, int Depth, int Limit = 500) : ExportScope;

    /// <summary>The shortest paths between two actors.</summary>
    public sealed record Paths(string From, string To, int MaxDepth = 4, int Limit = 10) : ExportScope;

    /// <summary>The relationships a document states (with that document's evidence only), their actors and the document.</summary>
    public sealed record DocumentFacts(string Document) : ExportScope;
}

/// <summary>
/// Export and import over a store, for the command line and the API: picks the subgraph, completes it so that it is a
/// valid knowledge file (the documents its evidence cites and their publishers), and hands it to the format's writer.
/// </summary>
public static class GraphExport
{
    /// <summary>The snapshot of a scope.</summary>
    public static async Task<GraphSnapshot> SelectAsync(IGraphStore store, ExportScope scope, CancellationToken cancellationToken)
    {
        switch (scope)
        {
            case ExportScope.Whole:
                return CanonicalSnapshot.Of(await store.ExportAsync(cancellationToken).ConfigureAwait(false));
            case ExportScope.Neighbourhood n:
                {
                    var center = await ActorReferences.ResolveAsync(store, n.Actor, "neighbourhood", cancellationToken).ConfigureAwait(false);
                    var subgraph = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center.Id, n.Depth, null, n.Limit).Validated(), cancellationToken).ConfigureAwait(false);
                    return await CompleteAsync(store, subgraph.Nodes.Select(x => x.Actor), subgraph.Edges, cancellationToken).ConfigureAwait(false);
                }

            case ExportScope.Paths p:
                {
                    var from = await ActorReferences.ResolveAsync(store, p.From, "from", cancellationToken).ConfigureAwait(false);
                    var to = await ActorReferences.ResolveAsync(store, p.To, "to", cancellationToken).ConfigureAwait(false);
                    var result = await store.FindPathsAsync(new PathRequest(from.Id, to.Id, p.MaxDepth, Limit: p.Limit).Validated(), cancellationToken).ConfigureAwait(false);
                    var subgraph = Subgraph.Of(result);
                    return await CompleteAsync(store, subgraph.Nodes.Select(x => x.Actor), subgraph.Edges, cancellationToken).ConfigureAwait(false);
                }

            case ExportScope.DocumentFacts d:
                {
                    var id = DocumentId.TryParse(d.Document, out var parsed) ? parsed : throw new Core.Errors.InvalidArgumentException("document", $"'{d.Document}' is not a document id; ids look like 'doc:some-slug'.");
                    var document = await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false)
                        ?? throw new Core.Errors.NotFoundException("document", id.Value);
                    var all = await store.ExportAsync(cancellationToken).ConfigureAwait(false);
                    var edges = all.Relationships.Where(r => r.CitesDocument(id)).Select(r => r with { Evidence = [.. r.Evidence.Where(e => e.DocumentId == id)] }).ToList();
                    var ids = edges.SelectMany(e => new[] { e.From, e.To }).Concat(document.Publisher is { } p ? [p] : []).ToHashSet();
                    return CanonicalSnapshot.Of(new GraphSnapshot([.. all.Actors.Where(a => ids.Contains(a.Id))], [document], edges));
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(scope));
        }
    }

    /// <summary>Writes a snapshot in a format to a path (a folder for CSV); returns the files written.</summary>
    public static IReadOnlyList<string> Write(GraphSnapshot snapshot, ExchangeFormat format, string path, string source)
    {
        switch (format)
        {
            case ExchangeFormat.GraphMl:
                GraphMlWriter.Write(snapshot, path);
                return [path];
            case ExchangeFormat.Gexf:
                GexfWriter.Write(snapshot, path);
                return [path];
            case ExchangeFormat.Csv:
                return Neo4jCsv.Write(snapshot, path);
            case ExchangeFormat.Json:
                return KnowledgeJsonWriter.Write(snapshot, path);
            case ExchangeFormat.Cypher:
                using (var output = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
                {
                    WriteCypher(snapshot, source, output);
                }

                return [path];
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>
    /// The Cypher script, streamed: the seed script's statements (MERGE with literal values, checked by the Cypher
    /// linter) under a header that says where the export came from instead of how to regenerate the seed script.
    /// </summary>
    public static void WriteCypher(GraphSnapshot snapshot, string source, TextWriter output) =>
        SeedCypherWriter.Write(CanonicalSnapshot.Of(snapshot), output, $"// Exported from {source} by the graph explorer's export command. Run with: cypher-shell -f <this file>\n");

    /// <summary>Reads a knowledge file (.json) or neo4j-admin CSV (a folder or its nodes.csv), checked.</summary>
    public static GraphSnapshot Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new ExchangeFormatException($"'{full}' does not exist.");
        }

        return ExchangeFormats.Detect(full) switch
        {
            ExchangeFormat.Json => KnowledgeFile.Load(full),
            _ => Neo4jCsv.Read(full),
        };
    }

    /// <summary>The actors and edges, with the documents the evidence cites and those documents' publishers.</summary>
    private static async Task<GraphSnapshot> CompleteAsync(IGraphStore store, IEnumerable<Actor> actors, IEnumerable<Relationship> edges, CancellationToken cancellationToken)
    {
        var actorList = actors.ToDictionary(a => a.Id);
        var edgeList = edges.DistinctBy(e => e.Key).ToList();
        var documents = new List<Document>();
        foreach (var id in edgeList.SelectMany(e => e.Evidence).Select(e => e.DocumentId).Distinct())
        {
            if (await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false) is { } document)
            {
                documents.Add(document);
            }
        }

        var missing = documents.Where(d => d.Publisher is { } p && !actorList.ContainsKey(p)).Select(d => d.Publisher!.Value)
            .Concat(edgeList.SelectMany(e => e.Evidence).Where(e => e.AttributedTo is { } a && !actorList.ContainsKey(a)).Select(e => e.AttributedTo!.Value))
            .Distinct().ToList();
        foreach (var (id, actor) in await store.GetActorsAsync(missing, cancellationToken).ConfigureAwait(false))
        {
            actorList[id] = actor;
        }

        return CanonicalSnapshot.Of(new GraphSnapshot([.. actorList.Values], documents, edgeList));
    }
}
