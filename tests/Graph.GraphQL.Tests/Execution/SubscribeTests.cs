using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Execution;

/// <summary>Subscribe (spec 6.2.3): the source stream from the root field's subscribe resolver, one response per event.</summary>
public sealed class SubscribeTests
{
    private sealed record Message(string Text, int Number);

    /// <summary>A source stream fed by the test, which records whether it was disposed.</summary>
    private sealed class Source : IAsyncEnumerable<object?>, IAsyncDisposable
    {
        public Channel<object?> Events { get; } = Channel.CreateUnbounded<object?>();

        public IResolveFieldContext? Context { get; private set; }

        public bool Disposed { get; private set; }

        public Source Attach(IResolveFieldContext context)
        {
            Context = context;
            return this;
        }

        public async IAsyncEnumerator<object?> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            try
            {
                await foreach (var item in Events.Reader.ReadAllAsync(cancellationToken))
                {
                    yield return item;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private static GraphQLSchema Schema(Source source, Func<IResolveFieldContext, ValueTask<IAsyncEnumerable<object?>>>? subscribe = null) => new(
        new ObjectType("Query", t => t.Field("ok", Scalars.Boolean, _ => true)),
        subscription: new ObjectType("Subscription", t => t
            .Field("messages", new ObjectType("Message", m => m
                .Field("text", Scalars.String.NonNull(), c => ((Message)c.Source!).Text)
                .Field("number", Scalars.Int.NonNull(), c => ((Message)c.Source!).Number)
                .Field("fails", Scalars.String, c => throw new InvalidOperationException("boom"))).NonNull(), f => f
                .Argument("from", Scalars.Int)
                .Subscribe(subscribe is null ? c => new ValueTask<IAsyncEnumerable<object?>>(source.Attach(c)) : c => subscribe(c))
                .Resolve(c => c.Source))));

    private static Task<ExecutionResult> SubscribeAsync(GraphQLSchema schema, string query, CancellationToken streamToken = default) =>
        Executor.ExecuteAsync(new ExecutionArgs
        {
            Schema = schema,
            Document = Parser.Parse(query),
            SubscriptionCancellationToken = streamToken,
            ExposeExceptionMessages = true,
        });

    [Fact]
    public async Task Each_event_is_executed_as_the_selection_set_with_the_event_as_root_value()
    {
        var source = new Source();
        var result = await SubscribeAsync(Schema(source), "subscription { messages(from: 2) { text number } }", TestContext.Current.CancellationToken);
        Assert.Null(result.Errors);
        Assert.NotNull(result.Stream);
        Assert.Equal(2, source.Context!.GetArgument<int>("from"));

        await using var enumerator = result.Stream!.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        await source.Events.Writer.WriteAsync(new Message("first", 1), TestContext.Current.CancellationToken);
        await source.Events.Writer.WriteAsync(new Message("second", 2), TestContext.Current.CancellationToken);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("""{"data":{"messages":{"text":"first","number":1}}}""", enumerator.Current.ToJson());
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("""{"data":{"messages":{"text":"second","number":2}}}""", enumerator.Current.ToJson());

        source.Events.Writer.Complete();
        Assert.False(await enumerator.MoveNextAsync());
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task A_field_error_in_one_event_is_reported_with_that_event_and_the_stream_goes_on()
    {
        var source = new Source();
        var result = await SubscribeAsync(Schema(source), "subscription { messages { number fails } }", TestContext.Current.CancellationToken);
        await using var enumerator = result.Stream!.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        await source.Events.Writer.WriteAsync(new Message("a", 1), TestContext.Current.CancellationToken);
        await source.Events.Writer.WriteAsync(new Message("b", 2), TestContext.Current.CancellationToken);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("""{"errors":[{"message":"boom","locations":[{"line":1,"column":34}],"path":["messages","fails"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"messages":{"number":1,"fails":null}}}""", enumerator.Current.ToJson());
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(2, ((IReadOnlyDictionary<string, object?>)enumerator.Current.Data!["messages"]!)["number"]);
    }

    [Fact]
    public async Task An_error_while_creating_the_source_stream_is_a_request_error_without_a_stream()
    {
        var source = new Source();
        var schema = Schema(source, _ => throw new Error.GraphQLError("No such topic."));
        var result = await SubscribeAsync(schema, "subscription { messages { text } }", TestContext.Current.CancellationToken);
        Assert.Null(result.Stream);
        Assert.False(result.IsDataPresent);
        var error = Assert.Single(result.Errors!);
        Assert.Equal("No such topic.", error.Message);
        Assert.Equal(["messages"], error.Path!);
    }

    [Fact]
    public async Task Cancelling_the_stream_token_ends_the_stream_and_disposes_the_source()
    {
        var source = new Source();
        using var client = new CancellationTokenSource();
        var result = await SubscribeAsync(Schema(source), "subscription { messages { text } }", client.Token);
        var enumerator = result.Stream!.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var waiting = enumerator.MoveNextAsync();
        await client.CancelAsync();
        Assert.False(await waiting);
        await enumerator.DisposeAsync();
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task Disposing_a_stream_that_was_never_enumerated_disposes_the_source()
    {
        var source = new Source();
        var result = await SubscribeAsync(Schema(source), "subscription { messages { text } }", TestContext.Current.CancellationToken);
        await result.Stream!.DisposeAsync();
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task A_source_that_fails_ends_the_stream_with_that_error()
    {
        var schema = Schema(new Source(), _ => new ValueTask<IAsyncEnumerable<object?>>(Failing()));
        var result = await SubscribeAsync(schema, "subscription { messages { number } }", TestContext.Current.CancellationToken);
        var results = new List<ExecutionResult>();
        await foreach (var item in result.Stream!.WithCancellation(TestContext.Current.CancellationToken))
        {
            results.Add(item);
        }

        Assert.Equal(2, results.Count);
        Assert.Equal("""{"data":{"messages":{"number":7}}}""", results[0].ToJson());
        Assert.Equal("source lost", Assert.Single(results[1].Errors!).Message);

        static async IAsyncEnumerable<object?> Failing([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new Message("x", 7);
            throw new IOException("source lost");
        }
    }

    [Fact]
    public async Task A_subscription_selecting_two_root_fields_is_refused_by_validation_in_the_pipeline()
    {
        var executor = new RequestExecutor(Schema(new Source()));
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "subscription { messages { text } other: messages { number } }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(result.Stream);
        Assert.Contains("must select only one top level field", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task The_pipeline_returns_a_stream_that_outlives_the_request_deadline()
    {
        var source = new Source();
        var executor = new RequestExecutor(Schema(source), new RequestExecutorOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "subscription { messages { text } }" }, cancellationToken: TestContext.Current.CancellationToken);
        await using var enumerator = result.Stream!.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        await Task.Delay(400, TestContext.Current.CancellationToken);
        await source.Events.Writer.WriteAsync(new Message("late", 3), TestContext.Current.CancellationToken);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("""{"data":{"messages":{"text":"late"}}}""", enumerator.Current.ToJson());
    }
}
