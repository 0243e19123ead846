using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Ingest.Ingestion;

/// <summary>
/// The analyst's side of ingestion: list proposals, edit a pending one (checked against the ontology before it is
/// saved), accept or reject one or many (a batch is one transaction), and see how each extractor rule fares.
/// </summary>
public sealed class ReviewService
{
    private readonly IGraphStore _graph;
    private readonly IIngestionStore _ingestion;

    /// <summary>A review service over a graph store and its ingestion store (for the embedded store, the same object).</summary>
    public ReviewService(IGraphStore graph, IIngestionStore ingestion)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(ingestion);
        _graph = graph;
        _ingestion = ingestion;
    }

    /// <summary>Proposals passing the filter, in document order.</summary>
    public Task<IReadOnlyList<ProposalRecord>> ListAsync(ProposalQuery? query = null, CancellationToken cancellationToken = default) =>
        _ingestion.GetProposalsAsync(query ?? new ProposalQuery(), cancellationToken);

    /// <summary>
    /// Ids of a document's pending proposals at or above a confidence, for deciding a whole document at once;
    /// <see cref="NotFoundException"/> for an unknown document.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingIdsAsync(DocumentId document, double minConfidence = 0, CancellationToken cancellationToken = default)
    {
        _ = await _graph.GetDocumentAsync(document, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("document", document.Value ?? "");
        var pending = await _ingestion.GetProposalsAsync(new ProposalQuery(document, ProposalStatus.Pending, minConfidence, Limit: ProposalQuery.MaxLimit), cancellationToken).ConfigureAwait(false);
        return [.. pending.Select(p => p.Id)];
    }

    /// <summary>A proposal by id; <see cref="NotFoundException"/> when unknown.</summary>
    public async Task<ProposalRecord> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await _ingestion.GetProposalAsync(RequireId(id), cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("proposal", id);

    /// <summary>Accepts one pending proposal: its relationship, evidence and new actors are written to the graph.</summary>
    public async Task<ProposalRecord> AcceptAsync(string id, string? note = null, CancellationToken cancellationToken = default) =>
        (await AcceptAsync([RequireId(id)], note, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Accepts pending proposals in one transaction: one that cannot be accepted refuses the batch, naming it and the rule.</summary>
    public Task<IReadOnlyList<ProposalRecord>> AcceptAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) =>
        _ingestion.AcceptProposalsAsync(RequireIds(ids), note, cancellationToken);

    /// <summary>Rejects one pending proposal; re-extraction will not propose it again.</summary>
    public async Task<ProposalRecord> RejectAsync(string id, string? note = null, CancellationToken cancellationToken = default) =>
        (await RejectAsync([RequireId(id)], note, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Rejects pending proposals in one transaction.</summary>
    public Task<IReadOnlyList<ProposalRecord>> RejectAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) =>
        _ingestion.RejectProposalsAsync(RequireIds(ids), note, cancellationToken);

    /// <summary>Accepted, rejected and pending counts and the precision of each extractor rule.</summary>
    public Task<IReadOnlyList<RulePrecision>> GetRulePrecisionAsync(CancellationToken cancellationToken = default) =>
        _ingestion.GetRulePrecisionAsync(cancellationToken);

    /// <summary>
    /// Edits a pending proposal: type, ends, quote span (the quote is re-read from the document, so it stays verbatim),
    /// attribution, stance. The result must obey the type's direction rule (<see cref="RuleViolationException"/> naming
    /// it otherwise). An edit that changes type, ends or span gives the proposal a new id (the old one is kept as its
    /// <see cref="ProposalRecord.OriginalId"/>).
    /// </summary>
    public async Task<ProposalRecord> EditAsync(string id, ProposalEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var record = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (record.Status != ProposalStatus.Pending)
        {
            throw new InvalidArgumentException("id", $"Proposal {id} was already {record.Status.ToString().ToLowerInvariant()}; only pending proposals can be edited.");
        }

        var current = record.Proposal;
        var document = await _graph.GetDocumentAsync(current.Document, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("document", current.Document.Value ?? "");

        var type = edit.Type ?? current.Type;
        var from = edit.From is null ? current.From : await ResolveAsync(edit.From, "from", cancellationToken).ConfigureAwait(false);
        var to = edit.To is null ? current.To : await ResolveAsync(edit.To, "to", cancellationToken).ConfigureAwait(false);
        var attributedTo = edit.ClearAttribution ? null
            : edit.AttributedTo is null ? current.AttributedTo
            : await ResolveAsync(edit.AttributedTo, "attributedTo", cancellationToken).ConfigureAwait(false);

        var start = edit.Start ?? current.Start;
        var end = edit.End ?? current.End;
        if (start < 0 || end <= start || end > document.Text.Length)
        {
            throw new InvalidArgumentException(edit.Start is null ? "end" : "start",
                $"The quote span {start}..{end} is outside '{document.Id}': it needs 0 <= start < end <= {document.Text.Length} (the text's length).");
        }

        var quote = document.Text[start..end];
        if (string.IsNullOrWhiteSpace(quote))
        {
            throw new InvalidArgumentException("start", $"The quote span {start}..{end} of '{document.Id}' holds only white space.");
        }

        var edited = current with
        {
            Type = type,
            From = from,
            To = to,
            AttributedTo = attributedTo,
            Quote = quote,
            Start = start,
            End = end,
            Stance = edit.Stance ?? current.Stance,
            Attributes = edit.Attributes ?? current.Attributes,
        };

        // Checked as the graph would check the accepted edge: direction rule, no self-edge, verbatim quote.
        var kinds = new Dictionary<ActorId, NodeKind> { [from.Id] = from.Kind, [to.Id] = to.Kind };
        if (attributedTo is not null)
        {
            kinds[attributedTo.Id] = attributedTo.Kind;
        }

        new Relationship(edited.Type, from.Id, to.Id, edited.Attributes ?? EdgeAttributes.None, [edited.ToEvidence()], edited.Qualifier)
            .Validated(a => kinds.TryGetValue(a, out var kind) ? kind : null, d => d == document.Id ? document : null);
        return await _ingestion.UpdateProposalAsync(id, edited, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProposedActor> ResolveAsync(ActorChoice choice, string argument, CancellationToken cancellationToken)
    {
        if (choice.Existing is { } existingId)
        {
            var actor = await ActorNames.ResolveAsync(_graph, existingId.Value ?? "", argument, cancellationToken).ConfigureAwait(false);
            return new ProposedActor(actor.Id, actor.Kind, actor.Name, actor.Aliases, true);
        }

        if (string.IsNullOrWhiteSpace(choice.NewName) || choice.NewKind is null)
        {
            throw new InvalidArgumentException(argument, $"'{argument}' needs an existing actor id, or a new actor's name and kind.");
        }

        var name = choice.NewName.Trim();
        var id = ActorId.For(choice.NewKind.Value, name);
        if (await _graph.GetActorAsync(id, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return new ProposedActor(known.Id, known.Kind, known.Name, known.Aliases, true);
        }

        return new ProposedActor(id, choice.NewKind.Value, name, [], false);
    }

    private static string RequireId(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new InvalidArgumentException("id", "A proposal id is needed ('proposal:' and 16 hex digits).") : id;

    private static IReadOnlyCollection<string> RequireIds(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidArgumentException("ids", "Name at least one proposal id, none empty.");
        }

        return ids;
    }
}

/// <summary>An analyst's change to a pending proposal; every field left null keeps the proposal's value.</summary>
/// <param name="Type">Another relationship type.</param>
/// <param name="From">Another source actor.</param>
/// <param name="To">Another target actor.</param>
/// <param name="Start">The quote's new start offset in the document's text.</param>
/// <param name="End">The quote's new end offset (exclusive).</param>
/// <param name="AttributedTo">Whom the document credits instead.</param>
/// <param name="ClearAttribution">True to credit no one.</param>
/// <param name="Stance">Asserts, hedged or denies.</param>
/// <param name="Attributes">Figures and dates to replace the proposal's.</param>
public sealed record ProposalEdit(
    RelationshipType? Type = null,
    ActorChoice? From = null,
    ActorChoice? To = null,
    int? Start = null,
    int? End = null,
    ActorChoice? AttributedTo = null,
    bool ClearAttribution = false,
    Stance? Stance = null,
    EdgeAttributes? Attributes = null);

/// <summary>An end of a proposal as an analyst names it: an actor in the graph, or a new one to create on accept.</summary>
/// <param name="Existing">An actor the graph holds.</param>
/// <param name="NewName">A new actor's name (with <paramref name="NewKind"/>); an actor with the resulting id is reused.</param>
/// <param name="NewKind">A new actor's kind.</param>
public sealed record ActorChoice(ActorId? Existing = null, string? NewName = null, NodeKind? NewKind = null)
{
    /// <summary>An actor already in the graph.</summary>
    public static ActorChoice Of(ActorId id) => new(id);

    /// <summary>A new actor, created when the proposal is accepted.</summary>
    public static ActorChoice New(string name, NodeKind kind) => new(null, name, kind);
}
