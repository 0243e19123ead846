using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Api.Schema;

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
                ?? throw new NotFoundException("actor", actorId.Value, await SuggestAsync(store, actorId.Value, cancellationToken).ConfigureAwait(false));
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

    /// <summary>Names close to the text, closest first, each with its id so the client can ask again precisely.</summary>
    public static async Task<IReadOnlyList<string>> SuggestAsync(IGraphStore store, string text, CancellationToken cancellationToken) =>
        [.. (await ActorLookup.SuggestActorsAsync(store, text, SuggestionCount, cancellationToken).ConfigureAwait(false)).Select(a => $"{a.Name} ({a.Id})")];
}
