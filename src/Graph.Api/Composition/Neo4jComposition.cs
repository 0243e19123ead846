using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;

namespace Graph.Api.Composition;

/// <summary>Turns the <c>Graph:Neo4j</c> section into a connected Neo4j store.</summary>
internal static class Neo4jComposition
{
    /// <summary>Connects, failing fast with a clear error for a wrong password, an unknown database or an unreachable server.</summary>
    public static async Task<Neo4jGraphStore> OpenAsync(GraphOptions.Neo4jSection section, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(section.Uri))
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException("Graph:Neo4j:Uri is not set (e.g. Graph__Neo4j__Uri=http://localhost:7474).");
        }

        var options = new Neo4jStoreOptions
        {
            Uri = new Uri(section.Uri, UriKind.Absolute),
            User = section.User,
            Password = section.Password ?? "",
            Database = section.Database,
        };
        try
        {
            options.Validated();
        }
        catch (ArgumentException e)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException(e.Message);
        }

        return await Neo4jStoreFactory.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
