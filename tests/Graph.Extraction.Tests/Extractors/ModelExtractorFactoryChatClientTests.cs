using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Extractors;
using Graph.Extraction.Extractors.Model;

namespace Graph.Extraction.Tests.Extractors;

/// <summary>
/// The factory's client against a scripted OpenAI-compatible server on loopback: what goes over the wire (path, key,
/// model, JSON mode) and that the answer reaches the extractor. No model runs here either.
/// </summary>
public sealed class ModelExtractorFactoryChatClientTests
{
    private const string Text = "Kim Jong Un met Vladimir Putin in Pyongyang in June.";

    [Fact]
    public async Task The_factory_client_posts_to_the_endpoint_with_model_key_and_json_mode_and_the_answer_is_checked()
    {
        var content = """
            {"actors":[{"name":"Kim Jong Un","kind":"Official"},{"name":"Vladimir Putin","kind":"Official"}],
             "relationships":[{"type":"MET_WITH","from":"Kim Jong Un","to":"Vladimir Putin","quote":"Kim Jong Un met Vladimir Putin in Pyongyang in June.","confidence":0.9}]}
            """;
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var served = ServeOnceAsync(listener, content);
        var options = new ModelExtractorOptions
        {
            Enabled = true,
            Endpoint = $"http://127.0.0.1:{port}/v1",
            Model = "llama-test",
            ApiKey = "secret",
            Timeout = TimeSpan.FromSeconds(20),
        };

        using var client = ModelExtractorFactory.Create(options);
        var extractor = new ChatClientExtractor(client, [], options);
        var result = await extractor.ExtractAsync(new ExtractionInput(DocumentId.Parse("doc:wire-test"), Text, null), TestContext.Current.CancellationToken);
        var request = await served;

        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer secret", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("llama-test", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("json_object", body.RootElement.GetProperty("response_format").GetProperty("type").GetString());
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Contains(Text, messages[1].ToString(), StringComparison.Ordinal);

        var met = Assert.Single(result.Proposals);
        Assert.Equal(RelationshipType.MetWith, met.Type);
        Assert.Equal(0, met.Start);
        Assert.Equal("model/llama-test", met.Extractor);
        Assert.Equal("1.0+llama-test", extractor.Version);
    }

    [Fact]
    public void The_factory_refuses_options_without_a_model_or_with_a_relative_endpoint()
    {
        Assert.Throws<ArgumentException>(() => ModelExtractorFactory.Create(new ModelExtractorOptions { Endpoint = "http://localhost:11434/v1" }));
        Assert.Throws<ArgumentException>(() => ModelExtractorFactory.Create(new ModelExtractorOptions { Model = "m", Endpoint = "localhost/v1" }));
    }

    [Fact]
    public void Options_are_off_by_default()
    {
        var options = new ModelExtractorOptions();

        Assert.False(options.Enabled);
        Assert.Null(options.Endpoint);
        Assert.Equal(ModelExtractorOptions.DefaultMaxChunkChars, options.MaxChunkChars);
        Assert.True(options.Timeout > TimeSpan.Zero);
        Assert.Equal("Graph:Extraction:Model", ModelExtractorOptions.SectionName);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static async Task<(string Method, string Path, string? Authorization, string Body)> ServeOnceAsync(HttpListener listener, string content)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var completion = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "llama-test",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        });
        var bytes = Encoding.UTF8.GetBytes(completion);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
        return (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body);
    }
}
