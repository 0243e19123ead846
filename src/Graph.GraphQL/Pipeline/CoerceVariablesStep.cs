using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Pipeline;

/// <summary>Coerces the request's variables against the operation's variable definitions.</summary>
public sealed class CoerceVariablesStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "coerceVariables";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var errors = new List<GraphQLError>();
        var variables = Values.CoerceVariableValues(context.Schema, context.Operation!.VariableDefinitions, context.Request.Variables, errors);
        if (variables is null)
        {
            context.Fail(errors);
        }
        else
        {
            context.Variables = variables;
        }

        return ValueTask.CompletedTask;
    }
}
