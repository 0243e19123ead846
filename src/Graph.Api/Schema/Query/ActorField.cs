using Graph.Core.Errors;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>actor(id:, name:)</c> field: one actor, by id or by name.</summary>
internal static class ActorField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("actor", Types.Ref("Actor"), f => f
            .Description("One actor, by id or by name. Give exactly one of `id` and `name`. An unknown actor is a NOT_FOUND error whose `extensions.suggestions` lists close names.")
            .Argument("id", Scalars.ID, a => a.Description("The actor's global id or readable id (`state:russia`)."))
            .Argument("name", Scalars.String, a => a.Description("A name or alias, ignoring case and accents (`pyongyang` finds North Korea)."))
            .ResolveAsync(async (_, c) =>
            {
                var id = Args.String(c, "id");
                var name = Args.String(c, "name");
                if ((id is null) == (name is null))
                {
                    throw new InvalidArgumentException(id is null ? "id" : "name", "actor takes exactly one of 'id' (e.g. \"state:russia\") and 'name' (e.g. \"Russia\").");
                }

                var store = GraphRequestContext.Of(c).Store;
                if (id is not null)
                {
                    var actorId = ActorReferences.ParseId(id, "id")
                        ?? throw new InvalidArgumentException("id", $"Malformed actor id '{id}'. Expected a global id or 'kind:slug' (e.g. 'state:north-korea'); to look up by name use actor(name: ...).");
                    return await ActorReferences.ResolveAsync(store, actorId.Value, "id", c.CancellationToken).ConfigureAwait(false);
                }

                return await ActorReferences.ResolveAsync(store, name!, "name", c.CancellationToken).ConfigureAwait(false);
            }));
}
