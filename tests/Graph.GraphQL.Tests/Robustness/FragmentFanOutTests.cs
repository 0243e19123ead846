using System.Diagnostics;
using System.Text;
using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Type;
using Graph.GraphQL.Validation;

namespace Graph.GraphQL.Tests.Robustness;

/// <summary>
/// The fan-out a hostile client sent (issue 10): under 900 bytes, each fragment spreading the next ten times, so the
/// document expands to 10^levels selections. Every stage must count each fragment once, and a server with limits must
/// refuse it at once.
/// </summary>
public sealed class FragmentFanOutTests
{
    private static int s_resolved;

    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t
        .Field("stats", Types.Ref("GraphStats"), f => f.Resolve(_ =>
        {
            Interlocked.Increment(ref s_resolved);
            return new Dictionary<string, object?> { ["actors"] = 1 };
        }))),
        types: [new ObjectType("GraphStats", t => t.Field("actors", Scalars.Int))]);

    /// <summary><c>{ stats { ...F0 } }</c>, F0..F(levels-1) each spreading the next ten times, the last selecting <c>actors</c>.</summary>
    public static string FanOut(int levels)
    {
        var text = new StringBuilder("{ stats { ...F0 } } ");
        for (var i = 0; i < levels; i++)
        {
            text.Append("fragment F").Append(i).Append(" on GraphStats {");
            for (var j = 0; j < 10; j++)
            {
                text.Append(" ...F").Append(i + 1);
            }

            text.Append(" } ");
        }

        return text.Append("fragment F").Append(levels).Append(" on GraphStats { actors }").ToString();
    }

    [Fact]
    public void The_issues_request_is_under_900_bytes()
    {
        Assert.True(Encoding.UTF8.GetByteCount(FanOut(9)) < 900, FanOut(9));
    }

    [Fact]
    public void Every_analysis_counts_each_fragment_once()
    {
        var document = Parser.Parse(FanOut(15));
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var watch = Stopwatch.StartNew();
        Assert.Equal(2, DepthAnalyzer.Measure(operation, document.GetFragments(), TestContext.Current.CancellationToken));
        Assert.Equal(0, AliasAnalyzer.Count(operation, document.GetFragments(), TestContext.Current.CancellationToken));
        Assert.Equal(1 + (long)Math.Pow(10, 15), FieldCountAnalyzer.Count(operation, document.GetFragments(), TestContext.Current.CancellationToken));
        Assert.Equal(1, CostAnalyzer.Compute(s_schema, operation, document.GetFragments(), new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(Validator.Validate(s_schema, document));
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Counts_saturate_rather_than_overflow()
    {
        var document = Parser.Parse(FanOut(25));
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal(long.MaxValue, FieldCountAnalyzer.Count(operation, document.GetFragments(), TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = 30_000)]
    public async Task With_limits_the_fan_out_is_refused_in_milliseconds_before_anything_runs()
    {
        var executor = new RequestExecutor(s_schema, new RequestExecutorOptions
        {
            Limits = new QueryLimits { MaxDepth = 15, MaxAliases = 100, MaxCost = 1000, MaxExpandedFields = 10_000 },
        });
        var before = Volatile.Read(ref s_resolved);
        var watch = Stopwatch.StartNew();
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = FanOut(9) }, cancellationToken: TestContext.Current.CancellationToken);
        watch.Stop();
        Assert.False(result.IsDataPresent);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(LimitCodes.MaxExpandedFieldsExceeded, ErrorCodes.Of(error));
        Assert.Contains("1000000001 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("10000", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Volatile.Read(ref s_resolved));
        Assert.True(watch.ElapsedMilliseconds < 500, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_limits_the_fan_out_merges_and_runs_once()
    {
        var result = await new RequestExecutor(s_schema).ExecuteAsync(new GraphQLRequest { Query = FanOut(9) }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(result.Errors);
        Assert.Equal("""{"data":{"stats":{"actors":1}}}""", result.ToJson());
    }
}
