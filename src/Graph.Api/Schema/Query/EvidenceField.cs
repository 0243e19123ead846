using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Relationships;
using Graph.Core.Errors;
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

                var hits = await GraphRequestContext.Of(c).Store.SearchEvidenceAsync(text, MaxEvidenceHits, c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(hits.Select(h => new EvidenceView(h.Evidence, h.Relationship)).ToList(), Args.Int(c, "first"), Args.String(c, "after"));
            }));
}
