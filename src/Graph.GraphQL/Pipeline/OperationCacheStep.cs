using Graph.GraphQL.Execution;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Pipeline;

/// <summary>Selects the operation (cached per document and operation name) and indexes the fragments.</summary>
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
                context.Operation = cached.Operation;
                context.Fragments = cached.Fragments;
                return ValueTask.CompletedTask;
            }
        }

        var operation = Executor.GetOperation(document.Document, context.Request.OperationName, out var error);
        if (operation is null)
        {
            context.Fail([error!]);
            return ValueTask.CompletedTask;
        }

        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        lock (document.Operations)
        {
            document.Operations[key] = (operation, fragments);
        }

        context.Operation = operation;
        context.Fragments = fragments;
        return ValueTask.CompletedTask;
    }
}
