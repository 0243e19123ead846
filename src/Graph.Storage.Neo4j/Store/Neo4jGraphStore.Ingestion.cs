using System.Text.Json;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// Ingestion beside the graph: a document's ingestion record lives on its <c>Document</c> node (with
/// <c>PREVIOUS_VERSION</c> links), proposals are <c>Proposal</c> nodes <c>PROPOSED_FROM</c> their document, and search
/// uses the full-text indexes over texts and quotes. Each write is one explicit transaction that reads and checks
/// everything first (ontology rules, actors, documents, pending status) and only then sends its writes, so a refused
/// batch sends no write and rolls back.
/// </summary>
public sealed partial class Neo4jGraphStore : IIngestionStore
{
    /// <inheritdoc />
    public async Task<StoredDocument?> FindByContentHashAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        var result = await ReadAsync(IngestionQueries.StoredByContentHash(contentHash), cancellationToken).ConfigureAwait(false);
        return result.SingleOrDefault() is { } row ? IngestionProperties.ReadStored(row) : null;
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> FindLatestByUrlAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var result = await ReadAsync(IngestionQueries.LatestByUrl(url), cancellationToken).ConfigureAwait(false);
        return result.SingleOrDefault() is { } row ? IngestionProperties.ReadStored(row) : null;
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> GetStoredDocumentAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        if (id.Value is null)
        {
            return null;
        }

