using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Pipeline;

/// <summary>
/// Refuses the chosen operation when its type is not among the request's <see cref="GraphQLRequest.AllowedOperations"/>
/// (code <see cref="ErrorCodes.OperationNotAllowed"/>), then asks the host's <see cref="RequestExecutorOptions.AuthorizeOperation"/>.
/// Runs after the operation is chosen and before variables are coerced, so a refused operation costs no analysis and
/// runs no resolver.
/// </summary>
public sealed class AuthorizeOperationStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "authorize";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var operation = context.Operation!;
        var type = operation.Operation switch
        {
            OperationType.Mutation => AllowedOperations.Mutation,
            OperationType.Subscription => AllowedOperations.Subscription,
            _ => AllowedOperations.Query,
        };
        if ((context.Request.AllowedOperations & type) == 0)
        {
            context.Fail([new GraphQLError(
                $"{type} operations are not allowed in this request.",
                [operation],
                extensions: ErrorCodes.Code(ErrorCodes.OperationNotAllowed))]);
            return ValueTask.CompletedTask;
        }

        if (context.Options.AuthorizeOperation?.Invoke(context) is { } refusal)
        {
            context.Fail([refusal]);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The operation types a request may run.</summary>
[Flags]
public enum AllowedOperations
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Queries.</summary>
    Query = 1,

    /// <summary>Mutations.</summary>
    Mutation = 2,

    /// <summary>Subscriptions.</summary>
    Subscription = 4,

    /// <summary>Every type.</summary>
    All = Query | Mutation | Subscription,
}
