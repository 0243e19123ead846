namespace Graph.Api.Composition;

/// <summary>Binds to 127.0.0.1 unless an address was configured: a fresh start never listens beyond the machine.</summary>
public static class LoopbackUrl
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>Uses <see cref="Default"/> when neither --urls, ASPNETCORE_URLS nor Kestrel endpoints are set.</summary>
    public static IWebHostBuilder UseDefaultLoopbackUrl(this IWebHostBuilder builder)
    {
        var configured = builder.GetSetting(WebHostDefaults.ServerUrlsKey);
        return string.IsNullOrWhiteSpace(configured) ? builder.UseUrls(Default) : builder;
    }
}
