using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Relationships;
using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Actors;

/// <summary>
/// The <c>Actor</c> interface and the fields every actor has, declared once for the interface and for each kind's
/// object type (<see cref="ActorKindObjects"/>).
/// </summary>
internal static class ActorInterface
{
    /// <summary>Declares the interface.</summary>
    public static InterfaceType Create() => InterfaceType.Create<Actor>("Actor", t =>
    {
        t.Description("A node of the graph: who or what takes part in relationships. Every kind of actor implements it; ask for kind-specific fields with `... on State { countryCode }`.")
            .Implements(Types.Ref("Node"))
            .ResolveType(actor => ActorKindObjects.TypeNameOf(actor.Kind));
        Fields(t);
    });

    /// <summary>The fields every actor has: ids, kind, names, attributes, relationships, degree and degree per type.</summary>
    public static void Fields<TSelf>(ComplexTypeBuilder<Actor, TSelf> t)
        where TSelf : ComplexTypeBuilder<Actor, TSelf>
    {
        t.Field("id", Scalars.ID.NonNull(), "Opaque global id; use it with `node`/`nodes`.", a => GlobalId.ForActor(a))
            .Field("actorId", Scalars.String.NonNull(), "Stable readable id `kind:slug`, e.g. `state:north-korea`; accepted wherever an actor is asked for.", a => a.Id.Value)
            .Field("kind", Types.Ref("ActorKind").NonNull(), "Its kind.", a => a.Kind)
            .Field("name", Scalars.String.NonNull(), "Display name: the caption in every client.", a => a.Name)
            .Field("aliases", Types.NonNullList(Scalars.String), "Other names it goes by (DPRK, Pyongyang, ...); any of them finds it.", a => a.Aliases)
            .Field("description", Scalars.String, "One line saying who or what it is.", a => a.Description)
            .Field("attributes", Types.NonNullList(Types.Ref("ActorAttribute")), "Every fact recorded about it, by name, as text.", a => a.Attributes.OrderBy(x => x.Key, StringComparer.Ordinal).ToList())
            .Field("relationships", ConnectionTypes.Of("Relationship"), f => f
                .Description("Its relationships, filtered, by type, then date (undated last), then the other actor. Each edge says which way it points from this actor (`direction`) and the actor at the far end (`other`).")
                .FilterArguments(withDirection: true)
                .PageArguments()
                .ResolveAsync(async (actor, c) =>
                {
                    var filter = Args.Filter(c);
                    var all = await GraphRequestContext.Of(c).Relationships(c).LoadAsync(actor.Id).ConfigureAwait(false) ?? [];
                    var matching = all.Where(r => filter.Matches(r) && filter.AllowsDirection(r, actor.Id)).Select(r => new RelationshipView(r, actor.Id)).ToList();
                    return Paging.Page(c, CursorList.For(c, "Actor.relationships", actor.Id.Value), matching, SortKeys.Listed);
                }))
            .Field("degree", Scalars.Int.NonNull(), f => f
                .Description("How many relationships it has, both directions.")
                .ResolveAsync(async (actor, c) =>
                {
                    var all = await GraphRequestContext.Of(c).Relationships(c).LoadAsync(actor.Id).ConfigureAwait(false);
                    return all?.Count ?? 0;
                }))
            .Field("degreeByType", Types.NonNullList(Types.Ref("TypeCount")), f => f
                .Description("How many relationships it has of each type (types it has none of are left out), by type name: what a client shows before it draws a hub's neighbours. Symmetric types count in every direction.")
                .Argument("direction", Types.Ref("Direction"), a => a.Description("Which of its relationships count: outgoing, incoming or both.").DefaultValue(Core.Store.Direction.Both))
                .ResolveAsync(async (actor, c) =>
                {
                    var direction = Args.Enum<Core.Store.Direction>(c, "direction") ?? Core.Store.Direction.Both;
                    var filter = new Core.Store.RelationshipFilter { Direction = direction };
                    var all = await GraphRequestContext.Of(c).Relationships(c).LoadAsync(actor.Id).ConfigureAwait(false) ?? [];
                    return all.Where(r => filter.AllowsDirection(r, actor.Id))
                        .GroupBy(r => r.Type)
                        .Select(g => new KeyValuePair<Core.Ontology.RelationshipType, int>(g.Key, g.Count()))
                        .OrderBy(p => p.Key.ToString(), StringComparer.Ordinal)
                        .ToList();
                }));
    }
}
