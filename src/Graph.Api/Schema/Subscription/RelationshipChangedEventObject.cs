using Graph.Api.Schema.Relationships;
using Graph.Core.Events;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>The <c>RelationshipChangedEvent</c> type: which edge changed and how, and the edge as it is now.</summary>
internal static class RelationshipChangedEventObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<RelationshipChanged>("RelationshipChangedEvent", t => t
        .Description("An edge gained, changed or lost evidence.")
        .Field("change", Types.Ref("RelationshipChange").NonNull(), "What happened to the edge.", e => e.Change)
        .Field("relationshipId", Scalars.String.NonNull(), "The edge's readable id `TYPE:fromId->toId` (with `#qualifier`), as `Relationship.relationshipId`.", e => e.Key.ToString())
        .Field("type", Types.Ref("RelationshipType").NonNull(), "The edge's type.", e => e.Key.Type)
        .Field("fromId", Scalars.String.NonNull(), "The readable id of the edge's source actor.", e => e.Key.From.Value)
        .Field("toId", Scalars.String.NonNull(), "The readable id of the edge's target actor.", e => e.Key.To.Value)
        .Field("relationship", Types.Ref("Relationship"), f => f
            .Description("The edge as it is now, evidence included; null once it was removed.")
            .ResolveAsync(async (e, c) =>
                await GraphRequestContext.Of(c).Store.GetRelationshipAsync(e.Key, c.CancellationToken).ConfigureAwait(false) is { } edge ? new RelationshipView(edge) : null))
        .Field("at", Scalars.String.NonNull(), "When the change was published (ISO 8601, UTC).", e => e.At.ToString("O")));
}
