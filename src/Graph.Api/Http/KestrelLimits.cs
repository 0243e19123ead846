using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Api.Http;

/// <summary>
/// Makes the web server's own limits agree with the documented ones: Kestrel refuses a request line over 8 KB and
/// headers over 32 KB by itself, with an empty body, before the endpoint sees the request. The request line is raised
/// above <see cref="GraphApiOptions.MaxRequestBytes"/> (the documented GET limit), with room for percent-encoding, so
/// that a GET up to the limit is answered and one over it gets the endpoint's 414 with a GraphQL error in JSON.
/// </summary>
public static class KestrelLimits
{
    /// <summary>How much longer than the GET limit Kestrel lets a request line be, so the endpoint can refuse it in JSON.</summary>
    public const int RequestLineHeadroom = 4;

    /// <summary>Configures Kestrel's request-line and header limits from the bound <see cref="GraphApiOptions"/>.</summary>
    public static IServiceCollection AddGraphApiKestrelLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GraphApiOptions>>((kestrel, api) => Apply(kestrel.Limits, api.Value));
        return services;
    }

    /// <summary>Raises the request line (and the header total, which must hold it) to fit a GET of the documented size.</summary>
    public static void Apply(KestrelServerLimits limits, GraphApiOptions options)
    {
        var line = (int)Math.Min(int.MaxValue, ((long)options.MaxRequestBytes * RequestLineHeadroom) + 1024);
        limits.MaxRequestLineSize = Math.Max(limits.MaxRequestLineSize, line);
        limits.MaxRequestHeadersTotalSize = Math.Max(limits.MaxRequestHeadersTotalSize, line + (32 * 1024));
    }
}
