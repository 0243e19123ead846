using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Pipeline;

/// <summary>
/// Coerces the request's variables against the operation's variable definitions; values that do not fit are errors
/// with the code <see cref="ErrorCodes.BadVariables"/>.
/// </summary>
public sealed class CoerceVariablesStep : IRequestStep
{
    private static readonly IReadOnlyDictionary<string, object?> s_badVariables = ErrorCodes.Code(ErrorCodes.BadVariables);

    /// <inheritdoc />
    public string Name => "coerceVariables";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var errors = new List<GraphQLError>();
        var variables = Values.CoerceVariableValues(context.Schema, context.Operation!.VariableDefinitions, context.Request.Variables, errors);
        if (variables is null)
        {
            context.Fail([.. errors.Select(e => e.Extensions is not null ? e : new GraphQLError(e.Message, e.Nodes, e.DocumentSource, e.Positions, e.Path, e.OriginalError, s_badVariables))]);
        }
        else
        {
            context.Variables = variables;
        }

        return ValueTask.CompletedTask;
    }
}
