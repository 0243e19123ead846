using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Relationships;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>evidence(search:)</c> field: evidence whose quote contains a text.</summary>
internal static class EvidenceField
{
    /// <summary>Most evidence hits a search collects before paging.</summary>
    private const int MaxEvidenceHits = 1_000;

    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("evidence", ConnectionTypes.RootOf("Evidence"), f => f
            .Description("Evidence whose quote contains the text (ignoring case and accents), newest document first; each with its relationship.")
            .Argument("search", Scalars.String.NonNull(), a => a.Description("Text to find in quotes, at least 2 characters."))
            .PageArguments()
            .ResolveAsync(async (_, c) =>
            {
                var text = ((string)Args.Raw(c, "search")!).Trim();
                if (text.Length < 2)
                {
                    throw new InvalidArgumentException("search", $"search must have at least 2 characters; got '{text}'.");
                }

                var cursors = CursorList.For(c, "Query.evidence");
                var context = GraphRequestContext.Of(c);
                var hits = await context.Store.SearchEvidenceAsync(text, MaxEvidenceHits, c.CancellationToken).ConfigureAwait(false);

                // The order is by document date, which the hits do not carry: the request's document cache has them (and the
                // hits' document fields reuse it).
                var ids = hits.Select(h => h.Evidence.DocumentId).Distinct().ToList();
                var documents = await context.Documents(c).LoadManyAsync(ids).ConfigureAwait(false);
                var published = new Dictionary<DocumentId, PartialDate?>(ids.Count);
                for (var i = 0; i < ids.Count; i++)
                {
                    published[ids[i]] = documents[i]?.Published;
                }

                return Paging.Page(c, cursors, hits.Select(h => new EvidenceView(h.Evidence, h.Relationship)).ToList(), v => SortKeys.FoundEvidence(v, published[v.Evidence.DocumentId]));
            }));
}
