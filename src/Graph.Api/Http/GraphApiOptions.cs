using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Http;

/// <summary>
/// Settings of the GraphQL endpoint, bound from <c>Graph:Api</c> (e.g. <c>Graph__Api__Key</c>) and validated on start.
/// </summary>
public sealed class GraphApiOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Api";

    /// <summary>The least length of an API key: shorter keys are guessable.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// The key that mutations must present (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>). Without one the
    /// server is read-only and says so to every mutation.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Largest request body (or GET query string) accepted, in bytes.</summary>
    [Range(1_024, 16 * 1024 * 1024, ErrorMessage = "Graph:Api:MaxRequestBytes must be between 1024 and 16777216 bytes.")]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Largest POST body accepted from a caller presenting the API key, in bytes: room for a document sent to <c>ingestDocument</c>.</summary>
    [Range(1_024, 256 * 1024 * 1024, ErrorMessage = "Graph:Api:MaxWriteRequestBytes must be between 1024 and 268435456 bytes.")]
    public int MaxWriteRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Deepest selection nesting a query may have.</summary>
    [Range(2, 64, ErrorMessage = "Graph:Api:MaxDepth must be between 2 and 64.")]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest estimated cost a query may have (fields weighted by the list sizes they ask for).</summary>
    [Range(10, 100_000_000, ErrorMessage = "Graph:Api:MaxCost must be between 10 and 100000000.")]
    public int MaxCost { get; set; } = 200_000;

    /// <summary>Origins allowed to call the endpoint from a browser page (CORS); empty allows none, <c>*</c> any.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Whether browsers asking for HTML at /graphql get the playground.</summary>
    public bool Playground { get; set; } = true;

    /// <summary>True when a key is configured, so mutations may run.</summary>
    public bool AllowsWrites => !string.IsNullOrEmpty(Key);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Key is { } key && key.Length > 0 && (key.Length < MinKeyLength || key.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult(
                $"Graph:Api:Key must be at least {MinKeyLength} characters without spaces (got {key.Length}); leave it empty to run read-only.",
                [nameof(Key)]);
        }

        foreach (var origin in CorsOrigins)
        {
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"))
            {
                yield return new ValidationResult(
                    $"Graph:Api:CorsOrigins entry '{origin}' is not an origin; use '*' or a scheme and host such as 'https://example.org'.",
                    [nameof(CorsOrigins)]);
            }
        }
    }
}
