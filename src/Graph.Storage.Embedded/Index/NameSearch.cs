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

    /// <summary>Every actor matching the search, best match first, then by name and id.</summary>
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

            if (best is { } match)
            {
                matches.Add(new ActorMatch(actor, match, matched!));
            }
        }

        matches.Sort(static (a, b) =>
        {
            var byMatch = a.Match.CompareTo(b.Match);
            if (byMatch != 0)
            {
                return byMatch;
            }

            var byName = string.CompareOrdinal(a.Actor.Name, b.Actor.Name);
            return byName != 0 ? byName : a.Actor.Id.CompareTo(b.Actor.Id);
        });
        return matches;
    }

    /// <summary>Up to five actor ids whose names or ids are close to the text (prefix, or a small edit distance).</summary>
    public static IReadOnlyList<string> Suggest(GraphIndex index, string text)
    {
        // An id's slug reads as a name: "state:north-kora" is looked for as "north kora".
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var query = NameFolding.Fold(colon >= 0 ? text[(colon + 1)..] : text);
        if (query.Length == 0)
        {
            return [];
        }

        var allowed = Math.Max(1, query.Length / 3);
        var scored = new List<(int Score, string Id)>();
        for (var seq = 1; seq < index.ActorSlots; seq++)
        {
            if (index.Actors[seq] is not { } actor)
            {
                continue;
            }

            var best = int.MaxValue;
            foreach (var name in index.Names[seq]!)
            {
                var score = name.Folded.StartsWith(query, StringComparison.Ordinal) || (query.StartsWith(name.Folded, StringComparison.Ordinal) && name.Folded.Length >= 3)
                    ? 0
                    : Distance(query, name.Folded, allowed);
                best = Math.Min(best, score);
            }

            if (best <= allowed)
            {
                scored.Add((best, actor.Id.Value));
            }
        }

        return [.. scored.OrderBy(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal).Take(5).Select(s => s.Id)];
    }

    /// <summary>Levenshtein distance, giving up (returning more than <paramref name="limit"/>) once it exceeds the limit.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowBest = Math.Min(rowBest, current[j]);
            }

            if (rowBest > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
