using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>stats</c> field: counts of the graph and its degree distribution.</summary>
internal static class StatsField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("stats", Types.Ref("GraphStats").NonNull(), f => f
            .Description("Counts of actors, relationships, evidence and documents, and the degree distribution.")
            .ResolveAsync(async (_, c) => await GraphRequestContext.Of(c).Store.GetStatsAsync(c.CancellationToken).ConfigureAwait(false)));
}
