using System.Security.Cryptography;
using System.Text;
using Graph.Api.Schema;
using Microsoft.AspNetCore.Http;

namespace Graph.Api.Http;

/// <summary>
/// Reads the API key a request presents (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>) and
/// compares it with the configured one in constant time.
/// </summary>
public static class ApiKey
{
    /// <summary>The header that carries the key when Authorization is not used.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Whether the request may run mutations.</summary>
    public static WriteAccess Check(HttpRequest request, string? configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey))
        {
            return WriteAccess.ReadOnlyServer;
        }

        var presented = Presented(request);
        if (presented is null)
        {
            return WriteAccess.MissingKey;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(configuredKey))
            ? WriteAccess.Granted
            : WriteAccess.WrongKey;
    }

    private static string? Presented(HttpRequest request)
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
