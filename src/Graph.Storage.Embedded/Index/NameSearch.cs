using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Storage.Embedded.Index;

/// <summary>Name lookups over folded names: resolution, ranked search, and suggestions for an unknown id or name.</summary>
internal static class NameSearch
{
    /// <summary>The actor named exactly so (folded); a display name beats an alias, then the lower id wins.</summary>
    public static Actor? Resolve(GraphIndex index, string text)
    {
        if (ActorId.TryParse(text.Trim(), out var id) && index.ActorOf(id) is { } byId)
        {
            return byId;
        }

        var folded = NameFolding.Fold(text);
        Actor? best = null;
        var bestByName = false;
        foreach (var seq in index.WithFoldedName(folded))
        {
            var actor = index.Actors[seq]!;
            var byName = index.Names[seq]![0].Folded == folded;
            if (best is null || (byName && !bestByName) || (byName == bestByName && actor.Id.CompareTo(best.Id) < 0))
            {
                best = actor;
                bestByName = byName;
            }
        }

        return best;
    }

    /// <summary>
    /// Every actor matching the search (after <see cref="ActorSearch.After"/> when given: keyset paging), best match first,
    /// then by name and id.
    /// </summary>
    public static List<ActorMatch> Matches(GraphIndex index, ActorSearch search)
    {
        var folded = NameFolding.Fold(search.Text ?? "");
        var matches = new List<ActorMatch>();
        for (var seq = 1; seq < index.ActorSlots; seq++)
        {
            if (index.Actors[seq] is not { } actor || (search.Kinds is { Count: > 0 } kinds && !kinds.Contains(actor.Kind)))
            {
                continue;
            }

            MatchKind? best = null;
            string? matched = null;
            foreach (var name in index.Names[seq]!)
            {
                MatchKind? kind = name.Folded == folded ? MatchKind.Exact
                    : name.Folded.StartsWith(folded, StringComparison.Ordinal) ? MatchKind.Prefix
                    : name.Folded.Contains(folded, StringComparison.Ordinal) ? MatchKind.Substring
                    : null;
                if (kind is not null && (best is null || kind < best))
                {
                    best = kind;
                    matched = name.Original;
                }
            }

            if (best is { } match && (search.After is not { } after || new ActorSearchKey(match, actor.Name, actor.Id).CompareTo(after) > 0))
            {
                matches.Add(new ActorMatch(actor, match, matched!));
            }
        }

        matches.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return matches;
    }

    /// <summary>
    /// Suggestions for an unknown id or name, by <see cref="ActorNames"/>' one policy: candidates from the same name
    /// searches the policy runs through a store, ranked by <see cref="ActorNames.Closest"/>.
    /// </summary>
    public static IReadOnlyList<string> Suggest(GraphIndex index, string text)
    {
        var candidates = new List<Actor>();
        foreach (var term in ActorNames.CandidateTerms(text))
        {
            candidates.AddRange(Matches(index, new ActorSearch(term)).Take(ActorNames.CandidatesPerTerm).Select(m => m.Actor));
        }

        return ActorNames.Closest(text, candidates);
    }
}
