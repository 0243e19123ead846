using Graph.GraphQL.Language;
using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new OverlappingFieldsCanBeMergedRule(c);

    [Theory]
    [InlineData("fragment F on Dog { name name }")]
    [InlineData("fragment F on Dog { otherName: name otherName: name }")]
    [InlineData("fragment F on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }")]
    [InlineData("fragment F on Dog { isAtLocation(x: 1, y: 2) isAtLocation(y: 2, x: 1) }")]
    [InlineData("fragment F on Dog { name: nickname ... on Dog { name: nickname } }")]
    [InlineData("fragment F on Pet { ... on Dog { name } ... on Cat { name: nickname } }")]
    [InlineData("fragment F on Dog { doesKnowCommand(dogCommand: $cmd) doesKnowCommand(dogCommand: $cmd) }")]
    [InlineData("fragment F on CatOrDog { ... on Cat { x: meows } ... on Dog { x: barks } }")]
    public void Mergeable_fields_are_allowed(string document)
    {
        ExpectValid(s_rule, document);
    }

    [Fact]
    public void Same_alias_for_different_fields_is_reported()
    {
        ExpectErrors(s_rule, "fragment F on Dog {\n  name: nickname\n  name\n}",
            new ExpectedError("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (3, 3)));
    }

    [Fact]
    public void Differing_arguments_are_reported()
    {
        ExpectErrors(s_rule, "fragment F on Dog {\n  doesKnowCommand(dogCommand: SIT)\n  doesKnowCommand(dogCommand: HEEL)\n  doesKnowCommand\n}",
            new ExpectedError("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (3, 3)),
            new ExpectedError("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (4, 3)),
            new ExpectedError("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (3, 3), (4, 3)));
    }

    [Fact]
    public void Conflicting_return_types_on_different_objects_are_reported()
    {
        ExpectErrors(s_rule, "fragment F on CatOrDog {\n  ... on Cat { x: meows }\n  ... on Dog { x: name }\n}",
            new ExpectedError("Fields \"x\" conflict because they return conflicting types \"Boolean\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (2, 16), (3, 16)));
    }

    [Fact]
    public void Conflicts_between_a_selection_and_a_fragment_are_reported()
    {
        ExpectErrors(s_rule, "{ dog { ...A name: barks } }\nfragment A on Dog { name }",
            new ExpectedError("Fields \"name\" conflict because \"barks\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 14), (2, 21)));
    }

    [Fact]
    public void Deep_conflict_is_reported_with_the_sub_field_path_and_all_nodes()
    {
        ExpectErrors(s_rule, "{\n  dog { x: name }\n  dog { x: barks }\n}",
            new ExpectedError("Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (2, 9), (3, 3), (3, 9)));
    }

    [Fact]
    public void Conflicts_between_two_fragments_are_reported_once()
    {
        ExpectErrors(s_rule, "{ dog { ...A ...B } cat: dog { ...A ...B } }\nfragment A on Dog { x: name }\nfragment B on Dog { x: barks }",
            new ExpectedError("Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 21), (3, 21)));
    }

    [Fact]
    public void Fragment_cycles_do_not_loop()
    {
        var errors = Validator.Validate(TestSchema, Parser.Parse("{ dog { ...A } } fragment A on Dog { ...B name } fragment B on Dog { ...A name: barks }"));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Many_repeated_fragment_spreads_validate_quickly_thanks_to_pair_caching()
    {
        // 60 fragments each spreading all previous ones would be exponential without memoized pairs.
        var fragments = Enumerable.Range(0, 60).Select(i =>
            $"fragment F{i} on Dog {{ name {string.Concat(Enumerable.Range(0, i).Select(j => $"...F{j} "))}}}");
        var document = "{ dog { ...F59 } }\n" + string.Join("\n", fragments);
        ExpectValid(s_rule, document);
    }
}
