namespace Graph.GraphQL.Tests.Differential;

/// <summary>
/// Every operation of the corpus (Differential/operations/*.graphql) runs through our engine and
/// must give graphql-js's response: the same data, the same number of errors at the same paths
/// and locations.
/// </summary>
public sealed class DifferentialTests
{
    // Displayed by the case's full name (xunit would cut a long argument at 50 characters).
    public static IEnumerable<TheoryDataRow<string>> Cases() =>
        ReferenceCorpus.Names().Select(name => new TheoryDataRow<string>(name) { TestDisplayName = "graphql-js agrees: " + name });

    public static IEnumerable<TheoryDataRow<string>> CasesOnSdlSchema() =>
        ReferenceCorpus.Names().Select(name => new TheoryDataRow<string>(name) { TestDisplayName = "graphql-js agrees (SDL-built schema): " + name });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_agrees_with_graphql_js(string name)
    {
        var reference = ReferenceCorpus.Get(name);

        var ours = await OurEngine.RunAsync(reference);

        var differences = ResponseComparer.Differences(ours, reference.Result);
        Assert.True(differences.Count == 0, ResponseComparer.Describe(reference, differences, ours));
    }

    /// <summary>The same corpus over the kitchen-sink schema built by our BuildSchema from its SDL.</summary>
    [Theory]
    [MemberData(nameof(CasesOnSdlSchema))]
    public async Task Operation_agrees_with_graphql_js_on_the_schema_built_from_sdl(string name)
    {
        var reference = ReferenceCorpus.Get(name);

        var ours = await OurEngine.RunAsync(reference, fromSdl: true);

        var differences = ResponseComparer.Differences(ours, reference.Result);
        Assert.True(differences.Count == 0, ResponseComparer.Describe(reference, differences, ours));
    }

    public static IEnumerable<TheoryDataRow<string>> RuleCases() =>
        ReferenceCorpus.Names().Select(name => new TheoryDataRow<string>(name) { TestDisplayName = "graphql-js's rules agree: " + name });

    /// <summary>
    /// The same rules reject the document here as in graphql-js (none for a valid one, "syntax" for one that does not
    /// parse): each rule is run alone on both sides, so a document refused for the wrong reason (another rule, at the
    /// same location) does not pass unnoticed.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Rejection_is_by_the_rules_graphql_js_names(string name)
    {
        var reference = ReferenceCorpus.Get(name);

        var ours = OurEngine.RulesReporting(reference);

        Assert.True(
            ours.Order(StringComparer.Ordinal).SequenceEqual(reference.Rules.Order(StringComparer.Ordinal)),
            $"{name}: graphql-js's rules [{string.Join(", ", reference.Rules)}], ours [{string.Join(", ", ours)}].\n{reference.Document}");
    }
}
