using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Graph.Api.Composition;
using Graph.Api.Http;
using Graph.Api.Telemetry;
using Graph.Core.Store;
using Graph.GraphQL.Pipeline;
using Graph.Ingest.Knowledge;
using Graph.Ingest.Synthetic;
using Graph.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
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
        usage: Graph.Benchmarks api [--graph seed|synthetic] [--relationships N] [--db FILE] [--prepare]
                                    [--connections C] [--seconds S] [--max-requests M] [--rate R] [--limit L] [--only NAME] [--profile N]
                                    [--url http://127.0.0.1:PORT/graphql] [--server-pid P] [--center NAME] [--from ID] [--to ID]
          --graph         seed (default): data/knowledge/seed-knowledge.json; synthetic: SyntheticGraphGenerator
          --relationships size of the synthetic graph (default 1000000)
          --db            the in-process server's SQLite file: imported when missing, reused when it exists
          --prepare       only create (or check) --db, print the targets and exit
          --connections   concurrent connections (default 8)
          --seconds       time bound per scenario (default 10)
          --max-requests  count bound per scenario (default 500000)
          --rate          also run the neighbourhood at this fixed rate (req/s) and print its latency (default 1000; 0 skips)
          --limit         the neighbourhood's node limit (default 500)
          --profile N     no HTTP: N sequential in-process requests per scenario, with per-step time and allocations
          --query TEXT    run (or --profile) this query instead of the scenarios (repeatable)
          --server-pid P  with --url: also print the server's CPU time per request (from /proc/P/stat)
          --telemetry     the in-process server with telemetry on: Prometheus metrics, the store wrapped, and every span
                          of ASP.NET Core, the engine and the store sampled and recorded (as a tracer would, without export)
          --only          run only the scenarios whose name contains this (actor, neighbourhood, paths, rate)
          --url           an already running endpoint on 127.0.0.1 instead of an in-process server
          --center/--from/--to  the actor names or ids queried (default: Russia, NIS, Resolution 2397 for the seed
                          graph; the best-connected actor, it, and the last of the top ten for a synthetic one)
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

        if (options.Profile > 0)
        {
            await using var opened = await OpenOrImportAsync(options);
            var (c, f, t) = await SyntheticTargetsAsync(opened.Store, options);
            (c, f, t) = (options.Center ?? c, options.From ?? f, options.To ?? t);
            await ApiProfile.RunAsync(opened.Store, options.Queries.Count > 0 ? [.. options.Queries.Select((q, i) => ($"query {i + 1}", q))] : [.. Scenarios(c, f, t, options.Limit).Select(s => (s.Name, s.Query))], options.Profile);
            var store = opened.Store;
            var center = await Graph.Api.Schema.ActorReferences.ResolveAsync(store, c, "actor", default);
            var from = await Graph.Api.Schema.ActorReferences.ResolveAsync(store, f, "from", default);
            var to = await Graph.Api.Schema.ActorReferences.ResolveAsync(store, t, "to", default);
            await ApiProfile.TimeStoreAsync("resolve name", options.Profile, () => store.ResolveActorAsync(center.Name));
            await ApiProfile.TimeStoreAsync("neighbourhood", options.Profile, () => store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center.Id, 2, null, options.Limit).Validated()));
            await ApiProfile.TimeStoreAsync("neighbourhood caps 10/100", options.Profile, () => store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center.Id, 2, null, options.Limit) { EdgesPerActor = 10, EdgeLimit = 100 }.Validated()));
            await ApiProfile.TimeStoreAsync("depth 1 caps 10/100", options.Profile, () => store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center.Id, 1, null, options.Limit) { EdgesPerActor = 10, EdgeLimit = 100 }.Validated()));
            await ApiProfile.TimeStoreAsync("paths", options.Profile, () => store.FindPathsAsync(new PathRequest(from.Id, to.Id, 4).Validated()));
            return 0;
        }

        if (options.Prepare)
        {
            await using var store = await OpenOrImportAsync(options);
            var prepared = await SyntheticTargetsAsync(store.Store, options);
            Console.WriteLine($"{options.Db}: {store.Description}; targets: center '{prepared.Center}', from '{prepared.From}', to '{prepared.To}'");
            return 0;
        }

        await using var server = options.Url is null ? await InProcessServer.StartAsync(options) : null;
        var url = options.Url ?? server!.Url;

        // One pooled connection per worker, kept for the whole run; responses are read into a reused buffer.
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };

        var targets = server?.Targets ?? await ExternalTargetsAsync(client, options);
        targets = (options.Center ?? targets.Center, options.From ?? targets.From, options.To ?? targets.To);
        var scenarios = (options.Queries.Count > 0 ? [.. options.Queries.Select((q, i) => ($"query {i + 1}", q))] : Scenarios(targets.Center, targets.From, targets.To, options.Limit))
            .Select(s => (s.Name, Request: Request.For(s.Query))).ToArray();

        Console.WriteLine($"API load on {url} ({options.Graph} graph{(server is null ? "" : $", {server.Description}")}), {options.Connections} connections, ≤{options.Seconds}s or ≤{options.MaxRequests} requests per scenario");
        Console.WriteLine($"targets: center '{targets.Center}', from '{targets.From}', to '{targets.To}'");
        Console.WriteLine($"{"scenario",-26} {"requests",9} {"errors",7} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"resp B",8} {"srv µs/req",10} {"gen µs/req",10}");
        foreach (var (name, request) in scenarios)
        {
            if (options.Only is { } only && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var size = await CheckAsync(client, request);
            await RunClosedLoopAsync(client, request, options.Connections, TimeSpan.FromSeconds(1), 5_000);
            var cpu = CpuClock.Start(options.ServerPid);
            var result = await RunClosedLoopAsync(client, request, options.Connections, TimeSpan.FromSeconds(options.Seconds), options.MaxRequests);
            Print(name, result, size, cpu.Stop(result.Count));
        }

        if (options.Rate > 0 && options.Queries.Count == 0 && (options.Only is not { } o || "rate neighbourhood".Contains(o, StringComparison.OrdinalIgnoreCase)))
        {
            var size = await CheckAsync(client, scenarios[1].Request);
            await RunClosedLoopAsync(client, scenarios[1].Request, options.Connections, TimeSpan.FromSeconds(1), 2_000);
            var cpu = CpuClock.Start(options.ServerPid);
            var result = await RunOpenLoopAsync(client, scenarios[1].Request, options.Rate, TimeSpan.FromSeconds(options.Seconds));
            Print($"neighbourhood @{options.Rate}/s", result, size, cpu.Stop(result.Count));
        }

        return 0;
    }

    private static (string Name, string Query)[] Scenarios(string center, string from, string to, int limit) =>
    [
        ("actor by name", $$"""{ actor(name: {{JsonSerializer.Serialize(center)}}) { id name kind aliases } }"""),
        ("neighbourhood depth 2", $$"""{ neighbourhood(actor: {{JsonSerializer.Serialize(center)}}, depth: 2, limit: {{limit}}) { nodeCount nodes { id kind caption depth } edges { id type source target caption } } }"""),
        ("paths shortest", $$"""{ paths(from: {{JsonSerializer.Serialize(from)}}, to: {{JsonSerializer.Serialize(to)}}, maxDepth: 4) { count paths { length actors { name } } } }"""),
    ];

    private static void Print(string name, Result r, int size, string cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {r.Count,9} {r.Errors,7} {r.PerSecond,9:0} {r.Percentile(0.50),8:0.00} {r.Percentile(0.99),8:0.00} {size,8} {cpu}"));

    /// <summary>
    /// CPU time per request of the load generator and of the server (by --server-pid, from /proc): on a machine shared
    /// with other work, CPU per request is steadier than requests per second.
    /// </summary>
    private sealed class CpuClock
    {
        private readonly int? _serverPid;
        private readonly TimeSpan _client;
        private readonly TimeSpan _server;

        private CpuClock(int? serverPid)
        {
            _serverPid = serverPid;
            _client = Process.GetCurrentProcess().TotalProcessorTime;
            _server = ServerCpu();
        }

        public static CpuClock Start(int? serverPid) => new(serverPid);

        public string Stop(int requests)
        {
            var client = (Process.GetCurrentProcess().TotalProcessorTime - _client).TotalMicroseconds / Math.Max(1, requests);
            var server = _serverPid is null ? double.NaN : (ServerCpu() - _server).TotalMicroseconds / Math.Max(1, requests);
            return string.Create(CultureInfo.InvariantCulture, $"{server,10:0} {client,10:0}");
        }

        private TimeSpan ServerCpu()
        {
            if (_serverPid is not { } pid)
            {
                return TimeSpan.Zero;
            }

            // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 per second on Linux).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    /// <summary>Sends the request once and fails unless it answers 200 without errors; returns the response size.</summary>
    private static async Task<int> CheckAsync(HttpClient client, Request request)
    {
        using var response = await client.SendAsync(request.Message());
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The benchmark query fails (HTTP {(int)response.StatusCode}): {text[..Math.Min(500, text.Length)]}");
        }

        return Encoding.UTF8.GetByteCount(text);
    }

    /// <summary>Sends one request and drains the response into <paramref name="buffer"/>; true on 200.</summary>
    private static async Task<bool> SendAsync(HttpClient client, Request request, byte[] buffer)
    {
        using var response = await client.SendAsync(request.Message(), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        while (await body.ReadAsync(buffer).ConfigureAwait(false) > 0)
        {
        }

        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<Result> RunClosedLoopAsync(HttpClient client, Request request, int connections, TimeSpan duration, int maxRequests)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(16_384);
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await SendAsync(client, request, buffer).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new Result(latencies.SelectMany(l => l).ToArray(), errors, clock.Elapsed);
    }

    private static async Task<Result> RunOpenLoopAsync(HttpClient client, Request request, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new Task[total];
        var buffers = new System.Collections.Concurrent.ConcurrentBag<byte[]>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due - clock.Elapsed > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            var intended = due;
            tasks[i] = Task.Run(async () =>
            {
                var buffer = buffers.TryTake(out var b) ? b : new byte[64 * 1024];
                bool ok;
                try
                {
                    ok = await SendAsync(client, request, buffer).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                buffers.Add(buffer);

                // Latency from the intended send time, so a stalled server is not hidden (no coordinated omission).
                latencies[index] = (clock.Elapsed - intended).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            });
        }

        await Task.WhenAll(tasks);
        return new Result(latencies, errors, clock.Elapsed);
    }

    /// <summary>The targets on a server started elsewhere: the seed graph's named actors, or a synthetic graph's best-connected ones.</summary>
    private static async Task<(string Center, string From, string To)> ExternalTargetsAsync(HttpClient client, Options options)
    {
        if (options.Graph == "seed" || (options.Center is not null && options.From is not null && options.To is not null))
        {
            return ("Russia", "NIS", "Resolution 2397");
        }

        using var response = await client.SendAsync(Request.For("{ stats { degree { top { actor { id name } degree } } } }").Message());
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var top = json.RootElement.GetProperty("data").GetProperty("stats").GetProperty("degree").GetProperty("top");
        var hub = top[0].GetProperty("actor");
        var far = top[top.GetArrayLength() - 1].GetProperty("actor");
        return (hub.GetProperty("name").GetString()!, hub.GetProperty("id").GetString()!, far.GetProperty("id").GetString()!);
    }

    private static async Task<(string Center, string From, string To)> SyntheticTargetsAsync(IGraphStore store, Options options)
    {
        if (options.Graph == "seed")
        {
            return ("Russia", "NIS", "Resolution 2397");
        }

        var top = (await store.GetStatsAsync()).Degree.Top;
        var hub = (await store.GetActorAsync(top[0].Actor))!;
        var far = top.Count > 1 ? top[^1].Actor : top[0].Actor;
        return (hub.Name, hub.Id.Value, far.Value);
    }

    /// <summary>Opens <c>--db</c> (or a temp file), importing the chosen graph when the store is empty.</summary>
    private static async Task<OpenedStore> OpenOrImportAsync(Options options)
    {
        var folder = options.Db is null ? Path.Combine(Path.GetTempPath(), "graph-api-load", Guid.NewGuid().ToString("N")) : null;
        var path = options.Db ?? Path.Combine(folder!, "graph.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path, DurableCommits = false });
        var clock = Stopwatch.StartNew();
        if ((await store.GetStatsAsync()).Actors == 0)
        {
            if (options.Graph == "seed")
            {
                await store.ImportAsync(KnowledgeFile.Load(Path.Combine(InProcessServer.FindRoot(), "data", "knowledge", "seed-knowledge.json")));
            }
            else
            {
                var generator = new SyntheticGraphGenerator(new SyntheticGraphOptions { Relationships = options.Relationships }.Validated());
                foreach (var batch in generator.Generate())
                {
                    await store.ImportAsync(batch);
                    Console.Error.Write($"\rimporting synthetic graph: {(await store.GetStatsAsync()).Relationships:N0} relationships");
                }

                Console.Error.WriteLine();
            }
        }

        var counts = await store.GetStatsAsync();
        return new OpenedStore(store, folder, $"{counts.Actors:N0} actors, {counts.Relationships:N0} relationships, ready in {clock.Elapsed.TotalSeconds:0.0}s");
    }

    /// <summary>A pre-serialized POST body: the load generator spends no time on JSON per request.</summary>
    private sealed class Request
    {
        private static readonly MediaTypeHeaderValue s_json = new("application/json");
        private static readonly MediaTypeWithQualityHeaderValue s_accept = new("application/graphql-response+json");
        private readonly byte[] _body;

        private Request(byte[] body) => _body = body;

        public static Request For(string query) => new(JsonSerializer.SerializeToUtf8Bytes(new { query }));

        public HttpRequestMessage Message()
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = s_json;
            var message = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = content, Version = HttpVersion.Version11 };
            message.Headers.Accept.Add(s_accept);
            return message;
        }
    }

    private sealed record OpenedStore(EmbeddedGraphStore Store, string? Folder, string Description) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            if (Folder is not null)
            {
                try
                {
                    Directory.Delete(Folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private sealed record Result(double[] Latencies, int Errors, TimeSpan Elapsed)
    {
        private readonly double[] _sorted = [.. Latencies.Order()];

        public int Count => Latencies.Length;

        public double PerSecond => Count / Elapsed.TotalSeconds;

        public double Percentile(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1)];
    }

    private sealed record Options(
        string Graph, int Relationships, int Connections, int Seconds, int MaxRequests, int Rate, Uri? Url,
        int Limit = 500, int Profile = 0, int? ServerPid = null, string? Db = null, bool Prepare = false, string? Only = null, string? Center = null, string? From = null, string? To = null, bool Telemetry = false)
    {
        public List<string> Queries { get; } = [];

        public static Options? Parse(string[] args)
        {
            var o = new Options("seed", 1_000_000, 8, 10, 500_000, 1_000, null);
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
                        "--limit" => o with { Limit = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--profile" => o with { Profile = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--query" => Add(o, Next()),
                        "--server-pid" => o with { ServerPid = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--db" => o with { Db = Next() },
                        "--prepare" => o with { Prepare = true },
                        "--telemetry" => o with { Telemetry = true },
                        "--only" => o with { Only = Next() },
                        "--center" => o with { Center = Next() },
                        "--from" => o with { From = Next() },
                        "--to" => o with { To = Next() },
                        _ => throw new FormatException($"unknown option {args[i]}"),
                    };
                }
                catch (FormatException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return null;
                }
            }

            static Options Add(Options options, string query)
            {
                options.Queries.Add(query);
                return options;
            }

            if (o.Url is { } url && !(url.Host is "127.0.0.1" or "localhost"))
            {
                Console.Error.WriteLine($"--url must be on 127.0.0.1; got {url.Host}");
                return null;
            }

            if (o.Prepare && o.Db is null)
            {
                Console.Error.WriteLine("--prepare needs --db FILE");
                return null;
            }

            return o.Connections is < 1 or > 1024 || o.Seconds is < 1 or > 3600 || o.MaxRequests < 1 || o.Rate < 0 ? null : o;
        }
    }

    /// <summary>The API on Kestrel at 127.0.0.1:0 over an embedded store in a temp folder.</summary>
    private sealed class InProcessServer : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private OpenedStore _store = null!;
        private ActivityListener? _listener;

        public Uri Url { get; private set; } = null!;

        public string Description { get; private set; } = "";

        public (string Center, string From, string To) Targets { get; private set; }

        public static async Task<InProcessServer> StartAsync(Options options)
        {
            var server = new InProcessServer { _store = await OpenOrImportAsync(options) };
            server.Targets = await SyntheticTargetsAsync(server._store.Store, options);
            server.Description = server._store.Description;
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            IGraphStore store = server._store.Store;
            if (options.Telemetry)
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:Telemetry:Prometheus"] = "true" });
                var telemetry = GraphConfiguration.ReadGraphOptions(builder.Configuration).Telemetry;
                store = TelemetryComposition.Instrument(store, telemetry, builder.Configuration);
                builder.Services.AddGraphTelemetry(telemetry, builder.Configuration);
                server._listener = new ActivityListener
                {
                    ShouldListenTo = source => source.Name is RequestTelemetry.Name or InstrumentedGraphStore.SourceName or "Microsoft.AspNetCore",
                    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                };
                ActivitySource.AddActivityListener(server._listener);
            }

            builder.Services.AddSingleton(store);
            builder.Services.AddGraphApi(builder.Configuration);
            server._app = builder.Build();
            server._app.MapGraphApi();
            if (options.Telemetry)
            {
                server._app.MapGraphTelemetry(GraphConfiguration.ReadGraphOptions(builder.Configuration).Telemetry);
                server.Description += ", telemetry on";
            }

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
            _listener?.Dispose();
        }

        internal static string FindRoot()
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
