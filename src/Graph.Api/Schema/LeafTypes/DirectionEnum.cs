using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>Direction</c> enum: which way edges are followed.</summary>
public static class DirectionEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("Direction", e => e
        .Description("Which way an edge is followed from an actor. Symmetric types (ALLIED_WITH, AT_WAR_WITH, MET_WITH) are followed both ways whatever is asked.")
        .Value("OUTGOING", Direction.Outgoing, v => v.Description("From the actor to the other end (the actor is the edge's source)."))
        .Value("INCOMING", Direction.Incoming, v => v.Description("From the other end to the actor (the actor is the edge's target)."))
        .Value("BOTH", Direction.Both, v => v.Description("Either way.")));
}
