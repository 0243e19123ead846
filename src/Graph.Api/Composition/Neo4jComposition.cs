using Graph.Core.Store;

namespace Graph.Api.Composition;

/// <summary>Opens the Neo4j store from the <c>Graph:Neo4j</c> section.</summary>
internal static class Neo4jComposition
{
    public static Task<IGraphStore> OpenAsync(GraphOptions.Neo4jSection options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Neo4j store is not wired into the host yet.");
}
