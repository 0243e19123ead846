using Graph.Api.Composition;
using Graph.Core.Errors;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>textSearch(query:)</c> field: full-text search over documents and quotes.</summary>
internal static class TextSearchField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("textSearch", Types.List(Types.Ref("TextHit").NonNull()), f => f
            .Description("Full-text search over the stored documents' texts and the quotes of every relationship's evidence, best match first. Words are matched ignoring case and accents; a word ending in `*` matches as a prefix.")
            .Argument("query", Scalars.String.NonNull(), a => a.Description("The words to find, 2..200 characters."))
            .Argument("first", Scalars.Int, a => a.Description("At most this many hits, 1..200.").DefaultValue(20))
            .ResolveAsync(async (_, c) =>
            {
                var text = Args.String(c, "query")?.Trim() ?? "";
                if (text.Length is < 2 or > 200)
                {
                    throw new InvalidArgumentException("query", $"textSearch needs 2..200 characters; got {text.Length}.");
                }

                var first = Args.Int(c, "first") ?? 20;
                if (first is < 1 or > 200)
                {
                    throw new InvalidArgumentException("first", $"first must be between 1 and 200; got {first}.");
                }

                return await IngestionComposition.IngestionStoreOf(GraphRequestContext.Of(c).Store).SearchTextAsync(text, first, c.CancellationToken).ConfigureAwait(false);
            }));
}
