using System.Security.Cryptography;
using System.Text;
using Graph.Api.Schema;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Graph.Api.Http;

/// <summary>
/// Where the API key is checked. <see cref="Check"/> reads the key a request presents (<c>Authorization: Bearer &lt;key&gt;</c>
/// or <c>X-Api-Key: &lt;key&gt;</c>) and compares it with the configured one in constant time, once per request;
/// <see cref="AuthorizeOperation"/> is the one place that refuses a mutation without it: the engine's pipeline calls it
/// after choosing the operation and before anything runs, so no resolver checks again.
/// </summary>
public static class ApiKey
{
    /// <summary>The header that carries the key when Authorization is not used.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Whether the request may run mutations.</summary>
    public static WriteAccess Check(HttpRequest request, string? configuredKey) =>
        CheckPresented(string.IsNullOrEmpty(configuredKey) ? null : Presented(request), configuredKey);

    /// <summary>
    /// The same check for a key presented otherwise (a WebSocket's <c>connection_init</c> payload, as browsers cannot set
    /// headers on a WebSocket): null when none was presented.
    /// </summary>
    public static WriteAccess CheckPresented(string? presented, string? configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey))
        {
            return WriteAccess.ReadOnlyServer;
        }

        if (presented is null)
        {
            return WriteAccess.MissingKey;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(configuredKey))
            ? WriteAccess.Granted
            : WriteAccess.WrongKey;
    }

    /// <summary>
    /// The engine's <see cref="RequestExecutorOptions.AuthorizeOperation"/>: queries run for anyone; a mutation runs only
    /// when the request's <see cref="GraphRequestContext.WriteAccess"/> is <see cref="WriteAccess.Granted"/>, and is
    /// otherwise refused with UNAUTHENTICATED (no key or a wrong one) or FORBIDDEN (a read-only server). Nothing is changed.
    /// </summary>
    public static GraphQLError? AuthorizeOperation(RequestContext context)
    {
        if (context.Operation?.Operation != OperationType.Mutation)
        {
            return null;
        }

        // A request without the API's context (a host that forgot it) may not write: fail closed.
        var access = (context.UserContext as GraphRequestContext)?.WriteAccess ?? WriteAccess.MissingKey;
        return access switch
        {
            WriteAccess.Granted => null,
            WriteAccess.ReadOnlyServer => ApiErrors.Coded(ApiErrors.Forbidden,
                "This server is read-only: no API key is configured (Graph:Api:Key), so mutations are refused. Nothing was changed."),
            WriteAccess.WrongKey => ApiErrors.Coded(ApiErrors.Unauthenticated,
                "The API key sent is not valid. Nothing was changed."),
            _ => ApiErrors.Coded(ApiErrors.Unauthenticated,
                "Mutations need the API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'. Nothing was changed."),
        };
    }

    /// <summary>
    /// Subscriptions hold a connection open for as long as the client likes, so when a key is configured a subscription
    /// connection must present it (refused otherwise at connection time: WebSocket close 4403, SSE 401); a read-only
    /// server (no key) serves subscriptions to anyone, as it serves queries.
    /// </summary>
    public static bool MaySubscribe(WriteAccess access) => access is WriteAccess.Granted or WriteAccess.ReadOnlyServer;

    /// <summary>The key in an <c>Authorization: Bearer</c> value or a bare key; null when empty.</summary>
    public static string? FromValue(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            text = text["Bearer ".Length..].Trim();
        }

        return text.Length > 0 ? text : null;
    }

    /// <summary>The key a request's headers present, or null.</summary>
    public static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }
}
