using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Embedded.Storage;

namespace Graph.Storage.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <inheritdoc />
    public Task<UpsertResult> UpsertActorsAsync(IReadOnlyCollection<Actor> actors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return WriteAsync(batch =>
        {
            foreach (var actor in actors)
            {
                batch.StageActor(actor);
            }

            return batch.DropUnchanged();
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<UpsertResult> UpsertDocumentsAsync(IReadOnlyCollection<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return WriteAsync(batch =>
        {
            foreach (var document in documents)
            {
                batch.StageDocument(document);
            }

            return batch.DropUnchanged();
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<UpsertResult> UpsertRelationshipsAsync(IReadOnlyCollection<Relationship> relationships, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        return WriteAsync(batch =>
        {
            foreach (var relationship in relationships)
            {
                batch.StageEdge(relationship);
            }

            return batch.DropUnchanged();
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The whole snapshot is validated first and written in one transaction: it lands entirely or not at all.</remarks>
    public Task<UpsertResult> ImportAsync(GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return WriteAsync(batch => batch.StageSnapshot(snapshot, progress, _options.ProgressInterval, cancellationToken), progress, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Actor> AddAliasAsync(ActorId actor, string alias, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(alias) || NameFolding.Fold(alias).Length == 0)
        {
            throw new InvalidArgumentException("alias", "An alias needs at least one letter or digit.");
        }

        return WriteAsync(batch =>
        {
            var current = batch.Index.Actors[RequireActor(batch.Index, actor, "actor")]!;
            var folded = NameFolding.Fold(alias);
            if (current.AllNames.Any(n => NameFolding.Fold(n) == folded))
            {
                return current;
            }

            var updated = current with { Aliases = [.. current.Aliases, alias.Trim()] };
            batch.StageActor(updated);
            return updated;
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<MergeResult> MergeActorsAsync(ActorId keep, ActorId remove, CancellationToken cancellationToken = default) =>
        WriteAsync(batch => StageMerge(batch, keep, remove), null, cancellationToken);

    /// <inheritdoc />
    public Task<Relationship?> RemoveEvidenceAsync(RelationshipKey edge, DocumentId document, int start, CancellationToken cancellationToken = default) =>
        WriteAsync(batch =>
        {
            var seq = batch.Index.EdgeSeqOf(edge);
            if (seq < 0)
            {
                throw new NotFoundException("relationship", SafeId(edge));
            }

            var current = batch.Index.Record(seq);
            var remaining = current.Evidence.Where(e => !(e.DocumentId == document && e.Start == start)).ToArray();
            if (remaining.Length == current.Evidence.Count)
            {
                throw new NotFoundException("evidence", $"{document}@{start} on {current.Id}", [.. current.Evidence.Select(e => $"{e.DocumentId}@{e.Start}")]);
            }

            if (remaining.Length == 0)
            {
                batch.RemoveEdge(seq);
                return null;
            }

            var updated = current with { Evidence = remaining };
            batch.ReplaceEdge(seq, updated);
            return updated;
        }, null, cancellationToken);

    private static MergeResult StageMerge(WriteBatch batch, ActorId keep, ActorId remove)
    {
        var index = batch.Index;
        var keepSeq = RequireActor(index, keep, "keep");
        var removeSeq = RequireActor(index, remove, "remove");
        if (keepSeq == removeSeq)
        {
            throw new InvalidArgumentException("remove", $"Cannot merge '{keep}' into itself: 'keep' and 'remove' must differ.");
        }

        var kept = index.Actors[keepSeq]!;
        var removed = index.Actors[removeSeq]!;
        ActorId Swap(ActorId id) => id == remove ? keep : id;
        Evidence Rewrite(Evidence e) => e.AttributedTo == remove ? e with { AttributedTo = keep } : e;

        // Refuse before changing anything: an edge between the two would become a self-edge.
        var touching = index.EdgesOf(removeSeq).ToArray();
        foreach (var seq in touching)
        {
            var edge = index.Record(seq);
            if (edge.Other(remove) == keep)
            {
                throw new RuleViolationException("no-self-edge", $"Cannot merge '{remove}' into '{keep}': {edge.Id} links the two and would link '{keep}' to itself. Remove its evidence first.");
            }
        }

        var evidenceMoved = 0;
        foreach (var seq in touching)
        {
            var edge = index.Record(seq);
            evidenceMoved += edge.Evidence.Count;
            batch.RemoveEdge(seq);
        }

        // The kept actor takes the other's names as aliases (and attributes it lacks), before edges are re-checked.
        var names = kept.AllNames.Select(NameFolding.Fold).ToHashSet(StringComparer.Ordinal);
        var aliases = kept.Aliases.ToList();
        foreach (var name in removed.AllNames)
        {
            if (names.Add(NameFolding.Fold(name)))
            {
                aliases.Add(name);
            }
        }

        var attributes = new Dictionary<string, string>(kept.Attributes, StringComparer.Ordinal);
        foreach (var (name, value) in removed.Attributes)
        {
            attributes.TryAdd(name, value);
        }

        var merged = kept with { Aliases = aliases, Attributes = attributes };
        batch.StageActor(merged);

        foreach (var seq in touching)
        {
            var edge = index.Record(seq);
            var key = edge.Key with { From = Swap(edge.From), To = Swap(edge.To) };
            var moved = new Relationship(key.Canonical(), edge.Attributes, [.. edge.Evidence.Select(Rewrite)]);
            try
            {
                batch.StageEdge(moved);
            }
            catch (RuleViolationException problem)
            {
                throw new RuleViolationException(problem.Rule, $"Cannot merge '{remove}' into '{keep}': moving {edge.Id} breaks a rule. {problem.Message}");
            }
        }

        // Evidence elsewhere that credits the removed actor now credits the kept one; so do documents it published.
        for (var seq = 1; seq < index.EdgeSlots; seq++)
        {
            if (batch.Credits(seq, removeSeq) && batch.CurrentEdge(seq) is { } edge && edge.Evidence.Any(e => e.AttributedTo == remove))
            {
                batch.ReplaceEdge(seq, edge with { Evidence = [.. edge.Evidence.Select(Rewrite)] });
            }
        }

        for (var seq = 1; seq < index.DocumentSlots; seq++)
        {
            if (index.Documents[seq] is { } document && document.Publisher == remove)
            {
                batch.StageDocument(index.DocumentAt(seq)! with { Publisher = keep });
            }
        }

        batch.RemoveActor(remove);
        batch.DropUnchanged();
        return new MergeResult(merged, remove, touching.Length, evidenceMoved, aliases.Count - kept.Aliases.Count);
    }

    private static string SafeId(RelationshipKey key) => key.From.Value is null || key.To.Value is null ? key.Type.ToString() : key.ToId();
}
