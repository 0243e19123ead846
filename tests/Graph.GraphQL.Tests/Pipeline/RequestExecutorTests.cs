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

public sealed class QueryLimitsTests
{
    private static readonly GraphQLSchema s_schema = CreateSchema();

    private static GraphQLSchema CreateSchema()
    {
        ObjectType node = null!;
        node = new ObjectType("Node", t => t
            .Field("id", Scalars.ID, _ => "1")
            .Field("children", Types.List(Types.Ref("Node")), f => f
                .Argument("first", Scalars.Int)
                .ListSize(assumedSize: 50, "first")
                .Resolve(_ => Array.Empty<object>()))
            .Field("expensive", Scalars.String, f => f.Cost(100).Resolve(_ => "$")));
        return new GraphQLSchema(new ObjectType("Query", t => t.Field("node", node, _ => new object())));
    }

    private static Task<Graph.GraphQL.Execution.ExecutionResult> Run(string query, QueryLimits limits, object? variables = null) =>
        new RequestExecutor(s_schema, new RequestExecutorOptions { Limits = limits }).ExecuteAsync(new GraphQLRequest
        {
            Query = query,
            Variables = variables is null ? null : Graph.GraphQL.Utilities.JsonValues.ToDictionary(JsonSerializer.SerializeToElement(variables)),
        });

    [Fact]
    public async Task Depth_counts_through_fragments()
    {
        var result = await Run("{ node { ...F } } fragment F on Node { children { children { id } } }", new QueryLimits { MaxDepth = 3 });
        var error = Assert.Single(result.Errors!);
        Assert.Equal("The operation has a depth of 4, over the maximum depth of 3.", error.Message);
        Assert.Equal(LimitCodes.MaxDepthExceeded, error.Extensions!["code"]);
        Assert.False(result.IsDataPresent);

        var ok = await Run("{ node { children { id } } }", new QueryLimits { MaxDepth = 3 });
        Assert.Null(ok.Errors);
    }

    [Fact]
    public async Task Aliases_are_counted()
    {
        var result = await Run("{ a: node { id } b: node { x: id y: id } }", new QueryLimits { MaxAliases = 3 });
        var error = Assert.Single(result.Errors!);
        Assert.Equal("The operation uses 4 aliases, over the maximum of 3 aliases.", error.Message);
        Assert.Equal("MAX_ALIASES_EXCEEDED", error.Extensions!["code"]);
    }

    [Fact]
    public async Task Tokens_are_limited_by_the_parser()
    {
        var result = await Run("{ node { id id id id id id } }", new QueryLimits { MaxTokens = 8 });
        var error = Assert.Single(result.Errors!);
        Assert.Equal("The document has more than 8 tokens, the maximum allowed.", error.Message);
        Assert.Equal("MAX_TOKENS_EXCEEDED", error.Extensions!["code"]);
    }

    [Fact]
    public async Task Cost_multiplies_list_children_by_slicing_argument_or_assumed_size()
    {
        // node (1) + children (1) + first: 20 × expensive (100) = 2002
        var sliced = await Run("query ($n: Int) { node { children(first: $n) { expensive } } }", new QueryLimits { MaxCost = 2000 }, new { n = 20 });
        var error = Assert.Single(sliced.Errors!);
        Assert.Equal("The operation has an estimated cost of 2002, over the maximum cost of 2000.", error.Message);
        Assert.Equal("MAX_COST_EXCEEDED", error.Extensions!["code"]);
        Assert.Equal(2002.0, error.Extensions["cost"]);

        var small = await Run("{ node { children(first: 2) { expensive } } }", new QueryLimits { MaxCost = 2000 });
        Assert.Null(small.Errors);

        // Without the argument the assumed size (50) applies: 1 + 1 + 50 × 100 = 5002.
        Assert.Equal(5002, CostOf("{ node { children { expensive } } }"));
    }

    private static double CostOf(string query)
    {
        var document = Graph.GraphQL.Language.Parser.Parse(query);
        var operation = (Graph.GraphQL.Language.Ast.OperationDefinitionNode)document.Definitions[0];
        return CostAnalyzer.Compute(s_schema, operation, new Dictionary<string, Graph.GraphQL.Language.Ast.FragmentDefinitionNode>(), new Dictionary<string, object?>());
    }
}