        var result = await ReadAsync(IngestionQueries.StoredDocuments([id]), cancellationToken).ConfigureAwait(false);
        return result.SingleOrDefault() is { } row ? IngestionProperties.ReadStored(row) : null;
    }

    /// <inheritdoc />
    public Task SaveIngestedAsync(StoredDocument document, IReadOnlyCollection<ProposalRecord> proposals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(proposals);
        var id = document.Document.Id;
        if (id.Value is null)
        {
            throw new InvalidArgumentException("documentId", "A document needs an id of the form 'doc:slug'.");
        }

        if (document.Document.Text is null)
        {
            throw new InvalidArgumentException("text", $"Document '{id}' needs its full text: evidence offsets index into it.");
        }

        if (document.Version < 1)
        {
            throw new InvalidArgumentException("version", $"Document '{id}' has version {document.Version}; versions start at 1.");
        }

        foreach (var record in proposals)
        {
            if (record.Proposal.Document != id)
            {
                throw new InvalidArgumentException("proposals", $"Proposal {record.Id} cites '{record.Proposal.Document}' but is saved with '{id}'.");
            }
        }

        return WriteAsync(async tx =>
        {
            // Reads and checks first.
            var previous = document.PreviousVersion;
            var held = await LoadDocumentsAsync(tx, previous is { } p ? [id, p] : [id]).ConfigureAwait(false);
            if (previous is { } prior && (prior == id || !held.ContainsKey(prior)))
            {
                throw new NotFoundException("document", prior.Value ?? "", []);
            }

            var stored = held.GetValueOrDefault(id);
            if (stored is not null && stored.Text != document.Document.Text)
            {
                throw new InvalidArgumentException("document", $"'{id}' is already stored with another text; a new text is a new document (a new version), with its own id.");
            }

            var existing = (await tx.RunAsync(IngestionQueries.ProposalIds(id)).ConfigureAwait(false)).Records
                .Select(r => r["id"].GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            var fresh = proposals.Where(r => existing.Add(r.Id)).ToList();
            var accepted = fresh.Where(r => r.Status == ProposalStatus.Accepted).Select(r => r.Proposal).ToList();
            var plan = await PlanAcceptAsync(tx, accepted, document.Document).ConfigureAwait(false);

            // Then the writes: the document before the evidence that cites it and the proposals linked to it.
            if (stored != document.Document)
            {
                await tx.RunAsync(CypherQueries.UpsertDocuments([GraphProperties.Document(document.Document)])).ConfigureAwait(false);
            }

            await tx.RunAsync(IngestionQueries.RecordIngestion(document)).ConfigureAwait(false);
            await WriteAcceptedAsync(tx, plan).ConfigureAwait(false);
            foreach (var chunk in fresh.Chunk(_options.BatchSize))
            {
                await tx.RunAsync(IngestionQueries.CreateProposals(chunk.Select(IngestionProperties.Proposal).ToList())).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TextHit>> SearchTextAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var parsed = FullTextQuery.Parse(query);
        if (limit is < 1 or > 1000)
        {
            throw new InvalidArgumentException("limit", $"limit must be between 1 and 1000; got {limit}.");
        }

        var result = await ReadAsync(IngestionQueries.SearchText(parsed.Lucene, limit), cancellationToken).ConfigureAwait(false);
        var hits = new List<TextHit>();
        foreach (var row in result.Records)
        {
            if (row["documentId"].GetString() is not { } documentId)
            {
                continue;
            }

            var edgeId = row["edgeId"];
            var start = row["start"];
            var text = row["text"].ValueKind == JsonValueKind.String ? row["text"].GetString()! : "";
            var title = row["title"].ValueKind == JsonValueKind.String ? row["title"].GetString()! : "";

            // A document that matched by its title alone has no marked word in its text: show the title instead.
            var snippet = parsed.Snippet(text);
            if (edgeId.ValueKind != JsonValueKind.String && !snippet.Contains('[', StringComparison.Ordinal) && parsed.Snippet(title) is { } titled && titled.Contains('[', StringComparison.Ordinal))
            {
                snippet = titled;
            }

            hits.Add(new TextHit(
                DocumentId.Parse(documentId),
                title,
                snippet,
                edgeId.ValueKind == JsonValueKind.String ? RelationshipKey.ParseId(edgeId.GetString()!) : null,
                start.ValueKind == JsonValueKind.Number ? start.GetInt32() : null,
                row["score"].ValueKind == JsonValueKind.Number ? row["score"].GetDouble() : 0));
        }

        // Best first across both indexes; ties in a stable order.
        return hits
            .OrderByDescending(h => h.Rank)
            .ThenBy(h => h.Document.Value, StringComparer.Ordinal)
            .ThenBy(h => h.Start ?? -1)
            .ThenBy(h => h.Edge?.ToId(), StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProposalRecord>> GetProposalsAsync(ProposalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validated();

        var result = await ReadAsync(IngestionQueries.QueryProposals(query), cancellationToken).ConfigureAwait(false);
        return result.Records.Select(r => IngestionProperties.ReadProposal(r["proposal"])).ToList();
    }

    /// <inheritdoc />
    public async Task<ProposalRecord?> GetProposalAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var result = await ReadAsync(IngestionQueries.GetProposals([id]), cancellationToken).ConfigureAwait(false);
        return result.SingleOrDefault() is { } row ? IngestionProperties.ReadProposal(row["proposal"]) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetRejectedProposalIdsAsync(DocumentId document, CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (document.Value is null)
        {
            return ids;
        }

        var result = await ReadAsync(IngestionQueries.RejectedIds(document), cancellationToken).ConfigureAwait(false);
        foreach (var row in result.Records)
        {
            foreach (var column in new[] { "id", "originalId" })
            {
                if (row[column].ValueKind == JsonValueKind.String)
                {
                    ids.Add(row[column].GetString()!);
                }
            }
        }

        return ids;
    }

    /// <inheritdoc />
    public Task<ProposalRecord> UpdateProposalAsync(string id, Proposal edited, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(edited);
        return WriteAsync(async tx =>
        {
            var current = (await RequirePendingAsync(tx, [id]).ConfigureAwait(false))[0];
            if (edited.Document != current.Proposal.Document)
            {
                throw new InvalidArgumentException("document", $"Proposal {id} is about '{current.Proposal.Document}'; an edit cannot move it to '{edited.Document}'.");
            }

            var document = (await LoadDocumentsAsync(tx, [edited.Document]).ConfigureAwait(false)).GetValueOrDefault(edited.Document)
                ?? throw new NotFoundException("document", edited.Document.Value ?? "", []);
            edited.ToEvidence().Validate(document);
            var updated = current with { Proposal = edited, Edited = true, OriginalId = current.OriginalId ?? (edited.Id == id ? null : id) };
            if (edited.Id != id)
            {
                var twins = await tx.RunAsync(IngestionQueries.GetProposals([edited.Id])).ConfigureAwait(false);
                if (twins.SingleOrDefault() is { } row)
                {
                    var twin = IngestionProperties.ReadProposal(row["proposal"]);
                    throw new InvalidArgumentException("proposal", $"The edit makes proposal {id} the same reading as proposal {twin.Id} ({twin.Status}); edit that one instead.");
                }
            }

            await tx.RunAsync(IngestionQueries.UpdateProposal(id, updated)).ConfigureAwait(false);
            return updated;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> AcceptProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) =>
        DecideAsync(ids, ProposalStatus.Accepted, note, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> RejectProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) =>
        DecideAsync(ids, ProposalStatus.Rejected, note, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RulePrecision>> GetRulePrecisionAsync(CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(IngestionQueries.RulePrecision(), cancellationToken).ConfigureAwait(false);
        return result.Records
            .Select(r => new RulePrecision(r["rule"].GetString() ?? "", (int)Long(r["accepted"]), (int)Long(r["rejected"]), (int)Long(r["pending"])))
            .ToList();
    }

    private Task<IReadOnlyList<ProposalRecord>> DecideAsync(IReadOnlyCollection<string> ids, ProposalStatus decision, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            throw new InvalidArgumentException("ids", "Name at least one proposal id.");
        }

        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        return WriteAsync<IReadOnlyList<ProposalRecord>>(async tx =>
        {
            var records = await RequirePendingAsync(tx, distinct).ConfigureAwait(false);
            var plan = decision == ProposalStatus.Accepted
                ? await PlanAcceptAsync(tx, records.Select(r => r.Proposal).ToList(), null).ConfigureAwait(false)
                : AcceptPlan.Empty;

            var now = _options.TimeProvider.GetUtcNow();
            await WriteAcceptedAsync(tx, plan).ConfigureAwait(false);
            await tx.RunAsync(IngestionQueries.DecideProposals(distinct, decision, now, note)).ConfigureAwait(false);
            return records.Select(r => r with { Status = decision, ReviewedAt = now, ReviewNote = note }).ToList();
        }, cancellationToken);
    }

    /// <summary>The proposals in the order named; NotFound for an unknown id, refused for one already decided.</summary>
    private static async Task<List<ProposalRecord>> RequirePendingAsync(Neo4jTransaction tx, IReadOnlyList<string> ids)
    {
        var found = (await tx.RunAsync(IngestionQueries.GetProposals(ids)).ConfigureAwait(false)).Records
            .Select(r => IngestionProperties.ReadProposal(r["proposal"]))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var records = new List<ProposalRecord>(ids.Count);
        foreach (var id in ids)
        {
            var record = found.GetValueOrDefault(id) ?? throw new NotFoundException("proposal", id);
            if (record.Status != ProposalStatus.Pending)
            {
                throw new InvalidArgumentException("id", $"Proposal {id} was already {record.Status.ToString().ToLowerInvariant()}{(record.ReviewedAt is { } at ? $" at {at:u}" : "")}; only pending proposals can be edited, accepted or rejected.");
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>What accepting proposals writes: the actors they name that the graph lacks, and the merged edges.</summary>
    private sealed record AcceptPlan(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Edges)
    {
        public static readonly AcceptPlan Empty = new([], []);
    }

    /// <summary>
    /// Reads and checks everything accepting the proposals needs, writing nothing: the actors they name (new ones are
    /// created from the proposal), the documents they cite (<paramref name="saving"/> is the one being saved in this
    /// transaction), the ontology's direction rule and verbatim quotes, then merges each edge as any write would
    /// (corroboration, differing figures kept on their evidence). One bad proposal refuses the whole batch.
    /// </summary>
    private static async Task<AcceptPlan> PlanAcceptAsync(Neo4jTransaction tx, IReadOnlyList<Proposal> proposals, Document? saving)
    {
        if (proposals.Count == 0)
        {
            return AcceptPlan.Empty;
        }

        var named = proposals.SelectMany(p => new[] { p.From, p.To, p.AttributedTo }).OfType<ProposedActor>().Select(a => a.Id).Distinct().ToList();
        var actors = await LoadActorsAsync(tx, named).ConfigureAwait(false);
        var documents = await LoadDocumentsAsync(tx, proposals.Select(p => p.Document).Where(d => d != saving?.Id).Distinct().ToList()).ConfigureAwait(false);
        if (saving is not null)
        {
            documents[saving.Id] = saving;
        }

        var created = new Dictionary<ActorId, Actor>();
        NodeKind? KindOf(ActorId id) => actors.TryGetValue(id, out var a) ? a.Kind : created.TryGetValue(id, out var c) ? c.Kind : null;
        var relationships = new List<Relationship>(proposals.Count);
        foreach (var proposal in proposals)
        {
            try
            {
                foreach (var actor in new[] { proposal.From, proposal.To, proposal.AttributedTo })
                {
                    if (actor is not null && KindOf(actor.Id) is null)
                    {
                        created[actor.Id] = actor.ToActor(proposal.Document).Validated();
                    }
                }

                // The proposal's figures go on the edge and merge as any write: a new edge takes them, a differing figure
                // stays on this evidence as its source's own (a conflict), an equal one is corroboration.
                var evidence = proposal.ToEvidence() with { Attributes = null };
                relationships.Add(new Relationship(proposal.Type, proposal.From.Id, proposal.To.Id, proposal.Attributes ?? EdgeAttributes.None, [evidence], proposal.Qualifier)
                    .Validated(KindOf, id => documents.GetValueOrDefault(id)));
            }
            catch (RuleViolationException problem)
            {
                throw new RuleViolationException(problem.Rule, $"Cannot accept proposal {proposal.Id} (extractor rule '{proposal.Rule}'): {problem.Message} Nothing was accepted.");
            }
            catch (GraphException problem)
            {
                throw new InvalidArgumentException("ids", $"Cannot accept proposal {proposal.Id} (extractor rule '{proposal.Rule}'): {problem.Message} Nothing was accepted.");
            }
        }

        var (changed, _) = await MergeWithStoredAsync(tx, relationships).ConfigureAwait(false);
        return new AcceptPlan([.. created.Values], changed);
    }

    private async Task WriteAcceptedAsync(Neo4jTransaction tx, AcceptPlan plan)
    {
        await WriteActorsAsync(tx, plan.Actors).ConfigureAwait(false);
        await WriteEdgesAsync(tx, plan.Edges).ConfigureAwait(false);
    }
}
