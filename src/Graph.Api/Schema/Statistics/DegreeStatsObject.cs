using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Statistics;

/// <summary>The <c>DegreeStats</c> object type: relationships per actor over all actors.</summary>
internal static class DegreeStatsObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<DegreeStats>("DegreeStats", t => t
        .Description("Relationships per actor (both directions) over all actors.")
        .Field("min", Scalars.Int.NonNull(), "Fewest.", d => d.Min)
        .Field("max", Scalars.Int.NonNull(), "Most.", d => d.Max)
        .Field("mean", Scalars.Float.NonNull(), "Mean.", d => d.Mean)
        .Field("median", Scalars.Float.NonNull(), "Median.", d => d.Median)
        .Field("top", Types.NonNullList(Types.Ref("ActorDegree")), "The best-connected actors, most first.", d => d.Top));
}
