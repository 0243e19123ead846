using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Api.Schema;

/// <summary>
/// Finds the actor an argument names. Arguments that take an actor accept its opaque global id, its actor id
/// (<c>state:russia</c>) or one of its names or aliases (<c>Pyongyang</c>): global ids are read here, the rest is
/// <see cref="ActorNames"/>'s, whose NOT_FOUND error suggests close names as the command line and ingestion do.
/// </summary>
public static class ActorReferences
{
    /// <summary>The actor the text refers to (a global id is read as the actor id it holds), or a clear error naming the argument.</summary>
    public static Task<Actor> ResolveAsync(IGraphStore store, string reference, string argument, CancellationToken cancellationToken) =>
        ActorNames.ResolveAsync(store, ParseId(reference, argument)?.Value ?? reference, argument, cancellationToken);

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
}
