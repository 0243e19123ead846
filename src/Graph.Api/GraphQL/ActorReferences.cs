using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Api.GraphQL;

/// <summary>
/// Finds the actor an argument names. Arguments that take an actor accept its opaque global id, its actor id
/// (<c>state:russia</c>) or one of its names or aliases (<c>Pyongyang</c>); an unknown actor is a NOT_FOUND error that
/// suggests close names.
/// </summary>
public static class ActorReferences
{
    private const int SuggestionCount = 5;

    /// <summary>The actor the text refers to, or a clear error naming the argument.</summary>
    public static async Task<Actor> ResolveAsync(IGraphStore store, string reference, string argument, CancellationToken cancellationToken)
    {
        var id = ParseId(reference, argument);
        if (id is { } actorId)
        {
            return await store.GetActorAsync(actorId, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException("actor", actorId.Value, await SuggestAsync(store, actorId.Value[(actorId.Value.IndexOf(':') + 1)..].Replace('-', ' '), cancellationToken).ConfigureAwait(false));
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new InvalidArgumentException(argument, $"{argument} must name an actor: an id such as 'state:russia', a global id, or a name such as 'Russia'.");
        }

        return await store.ResolveActorAsync(reference, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("actor", reference, await SuggestAsync(store, reference, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The actor id in the text when it is an actor id or an actor's global id; null when it is neither (then it is a
    /// name). A global id of something that is not an actor is an error.
    /// </summary>
    public static ActorId? ParseId(string reference, string argument)
    {
        if (ActorId.TryParse(reference, out var id))
        {
            return id;
        }

        if (GlobalId.TryDecode(reference, out var global))
        {
            if (!GraphOntology.TryParseKind(global.TypeName, out var kind) || !ActorId.TryParse(global.Key, out var fromGlobal) || fromGlobal.Kind != kind)
            {
                throw new InvalidArgumentException(argument, $"{argument} '{reference}' is the id of a {global.TypeName}, not of an actor. Pass an actor's id, global id or name.");
            }

            return fromGlobal;
        }

        return null;
    }

    /// <summary>Names close to the text, best first: search hits, then names that share a word's start, by edit distance.</summary>
    public static async Task<IReadOnlyList<string>> SuggestAsync(IGraphStore store, string text, CancellationToken cancellationToken)
    {
        var folded = NameFolding.Fold(text);
        if (folded.Length == 0)
        {
            return [];
        }

        var candidates = new Dictionary<string, Actor>(StringComparer.Ordinal);
        async Task Search(string term)
        {
            foreach (var match in await store.SearchActorsAsync(new ActorSearch(term, Limit: 25), cancellationToken).ConfigureAwait(false))
            {
                candidates.TryAdd(match.Actor.Id.Value, match.Actor);
            }
        }

        await Search(folded).ConfigureAwait(false);
        if (candidates.Count < SuggestionCount)
        {
            foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).Take(4))
            {
                await Search(word[..3]).ConfigureAwait(false);
            }
        }

        return candidates.Values
            .Select(a => (Actor: a, Distance: a.AllNames.Min(n => Distance(NameFolding.Fold(n), folded))))
            .Where(c => c.Distance <= Math.Max(3, folded.Length / 2))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Actor.Name, StringComparer.Ordinal)
            .Take(SuggestionCount)
            .Select(c => $"{c.Actor.Name} ({c.Actor.Id})")
            .ToList();
    }

    private static int Distance(string a, string b)
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
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
