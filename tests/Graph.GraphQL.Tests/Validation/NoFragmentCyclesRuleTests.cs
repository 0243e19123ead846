using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class NoFragmentCyclesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new NoFragmentCyclesRule(c);

    [Fact]
    public void Repeated_but_acyclic_spreads_are_allowed()
    {
        ExpectValid(s_rule, "fragment A on Dog { ...B ...B } fragment B on Dog { ...C } fragment C on Dog { name }");
    }

    [Fact]
    public void Fragment_spreading_itself_is_reported()
    {
        ExpectErrors(s_rule, "fragment A on Dog { ...A }",
            new ExpectedError("Cannot spread fragment \"A\" within itself.", (1, 21)));
    }

    [Fact]
    public void Longer_cycle_is_reported_once_with_its_path()
    {
        ExpectErrors(s_rule, "fragment A on Dog { ...B }\nfragment B on Dog { ...C }\nfragment C on Dog { ...A }",
            new ExpectedError("Cannot spread fragment \"A\" within itself via \"B\", \"C\".", (1, 21), (2, 21), (3, 21)));
    }
}
