using Graph.Api.Exchange;
using Graph.Core.Store;
using Graph.GraphQL.Type;
using Graph.Ingest.Exchange;

namespace Graph.Api.Schema.Exchange;

/// <summary>An export's answer: the files, and what the subgraph holds.</summary>
public sealed record ExportedGraph(ExchangeFormat Format, int ActorCount, int RelationshipCount, int EvidenceCount, int DocumentCount, IReadOnlyList<ExportedFile> Files)
{
    /// <summary>
    /// Writes the snapshot with the command line's writers into a private temporary folder and reads the files back,
    /// so the API and the command line give the same bytes; the folder is deleted whatever happens.
    /// </summary>
    public static ExportedGraph Render(GraphSnapshot snapshot, ExchangeFormat format, string source)
    {
        var folder = Directory.CreateTempSubdirectory("graph-export-");
        try
        {
            var target = Path.Combine(folder.FullName, format switch
            {
                ExchangeFormat.GraphMl => "graph.graphml",
                ExchangeFormat.Gexf => "graph.gexf",
                ExchangeFormat.Csv => "graph",
                ExchangeFormat.Json => "graph.json",
                ExchangeFormat.Cypher => "graph.cypher",
                _ => throw new ArgumentOutOfRangeException(nameof(format)),
            });
            GraphExport.Write(snapshot, format, target, source);
            var files = Directory.EnumerateFiles(folder.FullName, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(folder.FullName, file).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .Select(name => new ExportedFile(name, MediaType(name), File.ReadAllText(Path.Combine(folder.FullName, name))))
                .ToList();
            return new ExportedGraph(format, snapshot.Actors.Count, snapshot.Relationships.Count, snapshot.Relationships.Sum(r => r.Evidence.Count), snapshot.Documents.Count, files);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string MediaType(string name) => Path.GetExtension(name) switch
    {
        ".graphml" or ".gexf" => "application/xml",
        ".csv" => "text/csv",
        ".json" => "application/json",
        _ => "text/plain",
    };
}

/// <summary>One file of an export: its name (a relative path, '/'-separated), media type and text.</summary>
public sealed record ExportedFile(string Name, string MediaType, string Content);

/// <summary>The types of the <c>export</c> field: its format enum, its OneOf scope input and its answer.</summary>
internal static class ExportTypes
{
    /// <summary>Declares the types.</summary>
    public static IEnumerable<NamedType> Create()
    {
        yield return new EnumType("ExportFormat", e => e
            .Description("The exchange formats of `export`.")
            .Value("GRAPHML", ExchangeFormat.GraphMl, v => v.Description("GraphML, for Gephi, yEd and NetworkX: actors as nodes, relationships as edges, typed keys."))
            .Value("GEXF", ExchangeFormat.Gexf, v => v.Description("GEXF 1.3, for Gephi."))
            .Value("CSV", ExchangeFormat.Csv, v => v.Description("`nodes.csv` and `relationships.csv` in the layout `neo4j-admin database import` reads; `import` reads them back."))
            .Value("JSON", ExchangeFormat.Json, v => v.Description("The knowledge-file format, document texts as files beside it; `import` reads it back."))
            .Value("CYPHER", ExchangeFormat.Cypher, v => v.Description("A script of MERGE statements for `cypher-shell -f`, after `cypher/schema.cypher`.")));

        yield return new InputObjectType("ExportScope", t => t
            .Description("What `export` writes: exactly one of the fields.")
            .OneOf()
            .Field("neighbourhood", Types.Ref("NeighbourhoodExportScope"), f => f.Description("An actor's neighbourhood."))
            .Field("paths", Types.Ref("PathsExportScope"), f => f.Description("The shortest paths between two actors."))
            .Field("document", Scalars.ID, f => f.Description("A document's facts: the relationships it states, with that document's evidence only (`doc:slug` or the document's global id).")));

        yield return new InputObjectType("NeighbourhoodExportScope", t => t
            .Description("An actor's neighbourhood, with the same caps as `neighbourhood`.")
            .Field("actor", Scalars.ID.NonNull(), f => f.Description("The centre: an id, a name or an alias."))
            .Field("depth", Scalars.Int, f => f.Description("Hops from the centre, 1 to 4.").DefaultValue(1))
            .Field("limit", Scalars.Int, f => f.Description("Actors at most, centre included, 1 to 10,000.").DefaultValue(500)));

        yield return new InputObjectType("PathsExportScope", t => t
            .Description("The shortest paths between two actors, as `paths` finds them.")
            .Field("from", Scalars.ID.NonNull(), f => f.Description("One end: an id, a name or an alias."))
            .Field("to", Scalars.ID.NonNull(), f => f.Description("The other end."))
            .Field("maxDepth", Scalars.Int, f => f.Description("Hops at most, 1 to 8.").DefaultValue(4))
            .Field("limit", Scalars.Int, f => f.Description("Paths at most, 1 to 1,000.").DefaultValue(10)));

        yield return ObjectType.Create<ExportedGraph>("ExportedGraph", t =>
        {
            t.Description("An exported subgraph: its files, and how much it holds.");
            t.Field("format", Types.Ref("ExportFormat").NonNull(), f => f.Description("The format of the files.").Resolve((g, _) => g.Format));
            t.Field("actorCount", Scalars.Int.NonNull(), f => f.Description("Actors in the export (publishers of cited documents included).").Resolve((g, _) => g.ActorCount));
            t.Field("relationshipCount", Scalars.Int.NonNull(), f => f.Description("Relationships in the export.").Resolve((g, _) => g.RelationshipCount));
            t.Field("evidenceCount", Scalars.Int.NonNull(), f => f.Description("Pieces of evidence in the export.").Resolve((g, _) => g.EvidenceCount));
            t.Field("documentCount", Scalars.Int.NonNull(), f => f.Description("Documents the evidence cites.").Resolve((g, _) => g.DocumentCount));
            t.Field("files", Types.List(Types.Ref("ExportedFile").NonNull()).NonNull(), f => f.Description("The files, by name: one for GraphML, GEXF and Cypher; `nodes.csv` and `relationships.csv` for CSV; the knowledge file and its document texts for JSON.").Resolve((g, _) => g.Files));
        });

        yield return ObjectType.Create<ExportedFile>("ExportedFile", t =>
        {
            t.Description("One file of an export.");
            t.Field("name", Scalars.String.NonNull(), f => f.Description("Its path inside the export, '/'-separated (`graph/nodes.csv`, `graph.texts/doc-x.txt`).").Resolve((x, _) => x.Name));
            t.Field("mediaType", Scalars.String.NonNull(), f => f.Description("Its media type, for a download.").Resolve((x, _) => x.MediaType));
            t.Field("content", Scalars.String.NonNull(), f => f.Description("Its text, UTF-8.").Resolve((x, _) => x.Content));
        });
    }
}
