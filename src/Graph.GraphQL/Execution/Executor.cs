using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Execution;

/// <summary>
/// Executes an operation of a validated document (spec 6): picks the operation, coerces variables, runs the root
/// selection set (concurrently for queries, serially for mutations; for subscriptions a response stream) and returns data and errors.
/// </summary>
public static class Executor
{
    /// <summary>Executes the request described by <paramref name="args"/>. Never throws for request problems: they become errors.</summary>
    public static Task<ExecutionResult> ExecuteAsync(ExecutionArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // Resolver continuations must run inline for data loader batching; a UI or test synchronization context would post them.
        return SynchronizationContext.Current is null
            ? ExecuteCoreAsync(args)
            : Task.Run(() => ExecuteCoreAsync(args));
    }

    /// <summary>
    /// The spec's GetOperation: the named operation, or the only one. Returns null and sets <paramref name="error"/> when
    /// the choice is impossible.
    /// </summary>
    public static OperationDefinitionNode? GetOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        OperationDefinitionNode? found = null;
        error = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (found is not null)
                {
                    error = new GraphQLError("Must provide operation name if query contains multiple operations.", extensions: ErrorCodes.OperationNotFound);
                    return null;
                }

                found = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                found = operation;
                break;
            }
        }

        if (found is null)
        {
            error = operationName is null
                ? new GraphQLError("Must provide an operation.", extensions: ErrorCodes.OperationNotFound)
                : new GraphQLError($"Unknown operation named \"{operationName}\".", extensions: ErrorCodes.OperationNotFound);
        }

        return found;
    }

    private static async Task<ExecutionResult> ExecuteCoreAsync(ExecutionArgs args)
    {
        var operation = args.Operation;
        if (operation is null)
        {
            operation = GetOperation(args.Document, args.OperationName, out var operationError);
            if (operation is null)
            {
                return ExecutionResult.FromError(operationError!);
            }
        }

        var fragments = args.Document.GetFragments();

        var variables = args.CoercedVariableValues;
        if (variables is null)
        {
            var variableErrors = new List<GraphQLError>();
            variables = Values.CoerceVariableValues(args.Schema, operation.VariableDefinitions, args.VariableValues, variableErrors);
            if (variables is null)
            {
                return ExecutionResult.FromErrors(variableErrors);
            }
        }

        var operationName = operation.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        };
        var rootType = args.Schema.GetRootType(operationName);
        if (rootType is null)
        {
            return ExecutionResult.FromError(new GraphQLError($"Schema is not configured to execute {operationName} operation.", [operation]));
        }

        if (operation.Operation == OperationType.Subscription)
        {
            // Subscribe (6.2.3): the result carries the response stream, which outlives this call and the request's deadline.
            return await Subscribe.SubscribeAsync(args, operation, fragments, variables, rootType, args.CancellationToken).ConfigureAwait(false);
        }

        // A deadline set by the caller (the pipeline's, which already cancels args.CancellationToken) needs no timer here.
        var hasDeadline = args.DeadlineToken.CanBeCanceled;
        using var timeoutSource = args.Timeout is { } timeout && !hasDeadline
            ? CancellationTokenSource.CreateLinkedTokenSource(args.CancellationToken)
            : null;
        timeoutSource?.CancelAfter(args.Timeout!.Value);
        var token = timeoutSource?.Token ?? args.CancellationToken;

        var dataLoaders = args.DataLoaders ?? new DataLoaderContext(token);
        var context = new ExecutionContext(args.Schema, operation, fragments, variables, args, dataLoaders, token);

        object? data;
        try
        {
            ValueTask<object?> executing;
            dataLoaders.Enter();
            try
            {
                var plan = CollectFields.ForSelectionSet(context, rootType, operation.SelectionSet);
                executing = operation.Operation == OperationType.Mutation
                    ? context.ExecuteFieldsSerially(args.RootValue, plan)
                    : context.ExecuteFields(args.RootValue, null, plan);
            }
            finally
            {
                dataLoaders.Exit();
            }

            if (executing.IsCompletedSuccessfully)
            {
                data = executing.Result;
            }
            else if (token.CanBeCanceled)
            {
                data = await executing.AsTask().WaitAsync(token).ConfigureAwait(false);
            }
            else
            {
                data = await executing.ConfigureAwait(false);
            }
        }
        catch (GraphQLError error)
        {
            // A non-null root field failed: the whole data is null (spec 6.4.4).
            context.AddError(error);
            data = null;
        }
        catch (OperationCanceledException) when (hasDeadline
            ? args.DeadlineToken.IsCancellationRequested
            : timeoutSource is not null && timeoutSource.IsCancellationRequested && !args.CancellationToken.IsCancellationRequested)
        {
            return new ExecutionResult
            {
                IsDataPresent = true,
                Errors = [ErrorCodes.TimeoutError(args.Timeout)],
            };
        }
        catch (OperationCanceledException) when (args.CancellationToken.IsCancellationRequested)
        {
            return new ExecutionResult
            {
                IsDataPresent = true,
                Errors = [ErrorCodes.CancelledError()],
            };
        }

        var errors = context.Errors;
        return new ExecutionResult
        {
            Data = data as ResultMap,
            IsDataPresent = true,
            Errors = errors.Count == 0 ? null : errors,
        };
    }
}
