using Graph.Api.Exchange;
using Graph.GraphQL.Type;
using Graph.Ingest.Exchange;

namespace Graph.Api.Schema.Exchange;

/// <summary>
/// The <c>export(format:, of:)</c> field: a subgraph (a neighbourhood, the paths between two actors, or a document's
/// facts) in one of the exchange formats, as the files the command line's <c>export</c> would write. The whole graph
/// is exported on the command line only: an answer is held in memory, a subgraph is bounded by its scope's limits.
/// </summary>
internal static class ExportField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("export", Types.Ref("ExportedGraph"), f => f
            .Description("A subgraph in an exchange format, as the files `export` on the command line writes for the same scope (byte for byte): " +
                "GraphML or GEXF for Gephi and yEd, neo4j-admin CSV, the knowledge-file JSON (which `import` reads back) or a Cypher script. " +
                "The subgraph carries the documents its evidence cites and their publishers, so it imports on its own. Null with an error when the scope names an unknown actor or document.")
            .Argument("format", Types.Ref("ExportFormat").NonNull(), a => a.Description("The format of the files."))
            .Argument("of", Types.Ref("ExportScope").NonNull(), a => a.Description("What to export: exactly one of a neighbourhood, the paths between two actors, or a document's facts."))
            .ResolveAsync(async (_, c) =>
            {
                var format = Args.Enum<ExchangeFormat>(c, "format")!.Value;
                var scope = ReadScope(Args.Raw(c, "of"));
                var store = GraphRequestContext.Of(c).Store;
                var snapshot = await GraphExport.SelectAsync(store, scope, c.CancellationToken).ConfigureAwait(false);
                return await Task.Run(() => ExportedGraph.Render(snapshot, format, $"the {store.Name} store through the GraphQL API"), c.CancellationToken).ConfigureAwait(false);
            }));

    private static ExportScope ReadScope(object? value)
    {
        // ExportScope is a OneOf input: validation has already made sure exactly one field is set.
        var input = new InputReader(value, "of");
        if (input.Object("neighbourhood") is { } n)
        {
            var actor = n.Text("actor", required: true);
            var depth = n.Int("depth") ?? 1;
            var limit = n.Int("limit") ?? 500;
            input.ThrowIfAny();
            return new ExportScope.Neighbourhood(actor!, depth, limit);
        }

        if (input.Object("paths") is { } p)
        {
            var from = p.Text("from", required: true);
            var to = p.Text("to", required: true);
            var maxDepth = p.Int("maxDepth") ?? 4;
            var limit = p.Int("limit") ?? 10;
            input.ThrowIfAny();
            return new ExportScope.Paths(from!, to!, maxDepth, limit);
        }

        var document = input.Text("document", required: true);
        input.ThrowIfAny();
        return new ExportScope.DocumentFacts(document!);
    }
}
