using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Graph.Api.Http;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Graph.Ingest.Synthetic;
using Graph.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Benchmarks.Api;

/// <summary>
/// HTTP load on the GraphQL endpoint at 127.0.0.1: N concurrent connections, bounded by a request count and a time,
/// printing requests per second and p50/p99 latency for `actor` by name, a depth-2 `neighbourhood` and a `paths` query.
/// Runs its own server over an embedded store seeded from the seed knowledge (or a generated graph), or targets --url.
/// </summary>
public static class ApiLoadBenchmarks
{
    private const string Usage = """
        usage: Graph.Benchmarks api [--graph seed|synthetic] [--relationships N] [--connections C] [--seconds S]
                                    [--max-requests M] [--rate R] [--url http://127.0.0.1:PORT/graphql]
          --graph         seed (default): data/knowledge/seed-knowledge.json; synthetic: SyntheticGraphGenerator
          --relationships size of the synthetic graph (default 1000000)
          --connections   concurrent connections (default 16)
          --seconds       time bound per scenario (default 10)
          --max-requests  count bound per scenario (default 500000)
          --rate          also run the neighbourhood at this fixed rate (req/s) and print its latency (default 1000)
          --url           an already running endpoint on 127.0.0.1 instead of an in-process server
        """;

    /// <summary>Entry for the benchmark dispatcher.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var server = options.Url is null ? await InProcessServer.StartAsync(options) : null;
        var url = options.Url ?? server!.Url;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };

        var (center, from, to) = server?.Targets ?? ("Russia", "NIS", "Resolution 2397");
        var scenarios = new (string Name, string Query)[]
        {
            ("actor by name", $$"""{ actor(name: {{JsonSerializer.Serialize(center)}}) { id name kind aliases } }"""),
            ("neighbourhood depth 2", $$"""{ neighbourhood(actor: {{JsonSerializer.Serialize(center)}}, depth: 2, limit: 500) { nodeCount nodes { id kind caption depth } edges { id type source target caption } } }"""),
            ("paths shortest", $$"""{ paths(from: {{JsonSerializer.Serialize(from)}}, to: {{JsonSerializer.Serialize(to)}}, maxDepth: 4) { count paths { length actors { name } } } }"""),
        };

        Console.WriteLine($"API load on {url} ({options.Graph} graph{(server is null ? "" : $", {server.Description}")}), {options.Connections} connections, ≤{options.Seconds}s or ≤{options.MaxRequests} requests per scenario");
        Console.WriteLine($"{"scenario",-26} {"requests",9} {"errors",7} {"req/s",9} {"p50 ms",8} {"p99 ms",8}");
        foreach (var (name, query) in scenarios)
        {
            await CheckAsync(client, query);
            await RunClosedLoopAsync(client, query, options.Connections, TimeSpan.FromSeconds(1), 5_000);
            var result = await RunClosedLoopAsync(client, query, options.Connections, TimeSpan.FromSeconds(options.Seconds), options.MaxRequests);
            Print(name, result);
        }

        if (options.Rate > 0)
        {
            var result = await RunOpenLoopAsync(client, scenarios[1].Query, options.Rate, TimeSpan.FromSeconds(options.Seconds));
            Print($"neighbourhood @{options.Rate}/s", result);
        }

        return 0;
    }

    private static void Print(string name, Result r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {r.Count,9} {r.Errors,7} {r.PerSecond,9:0} {r.Percentile(0.50),8:0.00} {r.Percentile(0.99),8:0.00}"));

    private static async Task CheckAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync("", Body(query));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The benchmark query fails (HTTP {(int)response.StatusCode}): {text[..Math.Min(500, text.Length)]}");
        }
    }

    private static StringContent Body(string query) => new(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");

    private static async Task<Result> RunClosedLoopAsync(HttpClient client, string query, int connections, TimeSpan duration, int maxRequests)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("", Body(query));
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return new Result(latencies.SelectMany(l => l).ToArray(), errors, clock.Elapsed);
    }

    private static async Task<Result> RunOpenLoopAsync(HttpClient client, string query, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new Task[total];
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            var intended = due;
            tasks[i] = Task.Run(async () =>
            {
                using var response = await client.PostAsync("", Body(query));
                await response.Content.ReadAsByteArrayAsync();

                // Latency from the intended send time, so a stalled server is not hidden (no coordinated omission).
                latencies[index] = (clock.Elapsed - intended).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            });
        }

        await Task.WhenAll(tasks);
        return new Result(latencies, errors, clock.Elapsed);
    }

    private sealed record Result(double[] Latencies, int Errors, TimeSpan Elapsed)
    {
        private readonly double[] _sorted = [.. Latencies.Order()];

        public int Count => Latencies.Length;

        public double PerSecond => Count / Elapsed.TotalSeconds;

        public double Percentile(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1)];
    }

    private sealed record Options(string Graph, int Relationships, int Connections, int Seconds, int MaxRequests, int Rate, Uri? Url)
    {
        public static Options? Parse(string[] args)
        {
            var o = new Options("seed", 1_000_000, 16, 10, 500_000, 1_000, null);
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                try
                {
                    o = args[i] switch
                    {
                        "--graph" => o with { Graph = Next() is "seed" or "synthetic" ? args[i] : throw new FormatException("--graph is seed or synthetic") },
                        "--relationships" => o with { Relationships = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--connections" => o with { Connections = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--seconds" => o with { Seconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--max-requests" => o with { MaxRequests = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--rate" => o with { Rate = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--url" => o with { Url = new Uri(Next()) },
                        _ => throw new FormatException($"unknown option {args[i]}"),
                    };
                }
                catch (FormatException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return null;
                }
            }

            if (o.Url is { } url && !(url.Host is "127.0.0.1" or "localhost"))
            {
                Console.Error.WriteLine($"--url must be on 127.0.0.1; got {url.Host}");
                return null;
            }

            return o.Connections is < 1 or > 1024 || o.Seconds is < 1 or > 3600 || o.MaxRequests < 1 ? null : o;
        }
    }

    /// <summary>The API on Kestrel at 127.0.0.1:0 over an embedded store in a temp folder.</summary>
    private sealed class InProcessServer : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private EmbeddedGraphStore _store = null!;
        private string _folder = null!;

        public Uri Url { get; private set; } = null!;

        public string Description { get; private set; } = "";

        public (string Center, string From, string To) Targets { get; private set; }

        public static async Task<InProcessServer> StartAsync(Options options)
        {
            var server = new InProcessServer { _folder = Path.Combine(Path.GetTempPath(), "graph-api-load", Guid.NewGuid().ToString("N")) };
            Directory.CreateDirectory(server._folder);
            server._store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(server._folder, "graph.db"), DurableCommits = false });
            var clock = Stopwatch.StartNew();
            if (options.Graph == "seed")
            {
                await server._store.ImportAsync(KnowledgeFile.Load(Path.Combine(FindRoot(), "data", "knowledge", "seed-knowledge.json")));
                server.Targets = ("Russia", "NIS", "Resolution 2397");
            }
            else
            {
                var generator = new SyntheticGraphGenerator(new SyntheticGraphOptions { Relationships = options.Relationships }.Validated());
                foreach (var batch in generator.Generate())
                {
                    await server._store.ImportAsync(batch);
                    Console.Error.Write($"\rimporting synthetic graph: {(await server._store.GetStatsAsync()).Relationships:N0} relationships");
                }

                Console.Error.WriteLine();
                var stats = await server._store.GetStatsAsync();
                var top = stats.Degree.Top;
                var far = stats.Degree.Top.Count > 1 ? top[^1].Actor : top[0].Actor;
                var hub = (await server._store.GetActorAsync(top[0].Actor))!;
                server.Targets = (hub.Name, hub.Id.Value, far.Value);
            }

            var counts = await server._store.GetStatsAsync();
            server.Description = $"{counts.Actors:N0} actors, {counts.Relationships:N0} relationships, loaded in {clock.Elapsed.TotalSeconds:0.0}s";
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IGraphStore>(server._store);
            builder.Services.AddGraphApi(builder.Configuration);
            server._app = builder.Build();
            server._app.MapGraphApi();
            await server._app.StartAsync();
            var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Url = new Uri(address.TrimEnd('/') + "/graphql");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            await _store.DisposeAsync();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Graph.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Graph.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
