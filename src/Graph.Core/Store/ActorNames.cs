using Graph.Core.Errors;
using Graph.Core.Model;

namespace Graph.Core.Store;

/// <summary>
/// The one resolver of what a person typed for an actor: an actor id (<c>state:russia</c>), a name or an alias
/// (case and accents folded: <c>pyongyang</c> finds North Korea). An unknown actor is a <see cref="NotFoundException"/>
/// whose suggestions follow one policy, whoever asks (the API, the command line, ingestion, the stores): up to
/// <see cref="MaxSuggestions"/> actors whose names or aliases are closest by edit distance, as <c>Name (id)</c>, so
/// "Rusia" answers "Did you mean: Russia (state:russia)?".
/// </summary>
public static class ActorNames
{
    /// <summary>Most suggestions an unknown actor gets.</summary>
    public const int MaxSuggestions = 5;

    /// <summary>Most candidates one search term of <see cref="CandidateTerms"/> contributes.</summary>
    public const int CandidatesPerTerm = 50;

    /// <summary>
    /// The actor <paramref name="reference"/> names; an empty reference is an <see cref="InvalidArgumentException"/>
    /// on <paramref name="argument"/>, an unknown one a <see cref="NotFoundException"/> with suggestions.
    /// </summary>
    public static async Task<Actor> ResolveAsync(IGraphStore store, string reference, string argument = "actor", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var text = reference?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new InvalidArgumentException(argument, $"{argument} must name an actor: an id such as 'state:russia' or a name such as 'Russia'.");
        }

        return await FindAsync(store, text, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("actor", text, await SuggestAsync(store, text, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The actor <paramref name="reference"/> names (id, name or alias), or null when none.</summary>
    public static async Task<Actor?> FindAsync(IGraphStore store, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var text = reference?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        return ActorId.TryParse(text, out var id)
            ? await store.GetActorAsync(id, cancellationToken).ConfigureAwait(false)
            : await store.ResolveActorAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The suggestions for an unknown actor: candidates from the store's name search, ranked by <see cref="Closest"/>.</summary>
    public static async Task<IReadOnlyList<string>> SuggestAsync(IGraphStore store, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var candidates = new Dictionary<ActorId, Actor>();
        foreach (var term in CandidateTerms(reference))
        {
            foreach (var match in await store.SearchActorsAsync(new ActorSearch(term, Limit: CandidatesPerTerm), cancellationToken).ConfigureAwait(false))
            {
                candidates.TryAdd(match.Actor.Id, match.Actor);
            }
        }

        return Closest(reference, candidates.Values);
    }

    /// <summary>
    /// The name searches that gather candidates for a reference: its folded prefixes from six characters down to two,
    /// and the first three letters of its further words (an id's slug reads as words: <c>state:north-kora</c> is
    /// looked for as <c>north kora</c>). A store that searches names itself runs the same terms.
    /// </summary>
    public static IReadOnlyList<string> CandidateTerms(string reference)
    {
        var folded = Folded(reference);
        var terms = new List<string>();
        for (var length = Math.Min(folded.Length, 6); length >= 2; length--)
        {
            terms.Add(folded[..length]);
        }

        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).Skip(1).Take(4))
        {
            terms.Add(word[..3]);
        }

        return terms;
    }

    /// <summary>
    /// The suggestion policy: of <paramref name="candidates"/>, those with a name or alias within edit distance
    /// max(2, length / 2) of the folded reference, closest first, then by name and id (ordinal), at most
    /// <see cref="MaxSuggestions"/>, each as <c>Name (id)</c>.
    /// </summary>
    public static IReadOnlyList<string> Closest(string reference, IEnumerable<Actor> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var folded = Folded(reference);
        if (folded.Length == 0)
        {
            return [];
        }

        var allowed = Math.Max(2, folded.Length / 2);
        return candidates
            .DistinctBy(a => a.Id)
            .Select(a => (Actor: a, Distance: a.AllNames.Min(n => EditDistance.Between(folded, NameFolding.Fold(n), allowed))))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Actor.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Actor.Id)
            .Take(MaxSuggestions)
            .Select(c => $"{c.Actor.Name} ({c.Actor.Id})")
            .ToList();
    }

    private static string Folded(string? reference)
    {
        var text = reference ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return NameFolding.Fold(colon >= 0 ? text[(colon + 1)..].Replace('-', ' ') : text);
    }
}
