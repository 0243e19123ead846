using Graph.Api.Schema.Relationships;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Documents;

/// <summary>The <c>TextHit</c> object type: a full-text match in a document's text or in an evidence's quote.</summary>
internal static class TextHitObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<TextHit>("TextHit", t => t
        .Description("A full-text match: in a document's text, or in the quote of a relationship's evidence.")
        .Field("document", Types.Ref("Document"), f => f
            .Description("The document the match is in.")
            .ResolveAsync(async (h, c) => await GraphRequestContext.Of(c).Documents(c).LoadAsync(h.Document).ConfigureAwait(false)))
        .Field("documentId", Scalars.String.NonNull(), "The document's readable id.", h => h.Document.Value)
        .Field("title", Scalars.String.NonNull(), "The document's title.", h => h.Title)
        .Field("snippet", Scalars.String.NonNull(), "Text around the match, the matched words between [ and ].", h => h.Snippet)
        .Field("relationship", Types.Ref("Relationship"), f => f
            .Description("For a match in a quote, the relationship that evidence supports; null for a match in a document's text.")
            .ResolveAsync(async (h, c) => h.Edge is { } key && await GraphRequestContext.Of(c).Store.GetRelationshipAsync(key, c.CancellationToken).ConfigureAwait(false) is { } edge
                ? new RelationshipView(edge)
                : null))
        .Field("start", Scalars.Int, "For a match in a quote, the quote's offset in the document.", h => h.Start)
        .Field("rank", Scalars.Float.NonNull(), "Relevance; higher is better.", h => h.Rank));
}
