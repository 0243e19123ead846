using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.EndToEnd;

/// <summary>A server whose subscription heartbeats come every second.</summary>
public sealed class FastHeartbeatServer : ApiServer
{
    protected override void Configure(IDictionary<string, string?> settings, string folder) =>
        settings["Graph:Api:SubscriptionHeartbeatSeconds"] = "1";
}

/// <summary>
/// GraphQL over Server-Sent Events read with a plain HttpClient on the real server: ingestion publishes
/// documentIngested and proposalsChanged, heartbeats are comment lines, refusals before the stream are JSON.
/// </summary>
public sealed class EventStreamTests(FastHeartbeatServer server) : IClassFixture<FastHeartbeatServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private GraphEventBus Bus => server.Services.GetRequiredService<GraphEventBus>();

    /// <summary>Opens an event stream for the subscription and returns a reader of its lines.</summary>
    private async Task<(HttpResponseMessage Response, StreamReader Reader)> OpenAsync(string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.Key);
        var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        return (response, new StreamReader(await response.Content.ReadAsStreamAsync(Token)));
    }

    /// <summary>The data of the next <c>event: next</c>, skipping heartbeats.</summary>
    private static async Task<JsonNode> NextEventAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "event: next")
            {
                var data = await reader.ReadLineAsync(timeout.Token);
                Assert.StartsWith("data: ", data);
                return JsonNode.Parse(data!["data: ".Length..])!;
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }

    private async Task WaitForSubscribersAsync(int expected)
    {
        for (var i = 0; Bus.SubscriberCount != expected; i++)
        {
            Assert.True(i < 1000, $"expected {expected} subscribers, found {Bus.SubscriberCount}");
            await Task.Delay(10, Token);
        }
    }

    [Fact]
    public async Task Ingesting_a_document_publishes_documentIngested_and_proposalsChanged()
    {
        var (ingestedResponse, ingested) = await OpenAsync("subscription { documentIngested { documentId proposalCount document { title } } }");
        var (proposalsResponse, proposals) = await OpenAsync("subscription { proposalsChanged { change documentId proposals { proposalId status } } }");
        using (ingestedResponse)
        using (proposalsResponse)
        {
            Assert.Equal("text/event-stream", ingestedResponse.Content.Headers.ContentType?.MediaType);
            await WaitForSubscribersAsync(2);
            var text = "Latvia and Lithuania sign a rail accord\n\nLatvia and Lithuania signed a rail cooperation agreement on Tuesday, the Latvian transport ministry said. Russia reportedly supplied drones to Belarus last month, Lithuanian officials said.\n";
            var ingest = (await server.PostAsync(
                "mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { document { documentId } proposalCount } }",
                new { input = new { text, title = "Latvia and Lithuania sign a rail accord" } },
                ApiServer.Key)).AssertOk();
            var documentId = (string?)ingest.Data!["ingestDocument"]!["document"]!["documentId"];

            var ingestedEvent = (await NextEventAsync(ingested))["data"]!["documentIngested"]!;
            Assert.Equal(documentId, (string?)ingestedEvent["documentId"]);
            Assert.Equal("Latvia and Lithuania sign a rail accord", (string?)ingestedEvent["document"]!["title"]);
            Assert.Equal((int)ingest.Data!["ingestDocument"]!["proposalCount"]!, (int)ingestedEvent["proposalCount"]!);

            Assert.True((int)ingestedEvent["proposalCount"]! > 0, ingestedEvent.ToJsonString());
            var proposalsEvent = (await NextEventAsync(proposals))["data"]!["proposalsChanged"]!;
            Assert.Equal("PROPOSED", (string?)proposalsEvent["change"]);
            Assert.Equal(documentId, (string?)proposalsEvent["documentId"]);
            Assert.NotEmpty(proposalsEvent["proposals"]!.AsArray());
            Assert.All(proposalsEvent["proposals"]!.AsArray(), p => Assert.Equal("PENDING", (string?)p!["status"]));
        }

        await WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task An_idle_event_stream_carries_comment_line_heartbeats()
    {
        var (response, reader) = await OpenAsync("subscription { documentIngested { documentId } }");
        using (response)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var line = await reader.ReadLineAsync(timeout.Token);
            Assert.Equal(":", line);
        }

        // The client closed the stream: its subscription left the bus.
        await WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task The_server_pings_an_idle_graphql_ws_client_which_answers_and_stays_connected()
    {
        var url = new Uri(server.BaseAddress, "graphql").ToString();
        await using var client = await NodeSubscriptionClient.StartAsync(new JsonObject
        {
            ["transport"] = "ws",
            ["url"] = "ws" + url[4..],
            ["apiKey"] = ApiServer.Key,
            ["query"] = "subscription { documentIngested { documentId } }",
        });
        await client.NextAsync("connected", TimeSpan.FromSeconds(10));
        await client.NextAsync("ping", TimeSpan.FromSeconds(5));
        await client.NextAsync("ping", TimeSpan.FromSeconds(5));
        await WaitForSubscribersAsync(1);
    }

    [Fact]
    public async Task A_subscription_sent_as_plain_JSON_is_refused_and_points_to_the_transports()
    {
        await WaitForSubscribersAsync(0);
        var response = await server.PostAsync("subscription { documentIngested { documentId } }");
        Assert.Equal(400, response.Status);
        Assert.Equal("OPERATION_NOT_ALLOWED", response.Code);
        Assert.Equal(0, Bus.SubscriberCount);
    }

    [Fact]
    public async Task A_subscription_over_GET_as_EventSource_sends_it_receives_events()
    {
        await WaitForSubscribersAsync(0);
        var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString("subscription { relationshipChanged(actor: \"state:north-korea\") { change relationshipId } }"));
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("X-Api-Key", ApiServer.Key);
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        Assert.Equal(200, (int)response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token));
        await WaitForSubscribersAsync(1);

        // Removing an evidence that does not exist changes nothing; removing one the edge has publishes EVIDENCE_REMOVED or REMOVED.
        var store = server.Store;
        var edge = (await store.GetRelationshipsAsync(Core.Model.ActorId.Parse("state:north-korea"), Core.Store.RelationshipFilter.All, Token)).First(r => r.Evidence.Count > 1);
        var evidence = edge.Evidence[^1];
        var removed = (await server.PostAsync(
            "mutation($input: RemoveEvidenceInput!) { removeEvidence(input: $input) { __typename } }",
            new { input = new { relationship = edge.Key.ToString(), document = evidence.DocumentId.Value, start = evidence.Start } },
            ApiServer.Key)).AssertOk();
        Assert.NotNull(removed.Data);
        var changed = (await NextEventAsync(reader))["data"]!["relationshipChanged"]!;
        Assert.Equal("EVIDENCE_REMOVED", (string?)changed["change"]);
        Assert.Equal(edge.Key.ToString(), (string?)changed["relationshipId"]);
    }

    [Fact]
    public async Task A_query_over_the_event_stream_is_one_next_event_then_complete()
    {
        var (response, reader) = await OpenAsync("{ actor(name: \"North Korea\") { name } }");
        using (response)
        {
            var next = await NextEventAsync(reader);
            Assert.Equal("North Korea", (string?)next["data"]!["actor"]!["name"]);
            Assert.Equal("", await reader.ReadLineAsync(Token));
            Assert.Equal("event: complete", await reader.ReadLineAsync(Token));
        }
    }
}
