using System.Security.Cryptography;
using System.Text;
using Graph.GraphQL.Error;

namespace Graph.GraphQL.Pipeline;

/// <summary>Hashes the query text and looks the document up in the <see cref="DocumentCache"/>.</summary>
public sealed class DocumentCacheStep(DocumentCache cache) : IRequestStep
{
    /// <inheritdoc />
    public string Name => "documentCache";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Request.Query))
        {
            context.Fail([new GraphQLError("The request has no query: send the GraphQL document in \"query\".", extensions: ErrorCodes.Code(ErrorCodes.BadRequest))]);
            return ValueTask.CompletedTask;
        }

        var hash = Hash(context.Request.Query);
        context.DocumentHash = hash;
        if (cache.TryGet(hash, out var document))
        {
            context.Document = document;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>SHA-256 of the UTF-8 text, lower-case hex.</summary>
    public static string Hash(string query)
    {
        var byteCount = Encoding.UTF8.GetByteCount(query);
        var buffer = byteCount <= 4096 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(query, buffer);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer, digest);
        return Convert.ToHexStringLower(digest);
    }
}
