using Graph.Core.Model;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>EvidenceInput</c> input type: one source's support, and how it is read and checked against its document.</summary>
internal static class EvidenceInput
{
    /// <summary>The evidence an input gives, checked against its stored document; null (with problems recorded) when it cannot be.</summary>
    public static async Task<Evidence?> ReadAsync(IResolveFieldContext c, GraphRequestContext context, InputReader item)
    {
        var quote = (item.Value("quote") as string) ?? "";
        if (quote.Trim().Length == 0)
        {
            item.Problem("quote", "must not be empty: give the sentence or clause, verbatim.");
        }
        else if (quote.Length > 5_000)
        {
            item.Problem("quote", $"must be at most 5000 characters; got {quote.Length}.");
        }

        var confidence = item.Float("confidence") ?? 1.0;
        if (confidence is < 0 or > 1 || double.IsNaN(confidence))
        {
            item.Problem("confidence", $"must be between 0 and 1; got {confidence}.");
        }

        var extractor = item.Text("extractor", maxLength: 100) ?? "analyst";
        var stance = item.Value("stance") is Stance s ? s : Stance.Asserts;
        var attributes = item.Object("attributes") is { } a ? RelationshipAttributesInput.Read(a) : null;
        Actor? attributedTo = null;
        if (item.Text("attributedTo", maxLength: 2048) is not null)
        {
            attributedTo = await MutationObject.ResolveInputActorAsync(c, context, item, "attributedTo").ConfigureAwait(false);
        }

        Document? document = null;
        if (item.Text("document", required: true, maxLength: 2048) is { } documentText
            && item.Try("document", () => (DocumentId?)Args.ParseDocumentId(documentText, "document")) is { } documentId)
        {
            document = await context.Store.GetDocumentAsync(documentId, c.CancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                item.Problem("document", $"Unknown document '{documentId}'. Stored documents are listed by the 'documents' query.");
            }
        }

        if (document is null || quote.Trim().Length == 0 || quote.Length > 5_000)
        {
            return null;
        }

        int start;
        if (item.Int("start") is { } given)
        {
            if (given < 0 || given > document.Text.Length - quote.Length || string.CompareOrdinal(document.Text, given, quote, 0, quote.Length) != 0)
            {
                var found = document.Text.IndexOf(quote, StringComparison.Ordinal);
                item.Problem("start", found >= 0
                    ? $"the quote is not at offset {given} of '{document.Id}'; it occurs at {found}."
                    : $"the quote does not occur verbatim in '{document.Id}'.");
                return null;
            }

            start = given;
        }
        else
        {
            start = document.Text.IndexOf(quote, StringComparison.Ordinal);
            if (start < 0)
            {
                item.Problem("quote", $"does not occur verbatim in '{document.Id}' (quotes must match the text exactly, including punctuation).");
                return null;
            }

            if (document.Text.IndexOf(quote, start + 1, StringComparison.Ordinal) >= 0)
            {
                item.Problem("start", $"the quote occurs more than once in '{document.Id}'; give start to say which (first at {start}).");
                return null;
            }
        }

        if (item.Problems.Count > 0)
        {
            return null;
        }

        return new Evidence(document.Id, quote, start, start + quote.Length, attributedTo?.Id, stance, confidence, extractor, attributes);
    }

    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("EvidenceInput", t => t
        .Description("One source's support: a quote that occurs verbatim in a stored document.")
        .Field("document", Scalars.ID.NonNull(), f => f.Description("The document: `doc:slug` or its global id."))
        .Field("quote", Scalars.String.NonNull(), f => f.Description("The sentence or clause that states it, exactly as in the document text."))
        .Field("start", Scalars.Int, f => f.Description("Offset of the quote in the text; found by searching when absent (then the quote must occur exactly once)."))
        .Field("attributedTo", Scalars.ID, f => f.Description("The actor the document credits with the claim, if any."))
        .Field("stance", Types.Ref("Stance"), f => f.Description("How the source states it.").DefaultValue(Stance.Asserts))
        .Field("confidence", Scalars.Float, f => f.Description("How sure, 0..1.").DefaultValue(1.0))
        .Field("extractor", Scalars.String, f => f.Description("Who read it out.").DefaultValue("analyst"))
        .Field("attributes", Types.Ref("RelationshipAttributesInput"), f => f.Description("Figures this source gives, when they may differ from other sources'.")));
}
