using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Storage.Tests.Contract;

/// <summary>
/// Builds small graphs by hand for tests: documents whose text is numbered sentences, so each evidence quotes its own
/// sentence verbatim at known offsets.
/// </summary>
internal static class GraphBuilder
{
    private const int SentenceLength = 35;

    /// <summary>A document of <paramref name="sentences"/> numbered sentences.</summary>
    public static Document Document(string slug, int sentences = 500, PartialDate? published = null, ActorId? publisher = null)
    {
        var text = string.Concat(Enumerable.Range(0, sentences).Select(i => $"Claim number {i:D5} is stated here. "));
        return new Document(DocumentId.Parse("doc:" + slug), "Document " + slug, publisher, null, published, text);
    }

    /// <summary>Evidence quoting sentence <paramref name="sentence"/> of the document.</summary>
    public static Evidence Quote(Document document, int sentence, double confidence = 1.0, EdgeAttributes? attributes = null, ActorId? attributedTo = null)
    {
        var start = sentence * SentenceLength;
        var quote = document.Text.Substring(start, SentenceLength - 1);
        var stance = confidence >= 1.0 ? Stance.Asserts : Stance.Hedged;
        return new Evidence(document.Id, quote, start, start + quote.Length, attributedTo, stance, confidence, "curated", attributes);
    }

    public static Actor State(string slug, params string[] aliases) =>
        new(ActorId.Parse("state:" + slug), NodeKind.State, Title(slug), aliases, new Dictionary<string, string>());

    public static Actor Actor(NodeKind kind, string slug, params string[] aliases) =>
        new(ActorId.Parse(GraphOntology.IdPrefix(kind) + ":" + slug), kind, Title(slug), aliases, new Dictionary<string, string>());

    public static Relationship Edge(RelationshipType type, Actor from, Actor to, params Evidence[] evidence) =>
        new(type, from.Id, to.Id, EdgeAttributes.None, evidence);

    public static Relationship Edge(RelationshipType type, Actor from, Actor to, EdgeAttributes attributes, params Evidence[] evidence) =>
        new(type, from.Id, to.Id, attributes, evidence);

    public static EdgeAttributes Dated(string? from, string? to = null) => new()
    {
        ValidFrom = from is null ? null : PartialDate.Parse(from),
        ValidTo = to is null ? null : PartialDate.Parse(to),
    };

    public static GraphSnapshot Snapshot(IEnumerable<Actor> actors, IEnumerable<Document> documents, IEnumerable<Relationship> edges) =>
        new([.. actors], [.. documents], [.. edges]);

    private static string Title(string slug) =>
        string.Join(' ', slug.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
