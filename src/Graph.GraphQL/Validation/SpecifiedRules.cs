using Graph.GraphQL.Validation.Rules;

namespace Graph.GraphQL.Validation;

/// <summary>The validation rules of the specification's Validation section, in graphql-js's order.</summary>
public static class SpecifiedRules
{
    public static IReadOnlyList<ValidationRuleFactory> All { get; } =
    [
        static c => new ExecutableDefinitionsRule(c),
        static c => new UniqueOperationNamesRule(c),
        static c => new LoneAnonymousOperationRule(c),
        static c => new SingleFieldSubscriptionsRule(c),
        static c => new KnownTypeNamesRule(c),
        static c => new FragmentsOnCompositeTypesRule(c),
        static c => new VariablesAreInputTypesRule(c),
        static c => new ScalarLeafsRule(c),
        static c => new FieldsOnCorrectTypeRule(c),
        static c => new UniqueFragmentNamesRule(c),
        static c => new KnownFragmentNamesRule(c),
        static c => new NoUnusedFragmentsRule(c),
        static c => new PossibleFragmentSpreadsRule(c),
        static c => new NoFragmentCyclesRule(c),
        static c => new UniqueVariableNamesRule(c),
        static c => new NoUndefinedVariablesRule(c),
        static c => new NoUnusedVariablesRule(c),
        static c => new KnownDirectivesRule(c),
        static c => new UniqueDirectivesPerLocationRule(c),
        static c => new KnownArgumentNamesRule(c),
        static c => new UniqueArgumentNamesRule(c),
        static c => new ValuesOfCorrectTypeRule(c),
        static c => new ProvidedRequiredArgumentsRule(c),
        static c => new VariablesInAllowedPositionRule(c),
        static c => new OverlappingFieldsCanBeMergedRule(c),
        static c => new UniqueInputFieldNamesRule(c),
        static c => new KnownOperationTypesRule(c),
        static c => new MaxIntrospectionDepthRule(c),
    ];
}
