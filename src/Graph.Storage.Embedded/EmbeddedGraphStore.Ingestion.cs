using System.Text;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Embedded.Storage;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Embedded;

/// <summary>
/// Ingestion beside the graph: ingested documents, the proposal queue and full-text search. Its rows are written in the
/// graph's own write transaction (<see cref="WriteBatch.AddStatement"/>), so accepting a proposal and writing its
/// evidence commit together; its reads of the file take the write gate, as the one connection serves one caller at a time.
/// </summary>
public sealed partial class EmbeddedGraphStore : IIngestionStore
{
    private const string ProposalColumns = "id, original_id, status, proposal, created_at, reviewed_at, note, edited";
    // Documents loaded from curated knowledge have no ingestion row: they read as version 1 of format 'curated'.
    private const string StoredColumns = "d.id, coalesce(i.format, 'curated'), i.language, i.publisher_name, i.source, coalesce(i.version, 1), i.previous_id, i.ingested_at";

    private const string StoredFrom = "documents d LEFT JOIN ingested_documents i ON i.document_id = d.id";

    /// <inheritdoc />
    public Task<StoredDocument?> FindByContentHashAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        return QueryAsync(() => ReadStored(
            $"SELECT {StoredColumns} FROM {StoredFrom} WHERE d.content_hash = $p0 ORDER BY i.ingested_at, d.id LIMIT 1",
            contentHash), cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredDocument?> FindLatestByUrlAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return QueryAsync(() => ReadStored(
            $"SELECT {StoredColumns} FROM {StoredFrom} WHERE d.url = $p0 ORDER BY coalesce(i.version, 1) DESC, i.ingested_at DESC LIMIT 1",
            url), cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredDocument?> GetStoredDocumentAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        id.Value is null
            ? Task.FromResult<StoredDocument?>(null)
            : QueryAsync(() => ReadStored($"SELECT {StoredColumns} FROM ingested_documents i JOIN documents d ON d.id = i.document_id WHERE i.document_id = $p0", id.Value), cancellationToken);

    /// <inheritdoc />
    public Task SaveIngestedAsync(StoredDocument document, IReadOnlyCollection<ProposalRecord> proposals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(proposals);
        return WriteAsync(batch =>
        {
            var id = document.Document.Id;
            if (document.Version < 1)
            {
                throw new InvalidArgumentException("version", $"Document '{id}' has version {document.Version}; versions start at 1.");
            }

            if (document.PreviousVersion is { } previous && (previous == id || batch.DocumentOf(previous) is null))
            {
                throw new NotFoundException("document", previous.Value ?? "", []);
            }

            if (batch.DocumentOf(id) is { } held && held.Text != document.Document.Text)
            {
                throw new InvalidArgumentException("document", $"'{id}' is already stored with another text; a new text is a new document (a new version), with its own id.");
            }

            batch.StageDocument(document.Document);
            batch.DropUnchanged();
            batch.AddStatement(
                "INSERT INTO ingested_documents(document_id, format, language, publisher_name, source, version, previous_id, ingested_at) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7) ON CONFLICT(document_id) DO NOTHING",
                id.Value, document.Format, document.Language, document.PublisherName, document.Source, document.Version, document.PreviousVersion?.Value,
                ProposalJson.Timestamp(document.IngestedAt));
            var existing = ProposalIds(id);
            foreach (var record in proposals)
            {
                if (record.Proposal.Document != id)
                {
                    throw new InvalidArgumentException("proposals", $"Proposal {record.Id} cites '{record.Proposal.Document}' but is saved with '{id}'.");
                }

                if (!existing.Add(record.Id))
                {
                    continue;
                }

                if (record.Status == ProposalStatus.Accepted)
                {
                    StageAccept(batch, record.Proposal);
                }

                InsertProposal(batch, record, record.OriginalId ?? record.Id);
            }

            return 0;
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TextHit>> SearchTextAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var match = FullTextQuery(query);
        if (limit is < 1 or > 1000)
        {
            throw new InvalidArgumentException("limit", $"limit must be between 1 and 1000; got {limit}.");
        }

        // Right after a bulk load the full-text index is still being filled: wait for it (for a while) rather than answer
        // from half of it.
        await WaitForTextIndexAsync(cancellationToken).ConfigureAwait(false);
        return await QueryAsync(() =>
        {
            RequireTextIndex();
            var rows = new List<(long Row, int DocumentSeq, int? Start, string Snippet, double Rank)>();
            using (var command = Command(
                "SELECT rowid, doc_seq, start, snippet(text_index, 0, '[', ']', '…', 16), bm25(text_index) FROM text_index WHERE text_index MATCH $p0 ORDER BY bm25(text_index), rowid LIMIT $p1",
                match, limit))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetString(3), -reader.GetDouble(4)));
                }
            }

            return Read<IReadOnlyList<TextHit>>(index =>
            {
                var hits = new List<TextHit>(rows.Count);
                foreach (var (row, documentSeq, start, snippet, rank) in rows)
                {
                    if (index.Documents.ElementAtOrDefault(documentSeq) is not { } document)
                    {
                        continue;
                    }

                    RelationshipKey? edge = null;
                    if (row >= 0)
                    {
                        var seq = (int)(row >> SqliteSchema.EvidenceRowShift);
                        if (!index.IsEdge(seq))
                        {
                            continue;
                        }

                        edge = index.Record(seq).Key;
                    }

                    hits.Add(new TextHit(document.Id, document.Title, snippet, edge, start, rank));
                }

                return hits;
            });
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> GetProposalsAsync(ProposalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validated();

        var sql = new StringBuilder($"SELECT {ProposalColumns} FROM proposals WHERE confidence >= $p0");
        var values = new List<object?> { query.MinConfidence };
        if (query.Document is { Value: not null } document)
        {
            values.Add(document.Value);
            sql.Append($" AND document_id = $p{values.Count - 1}");
        }

        if (query.Status is { } status)
        {
            values.Add((int)status);
            sql.Append($" AND status = $p{values.Count - 1}");
        }

        if (query.Rule is { } rule)
        {
            values.Add(rule);
            sql.Append($" AND rule = $p{values.Count - 1}");
        }

        values.Add(query.Limit);
        values.Add(query.Offset);
        sql.Append($" ORDER BY document_id, start, id LIMIT $p{values.Count - 2} OFFSET $p{values.Count - 1}");
        return QueryAsync<IReadOnlyList<ProposalRecord>>(() => ReadProposals(sql.ToString(), [.. values]), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProposalRecord?> GetProposalAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return QueryAsync(() => FindProposal(id), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> GetRejectedProposalIdsAsync(DocumentId document, CancellationToken cancellationToken = default) =>
        QueryAsync<IReadOnlySet<string>>(() =>
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            using var command = Command("SELECT id, original_id FROM proposals WHERE document_id = $p0 AND status = $p1", document.Value, (int)ProposalStatus.Rejected);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
                ids.Add(reader.GetString(1));
            }

            return ids;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ProposalRecord> UpdateProposalAsync(string id, Proposal edited, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(edited);
        return WriteAsync(batch =>
        {
            var current = RequirePending(id);
            if (edited.Document != current.Proposal.Document)
            {
                throw new InvalidArgumentException("document", $"Proposal {id} is about '{current.Proposal.Document}'; an edit cannot move it to '{edited.Document}'.");
            }

            var document = batch.DocumentOf(edited.Document) ?? throw new NotFoundException("document", edited.Document.Value ?? "", []);
            edited.ToEvidence().Validate(document);
            var updated = current with { Proposal = edited, Edited = true, OriginalId = current.OriginalId ?? (edited.Id == id ? null : id) };
            if (edited.Id != id)
            {
                if (FindProposal(edited.Id) is { } twin)
                {
                    throw new InvalidArgumentException("proposal", $"The edit makes proposal {id} the same reading as proposal {twin.Id} ({twin.Status}); edit that one instead.");
                }

                batch.AddStatement("DELETE FROM proposals WHERE id = $p0", id);
                InsertProposal(batch, updated, updated.OriginalId ?? id);
            }
            else
            {
                batch.AddStatement(
                    "UPDATE proposals SET proposal = $p1, rule = $p2, confidence = $p3, start = $p4, edited = 1 WHERE id = $p0",
                    id, ProposalJson.Write(edited), edited.Rule, edited.Confidence, edited.Start);
            }

            return updated;
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> AcceptProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) =>
        DecideAsync(ids, ProposalStatus.Accepted, note, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> RejectProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) =>
        DecideAsync(ids, ProposalStatus.Rejected, note, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RulePrecision>> GetRulePrecisionAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<IReadOnlyList<RulePrecision>>(() =>
        {
            var rules = new List<RulePrecision>();
            using var command = Command("SELECT rule, sum(status = 1), sum(status = 2), sum(status = 0) FROM proposals GROUP BY rule ORDER BY rule");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rules.Add(new RulePrecision(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
            }

            return rules;
        }, cancellationToken);

    /// <summary>
    /// Turns what a user typed into an FTS5 query that cannot break its syntax: each word becomes a quoted phrase (inner
    /// quotes doubled), all must match; a trailing <c>*</c> keeps prefix search. Words without a letter or digit are dropped.
    /// </summary>
    internal static string FullTextQuery(string? query)
    {
        var terms = new List<string>();
        foreach (var word in (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = word.Length > 1 && word[^1] == '*';
            var term = prefix ? word[..^1] : word;
            if (!term.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            terms.Add("\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? "*" : ""));
        }

        return terms.Count > 0
            ? string.Join(' ', terms)
            : throw new InvalidArgumentException("query", $"A text search needs at least one word of letters or digits; got '{query}'.");
    }

    private Task<IReadOnlyList<ProposalRecord>> DecideAsync(IReadOnlyCollection<string> ids, ProposalStatus decision, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            throw new InvalidArgumentException("ids", "Name at least one proposal id.");
        }

        return WriteAsync<IReadOnlyList<ProposalRecord>>(batch =>
        {
            var now = _options.TimeProvider.GetUtcNow();
            var decided = new List<ProposalRecord>(ids.Count);
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                var record = RequirePending(id);
                if (decision == ProposalStatus.Accepted)
                {
                    StageAccept(batch, record.Proposal);
                }

                batch.AddStatement("UPDATE proposals SET status = $p1, reviewed_at = $p2, note = $p3 WHERE id = $p0", id, (int)decision, ProposalJson.Timestamp(now), note);
                decided.Add(record with { Status = decision, ReviewedAt = now, ReviewNote = note });
            }

            return decided;
        }, null, cancellationToken);
    }

    /// <summary>
    /// Stages an accepted proposal through the graph's write path: the actors it names that the graph lacks, then its
    /// relationship, merged as any write (corroboration, differing figures kept on their evidence).
    /// </summary>
    private static void StageAccept(WriteBatch batch, Proposal proposal)
    {
        try
        {
            foreach (var actor in new[] { proposal.From, proposal.To, proposal.AttributedTo })
            {
                if (actor is not null && batch.ActorOf(actor.Id) is null)
                {
                    batch.StageActor(actor.ToActor(proposal.Document));
                }
            }

            // The proposal's figures go on the edge and merge as any write: a new edge takes them, a differing figure
            // stays on this evidence as its source's own (a conflict), an equal one is corroboration.
            var evidence = proposal.ToEvidence() with { Attributes = null };
            batch.StageEdge(new Relationship(proposal.Type, proposal.From.Id, proposal.To.Id, proposal.Attributes ?? EdgeAttributes.None, [evidence], proposal.Qualifier));
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

    private static void InsertProposal(WriteBatch batch, ProposalRecord record, string originalId)
    {
        var proposal = record.Proposal;
        batch.AddStatement(
            "INSERT INTO proposals(id, original_id, document_id, status, rule, confidence, start, proposal, created_at, reviewed_at, note, edited) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)",
            record.Id, originalId, proposal.Document.Value, (int)record.Status, proposal.Rule, proposal.Confidence, proposal.Start, ProposalJson.Write(proposal),
            ProposalJson.Timestamp(record.CreatedAt), record.ReviewedAt is { } reviewed ? ProposalJson.Timestamp(reviewed) : null, record.ReviewNote, record.Edited ? 1 : 0);
    }

    private ProposalRecord RequirePending(string id)
    {
        var record = FindProposal(id) ?? throw new NotFoundException("proposal", id);
        return record.Status == ProposalStatus.Pending
            ? record
            : throw new InvalidArgumentException("id", $"Proposal {id} was already {record.Status.ToString().ToLowerInvariant()}{(record.ReviewedAt is { } at ? $" at {at:u}" : "")}; only pending proposals can be edited, accepted or rejected.");
    }

    private ProposalRecord? FindProposal(string id) => ReadProposals($"SELECT {ProposalColumns} FROM proposals WHERE id = $p0", id).FirstOrDefault();

    private HashSet<string> ProposalIds(DocumentId document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command("SELECT id FROM proposals WHERE document_id = $p0", document.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private List<ProposalRecord> ReadProposals(string sql, params object?[] values)
    {
        var records = new List<ProposalRecord>();
        using var command = Command(sql, values);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var original = reader.GetString(1);
            records.Add(new ProposalRecord(
                ProposalJson.Read(reader.GetString(3)),
                (ProposalStatus)reader.GetInt32(2),
                ProposalJson.ParseTimestamp(reader.GetString(4)),
                reader.IsDBNull(5) ? null : ProposalJson.ParseTimestamp(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt32(7) != 0,
                original == id ? null : original));
        }

        return records;
    }

    private StoredDocument? ReadStored(string sql, params object?[] values)
    {
        using var command = Command(sql, values);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var id = DocumentId.Parse(reader.GetString(0));
        var document = Read(index => index.DocumentOf(id));
        if (document is null)
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new StoredDocument(document, reader.GetString(1), Text(2), Text(3), Text(4), reader.GetInt32(5),
            Text(6) is { } previous ? DocumentId.Parse(previous) : null, Text(7) is { } at ? ProposalJson.ParseTimestamp(at) : default);
    }

    private SqliteCommand Command(string sql, params object?[] values)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a read of the file's ingestion tables, one caller at a time with writers (the connection is shared).</summary>
    private async Task<T> QueryAsync<T>(Func<T> read, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read();
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
