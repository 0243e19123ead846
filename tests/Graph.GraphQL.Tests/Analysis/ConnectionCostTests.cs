using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Analysis;

/// <summary>
/// A connection's <c>first</c> sizes its lists (issue 10: <c>first: 1</c> and <c>first: 1000</c> once cost the same, and
/// 14 aliases of a four-level walk with <c>first: 1000</c> returned 20.9 MB).
/// </summary>
public sealed class ConnectionCostTests
{
    private static readonly GraphQLSchema s_schema = CreateSchema();

    private static GraphQLSchema CreateSchema()
    {
        var actor = new ObjectType("Actor", t => t
            .Field("name", Scalars.String)
            .Field("relationships", Types.Ref("RelationshipConnection"), f => f.Argument("first", Scalars.Int)));
        var relationship = new ObjectType("Relationship", t => t.Field("other", actor));
        var connection = new ObjectType("RelationshipConnection", t => t
            .Field("totalCount", Scalars.Int)
            .Field("nodes", Types.List(relationship)));
        return new GraphQLSchema(
            new ObjectType("Query", t => t
                .Field("actor", actor, f => f.Argument("name", Scalars.String))
                .Field("names", Types.List(actor), f => f.Argument("limit", Scalars.Int))),
            types: [connection]);
    }

    private static double Cost(string query, object? variables = null)
    {
        var document = Parser.Parse(query);
        return CostAnalyzer.Compute(
            s_schema,
            (OperationDefinitionNode)document.Definitions[0],
            document.GetFragments(),
            variables is null ? new Dictionary<string, object?>() : Graph.GraphQL.Utilities.JsonValues.ToDictionary(System.Text.Json.JsonSerializer.SerializeToElement(variables)),
            cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public void First_on_a_connection_multiplies_the_cost_of_its_nodes()
    {
        // actor 1 + relationships 1 + nodes (1 + first × other 1)
        Assert.Equal(4, Cost("{ actor(name: \"A\") { relationships(first: 1) { nodes { other { name } } } } }"));
        Assert.Equal(1003, Cost("{ actor(name: \"A\") { relationships(first: 1000) { nodes { other { name } } } } }"));
        Assert.Equal(1003, Cost("query ($n: Int) { actor(name: \"A\") { relationships(first: $n) { nodes { other { name } } } } }", new { n = 1000 }));
        Assert.Equal(1003, Cost("{ actor(name: \"A\") { relationships(first: 1000) { ...N } } } fragment N on RelationshipConnection { nodes { other { name } } }"));
    }

    [Fact]
    public void Without_first_the_default_list_size_applies()
    {
        Assert.Equal(13, Cost("{ actor(name: \"A\") { relationships { nodes { other { name } } } } }"));
    }

    [Fact]
    public void Limit_sizes_a_plain_list()
    {
        Assert.Equal(6, Cost("{ names(limit: 5) { name relationships { totalCount } } }"));
    }

    [Fact]
    public async Task The_issues_request_is_refused_with_its_cost_and_the_limit()
    {
        var level = "relationships(first: 1000) { nodes { other { name ";
        var walk = string.Concat(Enumerable.Repeat(level, 4)) + string.Concat(Enumerable.Repeat("} } } ", 4));
        var query = "{ " + string.Concat(Enumerable.Range(0, 14).Select(i => $"a{i}: actor(name: \"DPRK\") {{ {walk} }} ")) + "}";
        var executor = new RequestExecutor(s_schema, new RequestExecutorOptions { Limits = new QueryLimits { MaxCost = 200_000 } });
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query }, cancellationToken: TestContext.Current.CancellationToken);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(LimitCodes.MaxCostExceeded, ErrorCodes.Of(error));
        var cost = (double)error.Extensions!["cost"]!;
        Assert.True(cost > 1e12, cost.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("over the maximum cost of 200000", error.Message, StringComparison.Ordinal);
        Assert.Contains("estimated cost of ", error.Message, StringComparison.Ordinal);
        Assert.False(result.IsDataPresent);
    }
}
