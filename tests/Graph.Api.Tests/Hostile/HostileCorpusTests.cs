using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Api.Tests.EndToEnd;
using Graph.Core.Store;

namespace Graph.Api.Tests.Hostile;

/// <summary>
/// Requests a hostile client sends (Hostile/hostile-requests.json: transport, unicode, syntax, shape limits, ids, dates,
/// numbers, injection-like strings, mutations), each over real HTTP on 127.0.0.1 to a server over a real SQLite file.
/// For each: the expected status and <c>extensions.code</c> (a clear error) or the expected data (the correct answer),
/// a JSON body always, the server still answering afterwards, and the stored graph unchanged.
/// </summary>
public sealed partial class HostileCorpusTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static readonly string CorpusPath = Path.Combine(ApiServer.RepositoryRoot, "tests", "Graph.Api.Tests", "Hostile", "hostile-requests.json");

    /// <summary>The corpus, one row per request: its category and name.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var item in Corpus())
        {
            data.Add((string)item["category"]!, (string)item["name"]!);
        }

        return data;
    }

    [Fact]
    public void The_corpus_covers_every_category()
    {
        var categories = Corpus().GroupBy(c => (string)c["category"]!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var category in new[] { "transport", "unicode", "syntax", "shape", "ids", "dates", "numbers", "injection", "mutations" })
        {
            Assert.True(categories.GetValueOrDefault(category) >= 5, $"{category}: {categories.GetValueOrDefault(category)} requests");
        }

        Assert.True(Corpus().Count >= 100);
        Assert.Equal(Corpus().Count, Corpus().Select(c => (string)c["name"]!).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_request_gets_a_clear_answer_and_changes_nothing(string category, string name)
    {
        var item = Corpus().Single(c => (string)c["category"]! == category && (string)c["name"]! == name);
        var ct = TestContext.Current.CancellationToken;
        var before = await server.Store.ExportAsync(ct);

        using var request = Build(item);
        var watch = Stopwatch.StartNew();
        using var response = await server.Client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        watch.Stop();

        var status = (int)response.StatusCode;
        Assert.True((int?)item["status"] == status, $"{name}: expected HTTP {item["status"]}, got {status}: {Shorten(text)}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType is "application/graphql-response+json" ? "application/json" : response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);

        if (item["code"] is { } code)
        {
            var errors = body["errors"]?.AsArray() ?? [];
            Assert.True(errors.Count > 0, $"{name}: expected {code}, got no errors: {Shorten(text)}");
            Assert.True((string?)errors[0]!["extensions"]?["code"] == (string)code!, $"{name}: expected {code}: {Shorten(text)}");
            Assert.False(string.IsNullOrWhiteSpace((string?)errors[0]!["message"]));
            if (item["message"] is { } message)
            {
                Assert.True(((string?)errors[0]!["message"])!.Contains((string)message!, StringComparison.Ordinal), $"{name}: message lacks '{message}': {Shorten(text)}");
            }
        }
        else
        {
            Assert.True(body["errors"] is null, $"{name}: unexpected errors: {Shorten(text)}");
        }

        if (item["data"] is { } data)
        {
            Assert.True(body["data"]?.ToJsonString().Contains((string)data!, StringComparison.Ordinal) == true, $"{name}: data lacks {data}: {Shorten(text)}");
        }

        if (item["maxMilliseconds"] is { } limit)
        {
            Assert.True(watch.ElapsedMilliseconds <= (int)limit, $"{name}: took {watch.ElapsedMilliseconds} ms");
        }

        var alive = await server.PostAsync("{ stats { actors } }");
        alive.AssertOk();
        var after = await server.Store.ExportAsync(ct);
        AssertSameGraph(before, after);
    }

    private static void AssertSameGraph(GraphSnapshot before, GraphSnapshot after)
    {
        Assert.Equal(before.Actors, after.Actors);
        Assert.Equal(before.Documents.Select(d => (d.Id, d.ContentHash)), after.Documents.Select(d => (d.Id, d.ContentHash)));
        Assert.Equal(before.Relationships, after.Relationships);
    }

    internal static HttpRequestMessage Build(JsonObject item)
    {
        var method = new HttpMethod((string?)item["method"] ?? "POST");
        string url;
        if (item["url"] is { } rawUrl)
        {
            url = Expand((string)rawUrl!);
        }
        else if (item["get"] is JsonObject get)
        {
            url = "graphql?" + string.Join('&', get.Select(p => p.Key + "=" + Uri.EscapeDataString(Expand((string)p.Value!))));
        }
        else
        {
            url = "graphql";
        }

        var request = new HttpRequestMessage(method, url);
        byte[]? body = null;
        if (item["rawBodyBase64"] is { } base64)
        {
            body = Convert.FromBase64String((string)base64!);
        }
        else if (item["rawBody"] is { } raw)
        {
            body = Encoding.UTF8.GetBytes(Expand((string)raw!));
        }
        else if (method == HttpMethod.Post && item["query"] is { } query)
        {
            var json = new JsonObject { ["query"] = Expand((string)query!) };
            if (item["variables"] is { } variables)
            {
                json["variables"] = variables.DeepClone();
            }

            if (item["operationName"] is { } operationName)
            {
                json["operationName"] = (string?)operationName;
            }

            body = Encoding.UTF8.GetBytes(json.ToJsonString());
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            var contentType = (string?)item["contentType"] ?? "application/json";
            if (contentType.Length > 0)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        request.Headers.TryAddWithoutValidation("Accept", (string?)item["accept"] ?? "application/graphql-response+json, application/json;q=0.9");
        if ((bool?)item["key"] == true)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.Key);
        }

        if (item["headers"] is JsonObject headers)
        {
            foreach (var (header, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(header, (string?)value);
            }
        }

        return request;
    }

    // [[rep:N:text]] stands for text repeated N times, so that long requests stay short in the corpus.
    private static string Expand(string text) => Repeat().Replace(text, m => string.Concat(Enumerable.Repeat(m.Groups[2].Value, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))));

    [GeneratedRegex(@"\[\[rep:(\d+):(.*?)\]\]", RegexOptions.Singleline)]
    private static partial Regex Repeat();

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "...";

    internal static List<JsonObject> Corpus() => [.. JsonNode.Parse(File.ReadAllText(CorpusPath))!.AsArray().Select(n => n!.AsObject())];
}
