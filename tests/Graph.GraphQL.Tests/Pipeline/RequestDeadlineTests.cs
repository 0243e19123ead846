using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Pipeline;

/// <summary>One deadline and the caller's cancellation cover every step, not execution alone.</summary>
public sealed class RequestDeadlineTests
{
    private int _resolved;

    private GraphQLSchema Schema() => new(new ObjectType("Query", t => t
        .Field("name", Scalars.String, f => f.Resolve(_ =>
        {
            Interlocked.Increment(ref _resolved);
            return "n";
        }))));

    [Fact(Timeout = 30_000)]
    public async Task A_slow_validation_runs_out_the_deadline_and_nothing_executes()
    {
        var executor = new RequestExecutor(Schema(), new RequestExecutorOptions
        {
            Timeout = TimeSpan.FromMilliseconds(50),
            Validator = static (schema, document) =>
            {
                Thread.Sleep(300);
                return Graph.GraphQL.Validation.Validator.Validate(schema, document);
            },
        });
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ name }" }, cancellationToken: TestContext.Current.CancellationToken);
        var error = Assert.Single(result.Errors!);
        Assert.Equal("TIMEOUT", ErrorCodes.Of(error));
        Assert.Contains("50 ms", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _resolved);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_client_gone_before_the_limits_are_analysed_stops_the_request()
    {
        using var client = new CancellationTokenSource();
        var executor = new RequestExecutor(Schema(), new RequestExecutorOptions
        {
            Timeout = TimeSpan.FromSeconds(30),
            Limits = new QueryLimits { MaxCost = 100 },
            Validator = (schema, document) =>
            {
                client.Cancel();
                return Graph.GraphQL.Validation.Validator.Validate(schema, document);
            },
        });
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ name }" }, cancellationToken: client.Token);
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        Assert.Equal("CANCELLED", ErrorCodes.Of(Assert.Single(result.Errors!)));
        Assert.Equal(0, _resolved);
    }

    [Fact(Timeout = 30_000)]
    public async Task Within_the_deadline_the_request_runs()
    {
        var executor = new RequestExecutor(Schema(), new RequestExecutorOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var client = new CancellationTokenSource();
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ name }" }, cancellationToken: client.Token);
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        Assert.Equal("""{"data":{"name":"n"}}""", result.ToJson());
    }

    [Fact]
    public void Validation_itself_stops_when_its_token_fires()
    {
        var text = new System.Text.StringBuilder("{ ");
        for (var i = 0; i < 2_000; i++)
        {
            text.Append("a").Append(i).Append(": name ");
        }

        var document = Graph.GraphQL.Language.Parser.Parse(text.Append('}').ToString());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Graph.GraphQL.Validation.Validator.ValidateUntilCancelled(Schema(), document, null, 100, cancelled.Token));
        Assert.Empty(Graph.GraphQL.Validation.Validator.ValidateUntilCancelled(Schema(), document, null, 100, TestContext.Current.CancellationToken));
    }
}
