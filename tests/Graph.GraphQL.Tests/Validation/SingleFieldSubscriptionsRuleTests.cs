using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class SingleFieldSubscriptionsRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new SingleFieldSubscriptionsRule(c);

    [Fact]
    public void One_root_field_is_allowed_including_through_fragments_and_skipped_fields()
    {
        ExpectValid(s_rule, "subscription S { importantEmails }");
        ExpectValid(s_rule, "subscription S { ...F } fragment F on SubscriptionRoot { importantEmails }");
        ExpectValid(s_rule, "subscription S { importantEmails notImportantEmails @skip(if: true) }");
        ExpectValid(s_rule, "subscription S { importantEmails importantEmails }");
    }

    [Fact]
    public void Extra_root_fields_are_reported_at_the_extra_fields()
    {
        ExpectErrors(s_rule, "subscription ImportantEmails {\n  importantEmails\n  notImportantEmails\n  ... on SubscriptionRoot { spamEmails }\n}",
            new ExpectedError("Subscription \"ImportantEmails\" must select only one top level field.", (3, 3), (4, 29)));
    }

    [Fact]
    public void Introspection_root_field_is_reported()
    {
        ExpectErrors(s_rule, "subscription { __typename }",
            new ExpectedError("Anonymous Subscription must not select an introspection top level field.", (1, 16)));
    }
}
