using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j.Store;

/// <summary>Writes: each call is one explicit transaction, checked in full before anything is written.</summary>
public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    public Task<UpsertResult> UpsertActorsAsync(IReadOnlyCollection<Actor> actors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var batch = actors.Select(a => a.Validated()).GroupBy(a => a.Id).Select(g => g.Last()).ToList();
        if (batch.Count == 0)
        {
            return Task.FromResult(UpsertResult.Empty);
        }

        return WriteAsync(async tx =>
        {
            var existing = await LoadActorsAsync(tx, batch.Select(a => a.Id).ToList()).ConfigureAwait(false);
            var changed = batch.Where(a => !existing.TryGetValue(a.Id, out var old) || !old.Equals(a)).ToList();
            await WriteActorsAsync(tx, changed).ConfigureAwait(false);
            var created = changed.Count(a => !existing.ContainsKey(a.Id));
            return new UpsertResult(created, changed.Count - created, batch.Count - changed.Count);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<UpsertResult> UpsertDocumentsAsync(IReadOnlyCollection<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            if (document.Id.Value is null)
            {
                throw new InvalidArgumentException("documentId", "A document needs an id of the form 'doc:slug'.");
            }

            if (document.Text is null)
            {
                throw new InvalidArgumentException("text", $"Document '{document.Id}' needs its full text: evidence offsets index into it.");
            }
        }

        var batch = documents.GroupBy(d => d.Id).Select(g => g.Last()).ToList();
        if (batch.Count == 0)
        {
            return Task.FromResult(UpsertResult.Empty);
        }

        return WriteAsync(async tx =>
        {
            var existing = await LoadDocumentsAsync(tx, batch.Select(d => d.Id).ToList()).ConfigureAwait(false);
            var changed = batch.Where(d => !existing.TryGetValue(d.Id, out var old) || old != d).ToList();
            foreach (var chunk in changed.Chunk(_options.BatchSize))
            {
                await tx.RunAsync(CypherQueries.UpsertDocuments(chunk.Select(GraphProperties.Document).ToList())).ConfigureAwait(false);
            }

            var created = changed.Count(d => !existing.ContainsKey(d.Id));
            return new UpsertResult(created, changed.Count - created, batch.Count - changed.Count);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<UpsertResult> UpsertRelationshipsAsync(IReadOnlyCollection<Relationship> relationships, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        if (relationships.Count == 0)
        {
            return Task.FromResult(UpsertResult.Empty);
        }

        return WriteAsync(async tx =>
        {
            var actorIds = relationships.SelectMany(r => r.Evidence.Select(e => e.AttributedTo).OfType<ActorId>().Append(r.From).Append(r.To)).Distinct().ToList();

            // Lock the ends first (in id order, so two writers cannot deadlock): the edges read below are then the latest.
            await tx.RunAsync(CypherQueries.LockActors([.. relationships.SelectMany(r => new[] { r.From, r.To })])).ConfigureAwait(false);
            var actors = await LoadActorsAsync(tx, actorIds).ConfigureAwait(false);
            var documents = await LoadDocumentsAsync(tx, relationships.SelectMany(r => r.Evidence.Select(e => e.DocumentId)).Distinct().ToList()).ConfigureAwait(false);
            NodeKind? KindOf(ActorId id) => actors.TryGetValue(id, out var a) ? a.Kind : null;
            foreach (var relationship in relationships)
            {
                relationship.Validated(KindOf, id => documents.GetValueOrDefault(id));
            }

            var (changed, result) = await MergeWithStoredAsync(tx, relationships).ConfigureAwait(false);
            await WriteEdgesAsync(tx, changed).ConfigureAwait(false);
            return result;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<UpsertResult> ImportAsync(GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var total = UpsertResult.Empty;
        total = total.Add(await ImportStageAsync("actors", snapshot.Actors, UpsertActorsAsync, progress, cancellationToken).ConfigureAwait(false));
        total = total.Add(await ImportStageAsync("documents", snapshot.Documents, UpsertDocumentsAsync, progress, cancellationToken).ConfigureAwait(false));
        total = total.Add(await ImportStageAsync("relationships", snapshot.Relationships, UpsertRelationshipsAsync, progress, cancellationToken).ConfigureAwait(false));
        return total;
    }

    /// <inheritdoc />
    public Task<Actor> AddAliasAsync(ActorId actor, string alias, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(alias) || Fold(alias).Length == 0)
        {
            throw new InvalidArgumentException("alias", "An alias needs at least one letter or digit.");
        }

        return WriteAsync(async tx =>
        {
            var current = (await LoadActorsAsync(tx, [actor]).ConfigureAwait(false)).GetValueOrDefault(actor)
                ?? throw new NotFoundException("actor", actor.Value);
            var folded = Fold(alias);
            if (current.AllNames.Any(n => Fold(n) == folded))
            {
                return current;
            }

            var updated = current with { Aliases = [.. current.Aliases, alias.Trim()] };
            await WriteActorsAsync(tx, [updated]).ConfigureAwait(false);
            return updated;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<MergeResult> MergeActorsAsync(ActorId keep, ActorId remove, CancellationToken cancellationToken = default)
    {
        if (keep == remove)
        {
            throw new InvalidArgumentException("remove", $"Cannot merge '{keep}' into itself.");
        }

        return WriteAsync(async tx =>
        {
            var actors = await LoadActorsAsync(tx, [keep, remove]).ConfigureAwait(false);
            var kept = actors.GetValueOrDefault(keep) ?? throw new NotFoundException("actor", keep.Value);
            var removed = actors.GetValueOrDefault(remove) ?? throw new NotFoundException("actor", remove.Value);

            var touching = Edges(await tx.RunAsync(CypherQueries.EdgesOf([remove], RelationshipFilter.All)).ConfigureAwait(false)).ToList();
            ActorId Swap(ActorId id) => id == remove ? keep : id;

            // Refuse first: an edge between the two would become a self-loop; a moved edge must still obey its rule.
            var selfLoops = touching.Where(e => Swap(e.From) == Swap(e.To)).Select(e => e.Id).ToList();
            if (selfLoops.Count > 0)
            {
                throw new RuleViolationException("no-self-edge", $"Merging '{remove}' into '{keep}' would link '{keep}' to itself through {string.Join(", ", selfLoops)}; remove those edges' evidence first.");
            }

            var moved = new List<Relationship>();
            foreach (var edge in touching)
            {
                var key = (edge.Key with { From = Swap(edge.From), To = Swap(edge.To) }).Canonical();
                var kindFrom = key.From == keep ? kept.Kind : key.From.Kind;
                var kindTo = key.To == keep ? kept.Kind : key.To.Kind;
                if (!edge.Rule.Allows(kindFrom, kindTo))
                {
                    throw new RuleViolationException("direction", $"Merging '{remove}' into '{keep}' would make {edge.Rule.Name} go from {kindFrom} to {kindTo}: {edge.Rule.Describe()}.");
                }

                moved.Add(new Relationship(key, edge.Attributes, edge.Evidence.Select(e => e with { AttributedTo = e.AttributedTo is { } s ? Swap(s) : null }).ToList()));
            }

            // Evidence elsewhere that credits the removed actor now credits the kept one.
            var credited = Edges(await tx.RunAsync(CypherQueries.EdgesCitingSource(remove)).ConfigureAwait(false))
                .Where(e => e.From != remove && e.To != remove)
                .ToList();

            var targets = await LoadEdgesAsync(tx, moved.Select(m => m.Key).ToList()).ConfigureAwait(false);
            var merged = new Dictionary<string, Relationship>(StringComparer.Ordinal);
            foreach (var edge in moved)
            {
                merged[edge.Id] = merged.TryGetValue(edge.Id, out var earlier) ? earlier.Merge(edge)
                    : targets.TryGetValue(edge.Id, out var target) ? target.Merge(edge)
                    : edge;
            }

            var keptNames = kept.AllNames.Select(Fold).ToHashSet(StringComparer.Ordinal);
            var newAliases = new List<string>();
            foreach (var name in removed.AllNames)
            {
                if (keptNames.Add(Fold(name)))
                {
                    newAliases.Add(name);
                }
            }

            var keptAfter = kept with { Aliases = [.. kept.Aliases, .. newAliases] };

            await tx.RunAsync(CypherQueries.DeleteEdges(touching.Select(e => CypherQueries.KeyRow(e.Key)).ToList())).ConfigureAwait(false);
            var rewritten = merged.Values.Concat(credited.Where(c => !merged.ContainsKey(c.Id)))
                .Select(e => e with { Evidence = e.Evidence.Select(x => x.AttributedTo == remove ? x with { AttributedTo = keep } : x).ToList() })
                .ToList();
            await WriteEdgesAsync(tx, rewritten).ConfigureAwait(false);
            await WriteActorsAsync(tx, [keptAfter]).ConfigureAwait(false);
            await tx.RunAsync(CypherQueries.MovePublisher(remove, keep)).ConfigureAwait(false);
            await tx.RunAsync(CypherQueries.DeleteActor(remove)).ConfigureAwait(false);
            return new MergeResult(keptAfter, remove, touching.Count, touching.Sum(e => e.Evidence.Count), newAliases.Count);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Relationship?> RemoveEvidenceAsync(RelationshipKey edge, DocumentId document, int start, CancellationToken cancellationToken = default) =>
        WriteAsync(async tx =>
        {
            var key = edge.Canonical();
            var current = (await LoadEdgesAsync(tx, [key]).ConfigureAwait(false)).GetValueOrDefault(key.ToId())
                ?? throw new NotFoundException("relationship", key.ToId());
            var index = current.Evidence.ToList().FindIndex(e => e.DocumentId == document && e.Start == start);
            if (index < 0)
            {
                throw new NotFoundException("evidence", $"{document}@{start} on {key.ToId()}", current.Evidence.Select(e => $"{e.DocumentId}@{e.Start}").ToList());
            }

            var remaining = current.Evidence.Where((_, i) => i != index).ToList();
            if (remaining.Count == 0)
            {
                await tx.RunAsync(CypherQueries.DeleteEdges([CypherQueries.KeyRow(key)])).ConfigureAwait(false);
                return null;
            }

            var updated = current with { Evidence = remaining };
            await WriteEdgesAsync(tx, [updated]).ConfigureAwait(false);
            return (Relationship?)updated;
        }, cancellationToken);

    /// <summary>
    /// Merges checked relationships with what is stored: two statements of one assertion merge like two batches would,
    /// then each with its stored edge. Returns the edges to write and the counts; reads only.
    /// </summary>
    private static async Task<(List<Relationship> Changed, UpsertResult Result)> MergeWithStoredAsync(Neo4jTransaction tx, IEnumerable<Relationship> relationships)
    {
        var incoming = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var relationship in relationships.Select(r => r with { Key = r.Key.Canonical() }))
        {
            if (incoming.TryGetValue(relationship.Id, out var earlier))
            {
                incoming[relationship.Id] = earlier.Merge(relationship);
            }
            else
            {
                incoming[relationship.Id] = relationship;
                order.Add(relationship.Id);
            }
        }

        var existing = await LoadEdgesAsync(tx, order.Select(id => incoming[id].Key).ToList()).ConfigureAwait(false);
        var changed = new List<Relationship>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var id in order)
        {
            if (existing.TryGetValue(id, out var old))
            {
                var merged = old.Merge(incoming[id]);
                if (merged.Equals(old))
                {
                    unchanged++;
                    continue;
                }

                updated++;
                changed.Add(merged);
            }
            else
            {
                created++;
                changed.Add(incoming[id]);
            }
        }

        return (changed, new UpsertResult(created, updated, unchanged));
    }

    // ---- writing ----

    private async Task WriteActorsAsync(Neo4jTransaction tx, IReadOnlyList<Actor> actors)
    {
        foreach (var group in actors.GroupBy(a => a.Kind).OrderBy(g => g.Key))
        {
            foreach (var chunk in group.Chunk(_options.BatchSize))
            {
                await tx.RunAsync(CypherQueries.UpsertActors(group.Key, chunk.Select(GraphProperties.Actor).ToList())).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes edges as they should be: each edge's properties set, its evidence nodes replaced.</summary>
    private async Task WriteEdgesAsync(Neo4jTransaction tx, IReadOnlyList<Relationship> edges)
    {
        foreach (var chunk in edges.Chunk(_options.BatchSize))
        {
            var statements = new List<CypherStatement>();
            foreach (var group in chunk.GroupBy(e => e.Type).OrderBy(g => g.Key))
            {
                statements.Add(CypherQueries.UpsertEdges(group.Key, group.Select(e => new Dictionary<string, object?>
                {
                    ["from"] = e.From.Value,
                    ["to"] = e.To.Value,
                    ["props"] = GraphProperties.Edge(e),
                }).ToList()));
            }

            statements.Add(CypherQueries.DeleteEvidenceOf(chunk.Select(e => e.Id).ToList()));
            var evidence = chunk.SelectMany(e => e.Evidence.Select((x, i) => new Dictionary<string, object?>
            {
                ["from"] = e.From.Value,
                ["to"] = e.To.Value,
                ["props"] = GraphProperties.Evidence(e, x, i),
            })).ToList();
            foreach (var rows in evidence.Chunk(_options.BatchSize))
            {
                statements.Add(CypherQueries.CreateEvidence(rows));
            }

            await tx.RunAsync(statements).ConfigureAwait(false);
        }
    }

    private static async Task<Dictionary<DocumentId, Document>> LoadDocumentsAsync(Neo4jTransaction tx, IReadOnlyCollection<DocumentId> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await tx.RunAsync(CypherQueries.GetDocuments(ids)).ConfigureAwait(false);
        return result.Records.Select(r => GraphProperties.ReadDocument(r["document"])).ToDictionary(d => d.Id);
    }

    private async Task<UpsertResult> ImportStageAsync<T>(string stage, IReadOnlyList<T> items, Func<IReadOnlyCollection<T>, CancellationToken, Task<UpsertResult>> upsert, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var total = UpsertResult.Empty;
        progress?.Report(new ImportProgress(stage, 0, items.Count));
        var done = 0;
        foreach (var chunk in items.Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            total = total.Add(await upsert(chunk, cancellationToken).ConfigureAwait(false));
            done += chunk.Length;
            progress?.Report(new ImportProgress(stage, done, items.Count));
        }

        return total;
    }
}
