using System.Text.Json;
using Graph.GraphQL.Analysis;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Tests.Execution;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Pipeline;

public sealed class RequestExecutorTests
{
    private static readonly GraphQLSchema s_schema = StarWarsSchema.Create();

    [Fact]
    public async Task Executes_a_request_with_json_variables()
    {
        var executor = new RequestExecutor(s_schema);
        var variables = JsonDocument.Parse("""{"id":"1003"}""").RootElement;
        var result = await executor.ExecuteAsync(GraphQLRequest.Create("query Q($id: String!) { human(id: $id) { name } }", null, variables), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("""{"data":{"human":{"name":"Leia Organa"}}}""", result.ToJson());
    }

    [Fact]
    public async Task Second_request_with_the_same_text_reuses_the_validated_document()
    {
        var executor = new RequestExecutor(s_schema);
        var request = new GraphQLRequest { Query = "{ hero { name } }" };
        await executor.ExecuteAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        var second = await executor.ExecuteAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("""{"data":{"hero":{"name":"R2-D2"}}}""", second.ToJson());
        Assert.Equal(1, executor.DocumentCache.Hits);
        Assert.Equal(1, executor.DocumentCache.Count);
    }

    [Fact]
    public async Task Document_cache_evicts_the_least_recently_used()
    {
        var executor = new RequestExecutor(s_schema, new RequestExecutorOptions { DocumentCacheSize = 2 });
        foreach (var query in new[] { "{ a: hero { id } }", "{ b: hero { id } }", "{ a: hero { id } }", "{ c: hero { id } }", "{ a: hero { id } }" })
        {
            await executor.ExecuteAsync(new GraphQLRequest { Query = query }, cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, executor.DocumentCache.Hits);
        Assert.Equal(2, executor.DocumentCache.Count);
    }

    [Fact]
    public async Task Syntax_and_validation_errors_end_the_request_without_data()
    {
        var executor = new RequestExecutor(s_schema);
        var syntax = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ hero { name }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(syntax.IsDataPresent);
        Assert.StartsWith("Syntax Error:", Assert.Single(syntax.Errors!).Message, StringComparison.Ordinal);

        var invalid = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ hero { nope } }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(invalid.IsDataPresent);
        Assert.Contains("nope", Assert.Single(invalid.Errors!).Message, StringComparison.Ordinal);
        Assert.Equal(0, executor.DocumentCache.Count);
    }

    [Fact]
    public async Task Empty_query_is_refused_clearly()
    {
        var result = await new RequestExecutor(s_schema).ExecuteAsync(new GraphQLRequest { Query = " " }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("The request has no query: send the GraphQL document in \"query\".", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Tracing_reports_each_step_in_ticks()
    {
        var executor = new RequestExecutor(s_schema, new RequestExecutorOptions { EnableTracing = true });
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ hero { name } }" }, cancellationToken: TestContext.Current.CancellationToken);
        var tracing = (IReadOnlyDictionary<string, object?>)result.Extensions!["tracing"]!;
        foreach (var step in new[] { "documentCache", "parse", "validate", "operation", "coerceVariables", "limits", "execute" })
        {
            Assert.IsType<long>(tracing[step]);
        }

        Assert.Contains("\"extensions\":{\"tracing\":{\"unit\":\"stopwatchTicks\"", result.ToJson(), StringComparison.Ordinal);
    }
}
