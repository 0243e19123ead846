using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Graph.Api.Composition;
using Graph.Api.Http.PersistedOperations;
using Graph.Api.Tests.EndToEnd;
using Microsoft.Extensions.Configuration;

namespace Graph.Api.Tests.PersistedOperations;

/// <summary>The operations of a persisted-documents.json, as GraphQL Code Generator's client preset writes it.</summary>
internal static class TrustedFile
{
    public const string Stats = "query Stats { stats { actors } }";
    public const string Actor = "query Actor($name: String!) { actor(name: $name) { name } }";

    public static string Write(string folder)
    {
        var path = Path.Combine(folder, "persisted-documents.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [TrustedDocumentStore.Hash(Stats)] = Stats,
            [TrustedDocumentStore.Hash(Actor)] = Actor,
        }));
        return path;
    }
}

/// <summary>A server with trusted documents that still accepts query text.</summary>
public sealed class TrustedDocumentsServer : ApiServer
{
    protected override void Configure(IDictionary<string, string?> settings, string folder) =>
        settings["Graph:Api:TrustedDocuments"] = TrustedFile.Write(folder);
}

/// <summary>A server that runs trusted documents only.</summary>
public sealed class TrustedOnlyServer : ApiServer
{
    protected override void Configure(IDictionary<string, string?> settings, string folder)
    {
        settings["Graph:Api:TrustedDocuments"] = TrustedFile.Write(folder);
        settings["Graph:Api:TrustedDocumentsOnly"] = "true";
    }
}

public sealed class TrustedDocumentTests(TrustedDocumentsServer server) : IClassFixture<TrustedDocumentsServer>
{
    private static async Task<GraphResponse> PostJsonAsync(ApiServer server, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await server.SendAsync(request);
    }

    [Fact]
    public async Task A_documentId_in_the_body_runs_the_trusted_operation_with_its_variables()
    {
        var response = (await PostJsonAsync(server, new { documentId = TrustedDocumentStore.Hash(TrustedFile.Actor), variables = new { name = "Pyongyang" } })).AssertOk();
        Assert.Equal("North Korea", (string?)response.Data!["actor"]!["name"]);
    }

    [Fact]
    public async Task A_documentId_with_the_sha256_prefix_and_over_GET_runs_too()
    {
        var response = (await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?documentId=sha256:" + TrustedDocumentStore.Hash(TrustedFile.Stats)))).AssertOk();
        Assert.True((int)response.Data!["stats"]!["actors"]! > 0);
    }

    [Fact]
    public async Task The_Apollo_persistedQuery_extension_is_accepted()
    {
        var response = (await PostJsonAsync(server, new { extensions = new { persistedQuery = new { version = 1, sha256Hash = TrustedDocumentStore.Hash(TrustedFile.Stats) } } })).AssertOk();
        Assert.True((int)response.Data!["stats"]!["actors"]! > 0);
    }

    [Fact]
    public async Task An_unknown_documentId_is_400_PERSISTED_QUERY_NOT_FOUND()
    {
        var response = await PostJsonAsync(server, new { documentId = new string('a', 64) });
        Assert.Equal(400, response.Status);
        Assert.Equal(TrustedDocumentStore.NotFound, response.Code);
        Assert.Contains(new string('a', 64), response.Message);
    }

    [Fact]
    public async Task Query_text_still_runs_when_trusted_documents_are_not_enforced()
    {
        (await server.PostAsync("{ stats { actors } }")).AssertOk();
    }

    [Fact]
    public async Task A_documentId_and_different_query_text_are_refused()
    {
        var response = await PostJsonAsync(server, new { documentId = TrustedDocumentStore.Hash(TrustedFile.Stats), query = "{ stats { relationships } }" });
        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_REQUEST", response.Code);
    }
}

public sealed class TrustedOnlyTests(TrustedOnlyServer server) : IClassFixture<TrustedOnlyServer>
{
    [Fact]
    public async Task Query_text_is_refused_with_400_PERSISTED_QUERY_ONLY()
    {
        var response = await server.PostAsync("{ stats { actors } }");
        Assert.Equal(400, response.Status);
        Assert.Equal(TrustedDocumentStore.Only, response.Code);
        Assert.Contains("documentId", response.Message);

        var json = await server.PostAsync("{ stats { actors } }", accept: "application/json");
        Assert.Equal(400, json.Status);
        Assert.Equal(TrustedDocumentStore.Only, json.Code);
    }

    [Fact]
    public async Task A_trusted_documentId_runs()
    {
        var response = (await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?documentId=" + TrustedDocumentStore.Hash(TrustedFile.Stats)))).AssertOk();
        Assert.True((int)response.Data!["stats"]!["actors"]! > 0);
    }
}

public sealed class NoTrustedDocumentsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task A_documentId_on_a_server_without_trusted_documents_is_400_PERSISTED_QUERY_NOT_SUPPORTED()
    {
        var response = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?documentId=" + TrustedDocumentStore.Hash(TrustedFile.Stats)));
        Assert.Equal(400, response.Status);
        Assert.Equal(TrustedDocumentStore.NotSupported, response.Code);
    }
}

public sealed class TrustedDocumentSettingsTests
{
    private static string Failure(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return Assert.Throws<ValidationException>(() => GraphConfiguration.ReadGraphOptions(configuration)).Message;
    }

    [Fact]
    public void A_missing_file_stops_the_start_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "persisted-documents.json");
        var message = Failure(("Graph:Api:TrustedDocuments", path));
        Assert.Contains("Graph:Api:TrustedDocuments", message);
        Assert.Contains(path, message);
        Assert.Contains("does not exist", message);
    }

    [Theory]
    [InlineData("not json", "is not valid JSON")]
    [InlineData("[\"query { a }\"]", "must hold a JSON object")]
    [InlineData("{\"abc\": 1}", "must be the operation's text as a string")]
    [InlineData("{\"0000000000000000000000000000000000000000000000000000000000000000\": \"query { a }\"}", "is not the SHA-256")]
    public void A_malformed_file_stops_the_start_saying_what_is_wrong(string content, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"trusted-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            var message = Failure(("Graph:Api:TrustedDocuments", path));
            Assert.Contains(path, message);
            Assert.Contains(expected, message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Trusted_only_without_a_file_stops_the_start()
    {
        Assert.Contains("Graph:Api:TrustedDocumentsOnly", Failure(("Graph:Api:TrustedDocumentsOnly", "true")));
    }
}
