using Graph.Core.Events;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>The <c>relationshipChanged(actor:, types:)</c> subscription: an edge gained, changed or lost evidence.</summary>
internal static class RelationshipChangedField
{
    /// <summary>Adds the field to the subscription root.</summary>
    public static void Declare(ObjectTypeBuilder<object> subscription) => subscription
        .Field("relationshipChanged", Types.Ref("RelationshipChangedEvent").NonNull(), f => f
            .Description("An edge gained, changed or lost evidence. Filter by an actor at either end and by types; without filters every change arrives. An unknown actor is refused at subscription time (NOT_FOUND with suggestions).")
            .Argument("actor", Scalars.String, a => a.Description("An actor at either end of the edge: id (`state:north-korea`), name or alias (`Pyongyang`)."))
            .Argument("types", Types.List(Types.Ref("RelationshipType").NonNull()), a => a.Description("Only edges of these types; omitted or null means every type."))
            .Subscribe(SubscriptionObject.Guarded(async c =>
            {
                var bus = SubscriptionObject.Bus(c);
                ActorId? actor = null;
                if (Args.String(c, "actor") is { } reference)
                {
                    actor = (await ActorNames.ResolveAsync(GraphRequestContext.Of(c).Store, reference, "actor", c.CancellationToken).ConfigureAwait(false)).Id;
                }

                var types = Args.List<RelationshipType>(c, "types") is { Count: > 0 } list ? list.ToHashSet() : null;
                return bus.Subscribe<RelationshipChanged>(e =>
                    (actor is null || e.Key.From == actor || e.Key.To == actor) && (types is null || types.Contains(e.Key.Type)));
            }))
            .Resolve(e => e));
}
