using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Analysis;

/// <summary>Checks an operation against <see cref="QueryLimits"/>, returning the errors of the limits it exceeds.</summary>
public static class QueryLimitsChecker
{
    /// <summary>Errors for each exceeded limit (empty when the operation is within all of them).</summary>
    public static IReadOnlyList<GraphQLError> Check(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        QueryLimits limits,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return CheckLimits(schema, operation, fragments, variables, limits, cancellationToken);
        }
        catch (InsufficientExecutionStackException)
        {
            // Fragment spreads can nest an operation far deeper than its text; such an operation is over any sane limit.
            return [new GraphQLError("The operation is nested too deeply (through fragment spreads) to be analysed.", [operation])];
        }
    }

    private static IReadOnlyList<GraphQLError> CheckLimits(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        QueryLimits limits,
        CancellationToken cancellationToken)
    {
        List<GraphQLError>? errors = null;
        if (limits.MaxExpandedFields is { } maxFields)
        {
            var fields = FieldCountAnalyzer.Count(operation, fragments, cancellationToken);
            if (fields > maxFields)
            {
                // Over this limit the other measures are as large and no quicker to state: this one error says it.
                return [Error($"The operation selects {(fields == long.MaxValue ? "more than " + long.MaxValue : fields)} fields once its fragments are expanded, over the maximum of {maxFields}: spread each fragment once per selection.", LimitCodes.MaxExpandedFieldsExceeded, operation, "fields", fields, maxFields)];
            }
        }

        if (limits.MaxDepth is { } maxDepth)
        {
            var depth = DepthAnalyzer.Measure(operation, fragments, cancellationToken);
            if (depth > maxDepth)
            {
                (errors ??= []).Add(Error($"The operation has a depth of {depth}, over the maximum depth of {maxDepth}.", LimitCodes.MaxDepthExceeded, operation, "depth", depth, maxDepth));
            }
        }

        if (limits.MaxAliases is { } maxAliases)
        {
            var aliases = AliasAnalyzer.Count(operation, fragments, cancellationToken);
            if (aliases > maxAliases)
            {
                (errors ??= []).Add(Error($"The operation uses {aliases} aliases, over the maximum of {maxAliases} aliases.", LimitCodes.MaxAliasesExceeded, operation, "aliases", aliases, maxAliases));
            }
        }

        if (limits.MaxCost is { } maxCost)
        {
            var cost = CostAnalyzer.Compute(schema, operation, fragments, variables, limits.DefaultListSize, limits.SlicingArguments, cancellationToken);
            if (cost > maxCost)
            {
                (errors ??= []).Add(Error($"The operation has an estimated cost of {cost:0.##}, over the maximum cost of {maxCost:0.##}.", LimitCodes.MaxCostExceeded, operation, "cost", cost, maxCost));
            }
        }

        return errors ?? (IReadOnlyList<GraphQLError>)[];
    }

    private static GraphQLError Error(string message, string code, OperationDefinitionNode operation, string measure, object value, object limit)
    {
        return new GraphQLError(
            message,
            [operation],
            extensions: new Dictionary<string, object?> { ["code"] = code, [measure] = value, ["limit"] = limit });
    }
}
