using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Core.Events;
using Graph.Core.Model;
using Graph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.EndToEnd;

/// <summary>
/// The npm graphql-ws and graphql-sse clients (tools/subscription-clients/subscribe.mjs) against the real server on
/// 127.0.0.1: events arrive after a mutation, a wrong key is refused at connection, the per-connection limit holds, and
/// a client that goes away leaves no subscriber on the bus.
/// </summary>
public sealed class SubscriptionClientTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string NorthKoreaSubscription = """
        subscription($actor: String) { relationshipChanged(actor: $actor) { change relationshipId type relationship { evidenceCount } } }
        """;

    private const int Rounds = 10;

    // One evidence write at a time: each test adds its own quote, and the live-subscriber counts are per test.
    private static readonly SemaphoreSlim s_serial = new(1, 1);

    private GraphEventBus Bus => server.Services.GetRequiredService<GraphEventBus>();

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task A_client_subscribed_to_North_Korea_receives_the_evidence_added_to_one_of_its_edges(string transport)
    {
        await s_serial.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var client = await NodeSubscriptionClient.StartAsync(Config(transport, ApiServer.Key));
            await WaitForSubscribersAsync(1);

            // One round to warm the event path (first JIT of the transport's writer), then the measured rounds. The warm-up
            // may wait longer: in CI it runs beside other test assemblies on 2 cores, and it measures nothing.
            await AddEvidenceToNorthKoreaEdgeAsync();
            await client.NextAsync("next", TimeSpan.FromSeconds(30));
            var latencies = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                var sentAt = WallClockMs();
                var key = await AddEvidenceToNorthKoreaEdgeAsync();
                var next = await client.NextAsync("next", TimeSpan.FromSeconds(10));
                var latency = (double)next["at"]! - sentAt;
                latencies.Add(latency);
                var changed = next["payload"]!["data"]!["relationshipChanged"]!;
                Assert.Equal(key.ToString(), (string?)changed["relationshipId"]);
                Assert.Equal("CHANGED", (string?)changed["change"]);
                Assert.True((int)changed["relationship"]!["evidenceCount"]! >= 2, next.ToJsonString());
            }

            var sorted = latencies.Order().ToList();
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{transport}: mutation sent → event received by the npm client, {Rounds} rounds after a warm-up: min {sorted[0]:F1} ms, median {sorted[Rounds / 2]:F1} ms, max {sorted[^1]:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{transport} event latency ms: {string.Join(", ", latencies.Select(l => l.ToString("F1", CultureInfo.InvariantCulture)))}"));

            // The bound the issue asks for, on the median: a machine shared with other builds can stall any single round.
            Assert.True(sorted[Rounds / 2] < 100, $"{transport}: median event latency {sorted[Rounds / 2]:F1} ms is over 100 ms ({string.Join(", ", latencies)})");
        }
        finally
        {
            s_serial.Release();
        }
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task A_client_that_disconnects_leaves_no_subscriber_behind(string transport)
    {
        await s_serial.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var client = await NodeSubscriptionClient.StartAsync(Config(transport, ApiServer.Key, subscriptions: transport == "ws" ? 3 : 1));
            await WaitForSubscribersAsync(transport == "ws" ? 3 : 1);
            await client.DisposeAsync(); // kills the node process: the socket or the event stream drops without a goodbye
            await WaitForSubscribersAsync(0);
            Assert.Equal(0, Bus.SubscriberCount);

            // A write after the client went away reaches nobody and fails nothing.
            await AddEvidenceToNorthKoreaEdgeAsync();
            Assert.Equal(0, Bus.SubscriberCount);
        }
        finally
        {
            s_serial.Release();
        }
    }

    [Fact]
    public async Task A_wrong_API_key_is_refused_at_connection_over_WebSocket_with_4403()
    {
        await using var client = await NodeSubscriptionClient.StartAsync(Config("ws", "wrong-key-0123456789abcdef"));
        var closed = await client.NextAsync("closed", TimeSpan.FromSeconds(10));
        Assert.Equal(4403, (int)closed["code"]!);
        Assert.Contains("Forbidden", (string?)closed["reason"]);
    }

    [Fact]
    public async Task A_wrong_API_key_is_refused_at_connection_over_SSE_with_401()
    {
        await using var client = await NodeSubscriptionClient.StartAsync(Config("sse", "wrong-key-0123456789abcdef"));
        var error = await client.NextAsync("error", TimeSpan.FromSeconds(10));
        Assert.Equal(401, (int)error["status"]!);
    }

    [Fact]
    public async Task A_missing_API_key_is_refused_when_the_server_has_one()
    {
        await using var client = await NodeSubscriptionClient.StartAsync(Config("ws", apiKey: null));
        var closed = await client.NextAsync("closed", TimeSpan.FromSeconds(10));
        Assert.Equal(4403, (int)closed["code"]!);
    }

    [Fact]
    public async Task One_WebSocket_connection_holds_at_most_the_configured_number_of_subscriptions()
    {
        await s_serial.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var limit = new Http.GraphApiOptions().MaxSubscriptionsPerConnection;
            await using var client = await NodeSubscriptionClient.StartAsync(Config("ws", ApiServer.Key, subscriptions: limit + 1));
            var refused = await client.NextAsync("error", TimeSpan.FromSeconds(10));
            Assert.Equal("TOO_MANY_SUBSCRIPTIONS", (string?)refused["errors"]![0]!["extensions"]!["code"]);
            Assert.Contains("Graph:Api:MaxSubscriptionsPerConnection", (string?)refused["errors"]![0]!["message"]);
            await WaitForSubscribersAsync(limit);
            Assert.Equal(limit, Bus.SubscriberCount);
        }
        finally
        {
            s_serial.Release();
        }
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task An_unknown_actor_is_refused_when_subscribing_with_suggestions(string transport)
    {
        var config = Config(transport, ApiServer.Key);
        config["variables"] = new JsonObject { ["actor"] = "Nort Korea" };
        await using var client = await NodeSubscriptionClient.StartAsync(config);
        var error = await client.NextAsync("error", TimeSpan.FromSeconds(10));
        if (transport == "ws")
        {
            Assert.Equal("NOT_FOUND", (string?)error["errors"]![0]!["extensions"]!["code"]);
            Assert.Contains("North Korea", error.ToJsonString());
        }
        else
        {
            Assert.Equal(400, (int)error["status"]!);
        }
    }

    private JsonObject Config(string transport, string? apiKey, int subscriptions = 1)
    {
        var url = new Uri(server.BaseAddress, "graphql").ToString();
        var config = new JsonObject
        {
            ["transport"] = transport,
            ["url"] = transport == "ws" ? "ws" + url[4..] : url,
            ["query"] = NorthKoreaSubscription,
            ["variables"] = new JsonObject { ["actor"] = "North Korea" },
            ["subscriptions"] = subscriptions,
        };
        if (apiKey is not null)
        {
            config["apiKey"] = apiKey;
        }

        return config;
    }

    private async Task WaitForSubscribersAsync(int expected)
    {
        var watch = Stopwatch.StartNew();
        while (Bus.SubscriberCount != expected)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"expected {expected} live subscribers, found {Bus.SubscriberCount}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Adds a new evidence (a fresh span of the same document) to one of North Korea's edges through the addRelationship mutation.</summary>
    private async Task<RelationshipKey> AddEvidenceToNorthKoreaEdgeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var northKorea = ActorId.Parse("state:north-korea");
        var edge = (await server.Store.GetRelationshipsAsync(northKorea, RelationshipFilter.All, token)).First(r => r.Evidence.Count > 0);
        var document = (await server.Store.GetDocumentAsync(edge.Evidence[0].DocumentId, token))!;
        var used = edge.Evidence.Where(e => e.DocumentId == document.Id).Select(e => e.Start).ToHashSet();
        var start = Enumerable.Range(0, document.Text.Length - 40).First(i => !used.Contains(i) && !char.IsWhiteSpace(document.Text[i]) && !char.IsWhiteSpace(document.Text[i + 29]));
        var quote = document.Text.Substring(start, 30);
        var response = await server.PostAsync(
            """
            mutation($type: RelationshipType!, $from: ID!, $to: ID!, $qualifier: String, $document: ID!, $quote: String!, $start: Int) {
              addRelationship(input: { type: $type, from: $from, to: $to, qualifier: $qualifier,
                evidence: [{ document: $document, quote: $quote, start: $start, confidence: 0.5 }] }) { created } }
            """,
            new
            {
                type = edge.Rule.Name,
                from = edge.From.Value,
                to = edge.To.Value,
                qualifier = edge.Key.Qualifier.Length > 0 ? edge.Key.Qualifier : null,
                document = document.Id.Value,
                quote,
                start,
            },
            key: ApiServer.Key);
        response.AssertOk();
        return edge.Key;
    }

    private static double WallClockMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
}
