using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>
/// The <c>Query</c> root: lookups, searches, traversals and reports. Each field is declared and resolved in its own
/// file of this folder, named after it (<c>paths</c> in <see cref="PathsField"/>).
/// </summary>
internal static class QueryObject
{
    /// <summary>Declares the root with its fields, in the order the schema lists them.</summary>
    public static ObjectType Create() => ObjectType.Create<object>("Query", t =>
    {
        t.Description("Read the graph: find actors, walk their relationships, trace paths, and read the evidence behind every edge.");
        NodeField.Declare(t);
        NodesField.Declare(t);
        ActorField.Declare(t);
        ActorsField.Declare(t);
        NeighbourhoodField.Declare(t);
        PathsField.Declare(t);
        CommonNeighboursField.Declare(t);
        TimelineField.Declare(t);
        DocumentsField.Declare(t);
        DocumentField.Declare(t);
        EvidenceField.Declare(t);
        ConflictsField.Declare(t);
        StatsField.Declare(t);
        ProposalsField.Declare(t);
        TextSearchField.Declare(t);
        RulePrecisionField.Declare(t);
        Exchange.ExportField.Declare(t);
    });
}
