using System.Text;
using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Robustness;

/// <summary>
/// Documents an HTTP server must survive: each is refused with a clear error, never a stack overflow or a hang. The
/// timeouts only stop a regression from blocking the run; they are not performance assertions.
/// </summary>
public sealed class HostileDocumentTests
{
    private const int OneMegabyte = 1 << 20;

    // type Query { node: Node, name: String }, type Node { child: Node, name: String }: recursion as deep as a client likes.
    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t
        .Field("node", Types.Ref("Node"), f => f.Resolve(_ => new Dictionary<string, object?>()))
        .Field("name", Scalars.String, f => f.Resolve(_ => "root"))),
        types: [new ObjectType("Node", t => t
            .Field("child", Types.Ref("Node"), f => f.Resolve(_ => new Dictionary<string, object?>()))
            .Field("name", Scalars.String, f => f.Resolve(_ => "n")))]);

    private static async Task<ExecutionResult> Send(string query, CancellationToken cancellationToken) =>
        await new RequestExecutor(s_schema).ExecuteAsync(new GraphQLRequest { Query = query }, cancellationToken: cancellationToken);

    private static GraphQLError SingleError(ExecutionResult result)
    {
        Assert.False(result.IsDataPresent);
        return Assert.Single(result.Errors!);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_megabyte_of_garbage_is_a_syntax_error_at_its_first_bad_character()
    {
        var random = new Random(42);
        const string alphabet = "{}[]()!$&|@:=.,\"#\\\n\t abcXYZ_0129-+é☃\u0001";
        var builder = new StringBuilder(OneMegabyte);
        while (builder.Length < OneMegabyte)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        var garbage = builder.ToString();
        var syntax = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(garbage));
        Assert.StartsWith("Syntax Error: ", syntax.Message, StringComparison.Ordinal);

        var error = SingleError(await Send(garbage, TestContext.Current.CancellationToken));
        Assert.StartsWith("Syntax Error: ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Locations);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("{ a(b: ", "[")]
    [InlineData("{ a(b: ", "{c: ")]
    [InlineData("query ($v: ", "[")]
    public async Task A_megabyte_of_nested_values_or_types_is_refused_for_its_nesting(string prefix, string unit)
    {
        var text = new StringBuilder(prefix).Insert(prefix.Length, unit, OneMegabyte / unit.Length).ToString();
        var syntax = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(text));
        Assert.Contains("nested more than 500 levels deep", syntax.Message, StringComparison.Ordinal);

        var error = SingleError(await Send(text, TestContext.Current.CancellationToken));
        Assert.Contains("nested more than 500 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_megabyte_of_open_braces_fails_at_the_second_brace()
    {
        var error = SingleError(await Send(new string('{', OneMegabyte), TestContext.Current.CancellationToken));
        Assert.Equal("Syntax Error: Expected Name, found \"{\".", error.Message);
        Assert.Equal(2, error.Locations![0].Column);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_query_ten_thousand_levels_deep_is_refused_while_parsing()
    {
        var query = new StringBuilder("{ node ");
        for (var i = 0; i < 10_000; i++)
        {
            query.Append("{ child ");
        }

        query.Append("{ name }").Append('}', 10_001);
        var error = SingleError(await Send(query.ToString(), TestContext.Current.CancellationToken));
        Assert.Contains("nested more than 500 levels deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Locations![0].Line);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_query_just_inside_the_nesting_limit_runs()
    {
        // 2 levels of { node ... } around 495 levels of { child ... }: 498 selection sets in all.
        var query = new StringBuilder("{ node ");
        for (var i = 0; i < 495; i++)
        {
            query.Append("{ child ");
        }

        query.Append("{ name }").Append('}', 496);
        var result = await Send(query.ToString(), TestContext.Current.CancellationToken);
        Assert.Null(result.Errors);
        Assert.True(result.IsDataPresent);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_chain_of_twenty_thousand_fragments_is_refused_not_overflowed()
    {
        // Each fragment is shallow, but spreading them nests the operation 20,000 levels deep.
        var text = new StringBuilder("{ node { ...F0 } }\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("fragment F").Append(i).Append(" on Node { child { ...F").Append(i + 1).Append(" } }\n");
        }

        text.Append("fragment F20000 on Node { name }\n");
        var result = await Send(text.ToString(), TestContext.Current.CancellationToken);
        Assert.False(result.IsDataPresent);
        Assert.NotEmpty(result.Errors!);
        Assert.Contains(result.Errors!, e => e.Message.Contains("too deeply", StringComparison.Ordinal));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_hundred_thousand_aliases_are_answered_or_refused_without_hanging(bool sameAlias)
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < 100_000; i++)
        {
            query.Append(sameAlias ? "a" : "a" + i).Append(": name ");
        }

        query.Append('}');
        var result = await Send(query.ToString(), TestContext.Current.CancellationToken);
        Assert.Null(result.Errors);
        Assert.Equal(sameAlias ? 1 : 100_000, result.Data!.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task Aliases_over_the_configured_limit_are_refused_before_validation_and_execution()
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < 100_000; i++)
        {
            query.Append('a').Append(i).Append(": node { name } ");
        }

        query.Append('}');
        var executor = new RequestExecutor(s_schema, new RequestExecutorOptions { Limits = new QueryLimits { MaxAliases = 100 } });
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query.ToString() }, cancellationToken: TestContext.Current.CancellationToken);
        var error = SingleError(result);
        Assert.Equal("The operation uses 100000 aliases, over the maximum of 100 aliases.", error.Message);
    }
}
