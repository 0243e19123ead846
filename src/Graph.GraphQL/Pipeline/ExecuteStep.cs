using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Pipeline;

/// <summary>Executes the operation the pipeline chose, under the request's deadline.</summary>
public sealed class ExecuteStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "execute";

    /// <inheritdoc />
    public async ValueTask InvokeAsync(RequestContext context)
    {
        context.Result = await Executor.ExecuteAsync(new ExecutionArgs
        {
            Schema = context.Schema,
            Document = context.Document!.Document,
            OperationName = context.Request.OperationName,
            Operation = context.Operation,
            CoercedVariableValues = context.Variables,
            UserContext = context.UserContext,
            Services = context.Services,
            CancellationToken = context.CancellationToken,
            SubscriptionCancellationToken = context.ClientCancellationToken,
            DeadlineToken = context.DeadlineToken,
            Timeout = context.Options.Timeout,
            ExposeExceptionMessages = context.Options.ExposeExceptionMessages,
        }).ConfigureAwait(false);
    }
}
