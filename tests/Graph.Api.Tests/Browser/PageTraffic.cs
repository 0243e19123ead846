using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

/// <summary>Records what a page requests and what goes wrong in it, so tests can prove a page works offline.</summary>
public sealed class PageTraffic
{
    private readonly List<string> _requests = [];
    private readonly List<string> _failedAssets = [];
    private readonly List<string> _pageErrors = [];
    private readonly Lock _gate = new();

    private PageTraffic()
    {
    }

    /// <summary>Starts recording on <paramref name="page"/>; console lines go to the test output.</summary>
    public static PageTraffic Watch(IPage page, ITestOutputHelper? output = null)
    {
        var traffic = new PageTraffic();
        page.Request += (_, r) => { lock (traffic._gate) { traffic._requests.Add(r.Url); } };
        page.Response += (_, r) =>
        {
            // The bundle's own files may not fail; what /graphql answers is for each test to judge.
            if (r.Status >= 400 && Uri.TryCreate(r.Url, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith("/playground/", StringComparison.Ordinal))
            {
                lock (traffic._gate) { traffic._failedAssets.Add($"{r.Status} {r.Url}"); }
            }
        };
        page.RequestFailed += (_, r) => { lock (traffic._gate) { traffic._failedAssets.Add($"failed ({r.Failure}) {r.Url}"); } };
        page.PageError += (_, e) => { lock (traffic._gate) { traffic._pageErrors.Add(e); } };
        if (output is not null)
        {
            page.Console += (_, m) => output.WriteLine($"console.{m.Type}: {m.Text}");
        }

        return traffic;
    }

    /// <summary>Every URL requested so far.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>Waits (up to 30 s) until a request whose URL matches <paramref name="pattern"/> has been seen.</summary>
    public async Task WaitForRequestAsync(Regex pattern)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Requests.Any(pattern.IsMatch))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No request matching {pattern} was made. Requests:\n{string.Join('\n', Requests)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Fails if any request went anywhere but <paramref name="origin"/> (data: and blob: URLs are local).</summary>
    public void AssertOnlyLocal(Uri origin)
    {
        var outside = Requests
            .Where(u => !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal))
            .Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Host != "127.0.0.1" || uri.Port != origin.Port)
            .ToList();
        Assert.True(outside.Count == 0, $"The page requested {outside.Count} URL(s) outside {origin}:\n{string.Join('\n', outside)}");
        Assert.NotEmpty(Requests);
    }

    /// <summary>Fails if a file of the bundle answered with an error or could not be fetched.</summary>
    public void AssertNoFailedAssets()
    {
        string[] failed;
        lock (_gate) { failed = [.. _failedAssets]; }
        Assert.True(failed.Length == 0, $"Bundle files failed to load:\n{string.Join('\n', failed)}");
    }

    /// <summary>Fails on any uncaught script error in the page.</summary>
    public void AssertNoPageErrors()
    {
        string[] errors;
        lock (_gate) { errors = [.. _pageErrors]; }
        Assert.True(errors.Length == 0, $"The page threw:\n{string.Join('\n', errors)}");
    }
}
