using Graph.Api.Composition;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Extraction.Reading;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;
using Graph.Ingest.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Api.GraphQL;

/// <summary>
/// The ingestion and review fields of the roots: <c>proposals</c>, <c>textSearch</c>, <c>rulePrecision</c>;
/// <c>ingestDocument</c>, <c>acceptProposal(s)</c>, <c>rejectProposal(s)</c>, <c>editProposal</c>, <c>reextractDocument</c>.
/// </summary>
internal sealed partial class ActorSchemaBuilder
{
    /// <summary>Most proposals one batch decision takes.</summary>
    private const int MaxProposalsPerDecision = 1_000;

    private ObjectTypeBuilder AddIngestionQueries(ObjectTypeBuilder t) => t
        .Field("proposals", Connection("Proposal", _proposal), f =>
        {
            f.Description("The review queue: what extractors proposed, with quotes and rules, in document order. Without arguments, every pending proposal.")
                .Argument("document", Scalars.ID, a => a.Description("Only proposals read from this document (`doc:slug` or its global id)."))
                .Argument("status", _proposalStatus, a => a.Description("Only proposals in this state; null for all.").DefaultValue(ProposalStatus.Pending))
                .Argument("minConfidence", Scalars.Float, a => a.Description("Only proposals at least this sure, 0..1."))
                .Argument("rule", Scalars.String, a => a.Description("Only proposals of this extractor rule."));
            PageArguments(f);
            f.Resolve(Run(async c => await ProposalPageAsync(c, ProposalQueryFrom(c)).ConfigureAwait(false)));
        })
        .Field("textSearch", Types.NonNullList(_textHit), f => f
            .Description("Full-text search over the stored documents' texts and the quotes of every relationship's evidence, best match first. Words are matched ignoring case and accents; a word ending in `*` matches as a prefix.")
            .Argument("query", Scalars.String.NonNull(), a => a.Description("The words to find, 2..200 characters."))
            .Argument("first", Scalars.Int, a => a.Description("At most this many hits, 1..200.").DefaultValue(20))
            .Resolve(Run(async c =>
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
            })))
        .Field("rulePrecision", Types.NonNullList(_rulePrecision), f => f
            .Description("How analysts have judged each extractor rule so far: accepted, rejected, pending and precision. Which rules to trust.")
            .Resolve(Run(async c => await Review(c).GetRulePrecisionAsync(c.CancellationToken).ConfigureAwait(false))));

    private ObjectTypeBuilder AddIngestionMutations(ObjectTypeBuilder t)
    {
        var ingestInput = new InputObjectType("IngestDocumentInput", i => i
            .Description("A document to ingest: its text, or its file's bytes in base64 (text, Markdown, HTML, PDF or DOCX), and what the caller knows about it. What the caller gives wins over what the document says.")
            .Field("text", Scalars.String, f => f.Description("The document as text (plain, Markdown or HTML). Give exactly one of `text` and `contentBase64`."))
            .Field("contentBase64", Scalars.String, f => f.Description("The file's bytes in base64 (any supported format; the format and encoding are detected)."))
            .Field("fileName", Scalars.String, f => f.Description("The file's name, a hint for the format (`report.pdf`)."))
            .Field("title", Scalars.String, f => f.Description("The title, instead of the one the document gives."))
            .Field("publisher", Scalars.String, f => f.Description("The publisher's name."))
            .Field("url", Scalars.String, f => f.Description("Where it was published (http or https). A new text at a known URL is a new version."))
            .Field("published", _partialDate, f => f.Description("Publication date: `2025`, `2025-02` or `2025-02-09`."))
            .Field("language", Scalars.String, f => f.Description("ISO 639-1 language code, e.g. `en`."))
            .Field("autoAcceptAbove", Scalars.Float, f => f.Description("Accept proposals at or above this confidence (0..1) at once; by default every proposal waits for review.")));

        var editInput = new InputObjectType("EditProposalInput", i => i
            .Description("Changes to a pending proposal before deciding it; fields left out stay as they are.")
            .Field("id", Scalars.ID.NonNull(), f => f.Description("The proposal (`proposal:...`)."))
            .Field("type", _relationshipType, f => f.Description("Another relationship type; the ends must fit its rule."))
            .Field("from", Scalars.ID, f => f.Description("Another source actor: a global id, a readable id or a name of an actor in the graph."))
            .Field("to", Scalars.ID, f => f.Description("Another target actor, likewise."))
            .Field("start", Scalars.Int, f => f.Description("The quote's new start offset in the document text; the quote is re-read from the text."))
            .Field("end", Scalars.Int, f => f.Description("The quote's new end offset (exclusive)."))
            .Field("attributedTo", Scalars.ID, f => f.Description("Whom the document credits instead: an actor in the graph."))
            .Field("clearAttribution", Scalars.Boolean, f => f.Description("True to credit no one."))
            .Field("stance", _stance, f => f.Description("Asserts, hedged or denies.")));

        var ingestPayload = new ObjectType("IngestDocumentPayload", p => p
            .Description("What ingestDocument did.")
            .Field("outcome", new EnumType("IngestOutcome", e => e
                    .Description("What ingesting a document did.")
                    .Value("CREATED", IngestOutcome.Created, v => v.Description("A new document was stored and read."))
                    .Value("DUPLICATE", IngestOutcome.Duplicate, v => v.Description("The same text is already stored: nothing was written."))
                    .Value("NEW_VERSION", IngestOutcome.NewVersion, v => v.Description("The URL was ingested before with another text: a new version was stored, linked to the previous one."))
                    .Value("REEXTRACTED", IngestOutcome.Reextracted, v => v.Description("A stored document was read again; only new proposals were added.")))
                .NonNull(), f => f.Description("Created, duplicate, new version or re-extracted.").Resolve(c => ((IngestionResult)c.Source!).Outcome))
            .Field("message", Scalars.String.NonNull(), f => f.Description("One line saying what happened.").Resolve(c => ((IngestionResult)c.Source!).Describe()))
            .Field("document", _document, f => f
                .Description("The document stored (for a duplicate, the one already holding the text).")
                .Resolve(Run(async c => await GraphRequestContext.Of(c).Store.GetDocumentAsync(((IngestionResult)c.Source!).Document, c.CancellationToken).ConfigureAwait(false))))
            .Field("proposalCount", Scalars.Int.NonNull(), f => f.Description("Proposals added to the review queue (auto-accepted ones included).").Resolve(c => ((IngestionResult)c.Source!).Proposals))
            .Field("autoAccepted", Scalars.Int.NonNull(), f => f.Description("Of those, accepted at once by the threshold.").Resolve(c => ((IngestionResult)c.Source!).AutoAccepted))
            .Field("skippedRejected", Scalars.Int.NonNull(), f => f.Description("Proposals not added because an analyst rejected them before.").Resolve(c => ((IngestionResult)c.Source!).SkippedRejected))
            .Field("proposals", Types.NonNullList(_proposal), f => f
                .Description("The document's proposals as they stand now, in document order.")
                .Resolve(Run(async c => await Review(c).ListAsync(new ProposalQuery(((IngestionResult)c.Source!).Document, Status: null, Limit: ProposalQuery.MaxLimit), c.CancellationToken).ConfigureAwait(false)))));

        var reviewPayload = new ObjectType("ReviewProposalsPayload", p => p
            .Description("What a review decision did.")
            .Field("proposals", Types.NonNullList(_proposal), f => f.Description("The proposals decided, as they stand now.").Resolve(c => (IReadOnlyList<ProposalRecord>)c.Source!))
            .Field("count", Scalars.Int.NonNull(), f => f.Description("How many were decided.").Resolve(c => ((IReadOnlyList<ProposalRecord>)c.Source!).Count)));

        return t
            .Field("ingestDocument", ingestPayload, f => f
                .Description("Reads a document (text, Markdown, HTML, PDF or DOCX), stores it with its metadata and content hash, and queues what the extractor reads from it for review. The same text twice does nothing and says so.")
                .Argument("input", ingestInput.NonNull(), a => a.Description("The document and its metadata."))
                .Resolve(Write(IngestDocumentAsync)))
            .Field("acceptProposal", _proposal, f => f
                .Description("Accepts one pending proposal: it becomes evidence on its relationship (corroboration when the edge exists; a differing figure is kept as a conflict), creating the actors it names.")
                .Argument("id", Scalars.ID.NonNull(), a => a.Description("The proposal."))
                .Argument("note", Scalars.String, a => a.Description("A note kept with the decision."))
                .Resolve(Write(async (c, _, _) => await Review(c).AcceptAsync(ProposalId(c), Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false))))
            .Field("rejectProposal", _proposal, f => f
                .Description("Rejects one pending proposal; it is remembered, so reading the document again does not propose it again.")
                .Argument("id", Scalars.ID.NonNull(), a => a.Description("The proposal."))
                .Argument("note", Scalars.String, a => a.Description("Why, kept with the decision."))
                .Resolve(Write(async (c, _, _) => await Review(c).RejectAsync(ProposalId(c), Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false))))
            .Field("acceptProposals", reviewPayload, f => BatchDecision(f, accept: true))
            .Field("rejectProposals", reviewPayload, f => BatchDecision(f, accept: false))
            .Field("editProposal", _proposal, f => f
                .Description("Changes a pending proposal (type, ends, quote span, attribution, stance) before deciding it; checked against the ontology's rules.")
                .Argument("input", editInput.NonNull(), a => a.Description("The proposal and what to change."))
                .Resolve(Write(EditProposalAsync)))
            .Field("reextractDocument", ingestPayload, f => f
                .Description("Reads a stored document again with the current extractor; only new proposals are queued, and rejected ones are not proposed again.")
                .Argument("document", Scalars.ID.NonNull(), a => a.Description("The document (`doc:slug` or its global id)."))
                .Resolve(Write(async (c, _, _) => await Ingestion(c).ReextractAsync(Args.ParseDocumentId(Args.String(c, "document")!, "document"), cancellationToken: c.CancellationToken).ConfigureAwait(false))));
    }

    private void BatchDecision(FieldBuilder f, bool accept)
    {
        var verb = accept ? "accept" : "reject";
        f.Description(accept
                ? "Accepts proposals in one transaction: by ids, or every pending proposal of a document at or above a confidence. One that cannot be written refuses the batch, which then changes nothing."
                : "Rejects proposals in one transaction: by ids, or every pending proposal of a document (at or above `minConfidence` when given). They are remembered, so reading the document again does not propose them again.")
            .Argument("ids", Types.List(Scalars.ID.NonNull()), a => a.Description($"The proposals, at most {MaxProposalsPerDecision}."))
            .Argument("document", Scalars.ID, a => a.Description($"Instead of ids: every pending proposal of this document."))
            .Argument("minConfidence", Scalars.Float, a => a.Description("With `document`: only proposals at least this sure, 0..1."))
            .Argument("note", Scalars.String, a => a.Description("A note kept with each decision."))
            .Resolve(Write(async (c, _, _) =>
            {
                var ids = Args.List<string>(c, "ids") ?? [];
                var document = Args.String(c, "document");
                if ((ids.Count == 0) == (document is null))
                {
                    throw new InvalidArgumentException("ids", $"{verb}Proposals takes either 'ids' (from `proposals`) or 'document' (every pending proposal of it), not both and not neither.");
                }

                if (document is not null)
                {
                    ids = [.. await Review(c).PendingIdsAsync(Args.ParseDocumentId(document, "document"), Confidence(c), c.CancellationToken).ConfigureAwait(false)];
                    if (ids.Count == 0)
                    {
                        return Array.Empty<ProposalRecord>();
                    }
                }

                if (ids.Count > MaxProposalsPerDecision)
                {
                    throw new InvalidArgumentException("ids", $"{verb}Proposals takes at most {MaxProposalsPerDecision} proposals at once; got {ids.Count}.");
                }

                var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
                return accept
                    ? await Review(c).AcceptAsync(distinct, Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false)
                    : await Review(c).RejectAsync(distinct, Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false);
            }));
    }

    private static async Task<object?> IngestDocumentAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var text = input.Text("text", maxLength: int.MaxValue);
        var base64 = input.Text("contentBase64", maxLength: int.MaxValue);
        var fileName = input.Text("fileName", maxLength: 255);
        if ((text is null) == (base64 is null))
        {
            input.Problem("text", "give exactly one of 'text' (the document as text) and 'contentBase64' (the file's bytes in base64).");
        }

        byte[] bytes = [];
        if (base64 is not null)
        {
            try
            {
                bytes = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                input.Problem("contentBase64", "is not valid base64 (RFC 4648: A-Z, a-z, 0-9, '+', '/', '=' padding).");
            }
        }
        else if (text is not null)
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(text);
        }

        var threshold = input.Float("autoAcceptAbove");
        if (threshold is < 0 or > 1)
        {
            input.Problem("autoAcceptAbove", $"must be between 0 and 1; got {threshold}.");
        }

        input.ThrowIfAny();
        var source = fileName ?? "api";
        try
        {
            return await ReadAndIngestAsync(c, input, source, bytes, fileName ?? (text is not null ? ".txt" : null), threshold).ConfigureAwait(false);
        }
        catch (DocumentReadException e)
        {
            throw ApiErrors.Coded(ApiErrors.BadUserInput, e.Message);
        }
    }

    private static async Task<object?> ReadAndIngestAsync(IResolveFieldContext c, InputReader input, string source, byte[] bytes, string? formatHint, double? threshold)
    {
        var overrides = DocumentMetadata.Parse(source, input.Text("title", maxLength: 500), input.Text("publisher"), input.Text("url", maxLength: 2_000), language: input.Text("language", maxLength: 20))
            with
        { Published = input.Value("published") as PartialDate? };
        var settings = c.Services!.GetRequiredService<IOptions<IngestSettings>>().Value;
        var read = DocumentReader.Read(bytes, source, IngestionComposition.ReadOptionsFor(settings, overrides, formatHint));
        return await Ingestion(c).IngestAsync(read, new IngestRequest(overrides, threshold), c.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> EditProposalAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var id = input.Text("id", required: true, maxLength: 100);
        input.ThrowIfAny();
        async Task<ActorChoice?> ActorAsync(string field) =>
            input.Text(field, maxLength: 200) is { } reference
                ? ActorChoice.Of((await ActorReferences.ResolveAsync(context.Store, reference, "input." + field, c.CancellationToken).ConfigureAwait(false)).Id)
                : null;

        var edit = new ProposalEdit(
            Type: input.Value("type") as Core.Ontology.RelationshipType?,
            From: await ActorAsync("from").ConfigureAwait(false),
            To: await ActorAsync("to").ConfigureAwait(false),
            Start: input.Int("start"),
            End: input.Int("end"),
            AttributedTo: await ActorAsync("attributedTo").ConfigureAwait(false),
            ClearAttribution: input.Value("clearAttribution") is true,
            Stance: input.Value("stance") as Stance?);
        return await Review(c).EditAsync(id!, edit, c.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of the proposals a query selects, paged like every connection of the schema.</summary>
    private static async Task<object?> ProposalPageAsync(IResolveFieldContext c, ProposalQuery query) =>
        Paging.Page(await Review(c).ListAsync(query with { Limit = ProposalQuery.MaxLimit }, c.CancellationToken).ConfigureAwait(false), Args.Int(c, "first"), Args.String(c, "after"));

    private static ProposalQuery ProposalQueryFrom(IResolveFieldContext c) =>
        new(Args.String(c, "document") is { } d ? Args.ParseDocumentId(d, "document") : null, Args.Enum<ProposalStatus>(c, "status"), Confidence(c), Args.String(c, "rule"));

    private static double Confidence(IResolveFieldContext c)
    {
        var value = Args.Float(c, "minConfidence") ?? 0;
        return value is >= 0 and <= 1 ? value : throw new InvalidArgumentException("minConfidence", $"minConfidence must be between 0 and 1; got {value}.");
    }

    private static string ProposalId(IResolveFieldContext c) =>
        Args.String(c, "id") is { Length: > 0 and <= 100 } id ? id : throw new InvalidArgumentException("id", "A proposal id looks like 'proposal:0123456789abcdef' (from `proposals`).");

    private static ReviewService Review(IResolveFieldContext c) => c.Services!.GetRequiredService<ReviewService>();

    private static IngestionService Ingestion(IResolveFieldContext c) => c.Services!.GetRequiredService<IngestionService>();
}
