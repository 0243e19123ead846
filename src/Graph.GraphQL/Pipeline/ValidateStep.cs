using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Pipeline;

/// <summary>Validates a document not validated before, then stores it in the cache.</summary>
public sealed class ValidateStep(DocumentCache cache) : IRequestStep
{
    /// <inheritdoc />
    public string Name => "validate";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var document = context.Document!;
        if (document.IsValidated)
        {
            return ValueTask.CompletedTask;
        }

        // Depth and aliases are cheap to count and bound what validation costs: a document over either is refused first.
        var limits = context.Options.Limits;
        if (limits.MaxDepth is not null || limits.MaxAliases is not null)
        {
            var shapeErrors = CheckShapeLimits(context.Schema, document.Document, limits with { MaxCost = null });
            if (shapeErrors.Count > 0)
            {
                context.Fail(shapeErrors);
                return ValueTask.CompletedTask;
            }
        }

        var errors = context.Options.Validator(context.Schema, document.Document);
        if (errors.Count > 0)
        {
            context.Fail(errors);
            return ValueTask.CompletedTask;
        }

        document.IsValidated = true;
        cache.Add(context.DocumentHash!, document);
        return ValueTask.CompletedTask;
    }

    private static IReadOnlyList<GraphQLError> CheckShapeLimits(GraphQLSchema schema, DocumentNode document, QueryLimits limits)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                var errors = QueryLimitsChecker.Check(schema, operation, fragments, Values.Empty, limits);
                if (errors.Count > 0)
                {
                    return errors;
                }
            }
        }

        return [];
    }
}
