using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Pipeline;

/// <summary>
/// Validates a document not validated before, then stores it in the cache. Validation errors carry the code
/// <see cref="ErrorCodes.ValidationFailed"/>.
/// </summary>
public sealed class ValidateStep(DocumentCache cache) : IRequestStep
{
    private static readonly IReadOnlyDictionary<string, object?> s_validationFailed = ErrorCodes.Code(ErrorCodes.ValidationFailed);

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

        // Depth, aliases and fragment fan-out are cheap to count and bound what validation costs: a document over any
        // of them is refused first.
        var limits = context.Options.Limits;
        if (limits.MaxDepth is not null || limits.MaxAliases is not null || limits.MaxExpandedFields is not null)
        {
            var shapeErrors = CheckShapeLimits(context.Schema, document.Document, limits with { MaxCost = null }, context.CancellationToken);
            if (shapeErrors.Count > 0)
            {
                context.Fail(shapeErrors);
                return ValueTask.CompletedTask;
            }
        }

        var errors = context.Options.Validator is { } validator
            ? validator(context.Schema, document.Document)
            : Validation.Validator.ValidateUntilCancelled(context.Schema, document.Document, null, Validation.Validator.DefaultMaxErrors, context.CancellationToken);
        if (errors.Count > 0)
        {
            context.Fail(WithCode(errors));
            return ValueTask.CompletedTask;
        }

        document.IsValidated = true;
        cache.Add(context.DocumentHash!, document);
        return ValueTask.CompletedTask;
    }

    private static GraphQLError[] WithCode(IReadOnlyList<GraphQLError> errors)
    {
        var coded = new GraphQLError[errors.Count];
        for (var i = 0; i < coded.Length; i++)
        {
            var error = errors[i];
            coded[i] = error.Extensions is not null
                ? error
                : new GraphQLError(error.Message, error.Nodes, error.DocumentSource, error.Positions, error.Path, error.OriginalError, s_validationFailed);
        }

        return coded;
    }

    private static IReadOnlyList<GraphQLError> CheckShapeLimits(GraphQLSchema schema, DocumentNode document, QueryLimits limits, CancellationToken cancellationToken)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                var errors = QueryLimitsChecker.Check(schema, operation, document.GetFragments(), Values.Empty, limits, cancellationToken);
                if (errors.Count > 0)
                {
                    return errors;
                }
            }
        }

        return [];
    }
}
