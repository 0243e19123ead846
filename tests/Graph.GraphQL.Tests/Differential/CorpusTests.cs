namespace Graph.GraphQL.Tests.Differential;

/// <summary>The corpus itself is sound: graphql-js meets every case's "#! expect:" line.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void Every_case_meets_its_expectation_in_graphql_js_and_every_rule_has_three_invalid_cases()
    {
        var (exitCode, report) = GraphQLJs.Run("run-operations.mjs", [GraphQLJs.CorpusDirectory, "--check"], allowFailure: true);

        Assert.True(exitCode == 0, string.Join('\n', report.Split('\n').Where(l => !l.StartsWith("ok ", StringComparison.Ordinal) && !l.StartsWith("       ", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_corpus_holds_at_least_300_operations_with_unique_names()
    {
        var names = ReferenceCorpus.Names().ToList();

        Assert.True(names.Count >= 300, $"The corpus has {names.Count} operations.");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
