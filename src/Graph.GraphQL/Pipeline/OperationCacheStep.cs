using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Pipeline;

/// <summary>
/// Selects the operation to run (the specification's GetOperation), once per document and operation name; the choice
/// is cached on the document and passed on to the later steps and to the executor, which do not choose again.
/// </summary>
public sealed class OperationCacheStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "operation";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var document = context.Document!;
        var key = context.Request.OperationName ?? string.Empty;
        lock (document.Operations)
        {
            if (document.Operations.TryGetValue(key, out var cached))
            {
                context.Operation = cached;
                return ValueTask.CompletedTask;
            }
        }

        var operation = Executor.GetOperation(document.Document, context.Request.OperationName, out var error);
        if (operation is null)
        {
            context.Fail([error!]);
            return ValueTask.CompletedTask;
        }

        lock (document.Operations)
        {
            document.Operations[key] = operation;
        }

        context.Operation = operation;
        return ValueTask.CompletedTask;
    }
}
