using System.Text.Json;
using Graph.GraphQL.Analysis;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Analysis;

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
