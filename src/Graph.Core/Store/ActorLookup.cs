using Graph.Core.Errors;
using Graph.Core.Model;

namespace Graph.Core.Store;

/// <summary>
/// Turns what a person typed (an id, a name or an alias) into an actor, or into a NotFound error that suggests the
/// closest names, so "Rusia" answers "Did you mean: Russia?". Shared by the command line and the API.
/// </summary>
public static class ActorLookup
{
    /// <summary>The actor the text names; throws <see cref="NotFoundException"/> with suggestions when none.</summary>
    public static async Task<Actor> ResolveAsync(IGraphStore store, string idOrName, CancellationToken cancellationToken = default)
    {
        var text = idOrName.Trim();
        if (text.Length == 0)
        {
            throw new InvalidArgumentException("actor", "An actor id or name is required (e.g. 'state:russia' or 'Russia').");
        }

        var actor = ActorId.TryParse(text, out var id)
            ? await store.GetActorAsync(id, cancellationToken).ConfigureAwait(false)
            : await store.ResolveActorAsync(text, cancellationToken).ConfigureAwait(false);
        return actor ?? throw new NotFoundException("actor", text, await SuggestAsync(store, text, 3, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Up to <paramref name="count"/> display names close to the text, closest first.</summary>
    public static async Task<IReadOnlyList<string>> SuggestAsync(IGraphStore store, string text, int count, CancellationToken cancellationToken = default) =>
        [.. (await SuggestActorsAsync(store, text, count, cancellationToken).ConfigureAwait(false)).Select(a => a.Name)];

    /// <summary>
    /// Up to <paramref name="count"/> actors whose names or aliases are close to the text (an id's slug counts as its
    /// words), closest by edit distance first. Candidates come from the store's search: the text's prefixes, widened
    /// down to two characters, and the first three letters of each of its words.
    /// </summary>
    public static async Task<IReadOnlyList<Actor>> SuggestActorsAsync(IGraphStore store, string text, int count, CancellationToken cancellationToken = default)
    {
        var folded = NameFolding.Fold(text.Contains(':', StringComparison.Ordinal) ? text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace('-', ' ') : text);
        if (folded.Length == 0)
        {
            return [];
        }

        var candidates = new Dictionary<ActorId, Actor>();
        async Task SearchAsync(string term)
        {
            foreach (var match in await store.SearchActorsAsync(new ActorSearch(term, Limit: 50), cancellationToken).ConfigureAwait(false))
            {
                candidates.TryAdd(match.Actor.Id, match.Actor);
            }
        }

        for (var length = Math.Min(folded.Length, 6); length >= 2 && candidates.Count < 20; length--)
        {
            await SearchAsync(folded[..length]).ConfigureAwait(false);
        }

        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).Skip(1).Take(4))
        {
            await SearchAsync(word[..3]).ConfigureAwait(false);
        }

        return candidates.Values
            .Select(a => (Actor: a, Distance: a.AllNames.Min(n => EditDistance(folded, NameFolding.Fold(n)))))
            .Where(c => c.Distance <= Math.Max(2, folded.Length / 2))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Actor.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Actor)
            .ToList();
    }

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
