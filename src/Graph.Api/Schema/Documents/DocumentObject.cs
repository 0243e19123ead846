using Graph.Api.Composition;
using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Review;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Documents;

/// <summary>The <c>Document</c> object type: a source article, the verbatim text every quote is read from.</summary>
internal static class DocumentObject
{
    /// <summary>What <c>mentions</c> weighs in the cost analysis: it reads every actor's names (once per request) and scans the whole text.</summary>
    public const double MentionsCost = 100;

    /// <summary>How many mentions the cost analysis assumes a document has (the seed articles have 40 to 120).</summary>
    public const int MentionsAssumedCount = 200;

    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<Document>("Document", t => t
        .Description("A source article: the verbatim text every quote is read from. Not an actor.")
        .Implements(Types.Ref("Node"))
        .IsTypeOf()
        .Field("id", Scalars.ID.NonNull(), "Opaque global id; use it with `node`.", d => GlobalId.ForDocument(d.Id))
        .Field("documentId", Scalars.String.NonNull(), "Stable readable id `doc:slug`; accepted wherever a document is asked for.", d => d.Id.Value)
        .Field("title", Scalars.String.NonNull(), "Headline.", d => d.Title)
        .Field("publisher", Types.Ref("Actor"), f => f
            .Description("The organization that published it, when known.")
            .ResolveAsync(async (d, c) => d.Publisher is { } id ? await GraphRequestContext.Of(c).Actors(c).LoadAsync(id).ConfigureAwait(false) : null))
        .Field("url", Scalars.String, "Where it was published, when known.", d => d.Url)
        .Field("published", Types.Ref("PartialDate"), "When it was published, at the precision known.", d => d.Published)
        .Field("text", Scalars.String.NonNull(), "The full text, verbatim; evidence offsets index into it (UTF-16 code units).", d => d.Text)
        .Field("length", Scalars.Int.NonNull(), "Length of the text in UTF-16 code units.", d => d.Text.Length)
        .Field("contentHash", Scalars.String.NonNull(), "SHA-256 of the UTF-8 text, lower-case hex: tells two copies of one text apart from two texts.", d => d.ContentHash)
        .Field("mentions", Types.NonNullList(Types.Ref("ActorMention")), f => f
            .Description("Every place the text names an actor of the graph by its name or an alias, in text order: whole words, case and accents folded, the longest name at each place, never overlapping; acronyms only in capitals. Reads every actor's names once per request, so it costs more than a plain field.")
            .Cost(MentionsCost)
            .ListSize(MentionsAssumedCount)
            .ResolveAsync(async (d, c) => (await GraphRequestContext.Of(c).NameMatcherAsync(c.CancellationToken).ConfigureAwait(false)).Find(d.Text)))
        .Field("ingestion", Types.Ref("DocumentIngestion"), f => f
            .Description("How the document came in (format, language, version chain); null for documents loaded from curated knowledge.")
            .ResolveAsync(async (d, c) => await IngestionComposition.IngestionStoreOf(GraphRequestContext.Of(c).Store).GetStoredDocumentAsync(d.Id, c.CancellationToken).ConfigureAwait(false)))
        .Field("proposals", ConnectionTypes.Of("Proposal"), f => f
            .Description("What extractors proposed from this document, in document order.")
            .Argument("status", Types.Ref("ProposalStatus"), a => a.Description("Only proposals in this state; null for all."))
            .Argument("minConfidence", Scalars.Float, a => a.Description("Only proposals at least this sure, 0..1."))
            .PageArguments()
            .ResolveAsync(async (d, c) => await ProposalPages.PageAsync(c, new ProposalQuery(d.Id, Args.Enum<ProposalStatus>(c, "status"), ProposalPages.MinConfidence(c)), "Document.proposals", d.Id.Value).ConfigureAwait(false))));
}
