using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Execution;

/// <summary>
/// Subscribe (spec 6.2.3): CreateSourceEventStream runs the root field's <see cref="FieldDefinition.Subscriber"/> once;
/// MapSourceToResponseEvent (in <see cref="ResponseStream"/>) executes the selection set for each event, with the event
/// as root value. Errors while creating the source stream are request errors: the result then has no stream.
/// </summary>
internal static class Subscribe
{
    public static async Task<ExecutionResult> SubscribeAsync(
        ExecutionArgs args,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType subscriptionType,
        CancellationToken token)
    {
        var dataLoaders = new DataLoaderContext(token);
        var context = new ExecutionContext(args.Schema, operation, fragments, variables, args, dataLoaders, token);
        IAsyncEnumerable<object?> source;
        try
        {
            source = await CreateSourceEventStreamAsync(context, subscriptionType, operation).ConfigureAwait(false);
        }
        catch (GraphQLError error)
        {
            return ExecutionResult.FromError(error);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return ExecutionResult.FromError(args.CancellationToken.IsCancellationRequested ? ErrorCodes.CancelledError() : ErrorCodes.TimeoutError(args.Timeout));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A resolver's bad-input errors are GraphQLErrors (caught above); anything else is hidden unless allowed.
            var message = args.ExposeExceptionMessages ? e.Message : "Unexpected error.";
            return ExecutionResult.FromError(new GraphQLError(message, [.. operation.SelectionSet.Selections.OfType<FieldNode>()], originalError: e, extensions: ErrorCodes.InternalServerError));
        }

        var streamToken = args.SubscriptionCancellationToken.CanBeCanceled ? args.SubscriptionCancellationToken : args.CancellationToken;
        return new ExecutionResult { Stream = new ResponseStream(source, args, operation, fragments, variables, subscriptionType, streamToken) };
    }

    /// <summary>CreateSourceEventStream (6.2.3.1): the single root field, its coerced arguments, its event stream.</summary>
    private static async Task<IAsyncEnumerable<object?>> CreateSourceEventStreamAsync(ExecutionContext context, ObjectType subscriptionType, OperationDefinitionNode operation)
    {
        var plan = CollectFields.ForSelectionSet(context, subscriptionType, operation.SelectionSet);
        if (plan.Fields.Length == 0)
        {
            throw new GraphQLError("The subscription selects no field.", [operation], extensions: ErrorCodes.Code(ErrorCodes.BadRequest));
        }

        var field = plan.Fields[0];
        if (field.Definition.Subscriber is not { } subscriber)
        {
            throw new GraphQLError($"The subscription field \"{field.Definition.Name}\" has no event stream.", field.Nodes, extensions: ErrorCodes.Code(ErrorCodes.BadRequest));
        }

        var path = new ResponsePath(null, field.ResponseKey, subscriptionType.Name);
        var resolveContext = new ResolveFieldContext(context, field, context.RootValue, path, field.GetArguments());
        try
        {
            return await subscriber(resolveContext).ConfigureAwait(false);
        }
        catch (GraphQLError error) when (error.Path is null)
        {
            throw GraphQLError.Located(error, field.Nodes, path.ToList());
        }
    }

    /// <summary>
    /// ExecuteSubscriptionEvent (6.2.3.2): the operation's selection set, executed normally (not serially) with the event
    /// as root value, under its own data loaders and the per-request timeout.
    /// </summary>
    internal static async Task<ExecutionResult> ExecuteEventAsync(
        object? sourceEvent,
        ExecutionArgs args,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType subscriptionType,
        CancellationToken streamToken)
    {
        using var timeout = args.Timeout is { } limit ? CancellationTokenSource.CreateLinkedTokenSource(streamToken) : null;
        timeout?.CancelAfter(args.Timeout!.Value);
        var token = timeout?.Token ?? streamToken;
        var eventArgs = new ExecutionArgs
        {
            Schema = args.Schema,
            Document = args.Document,
            Operation = operation,
            RootValue = sourceEvent,
            UserContext = args.UserContext,
            Services = args.Services,
            CancellationToken = token,
            ExposeExceptionMessages = args.ExposeExceptionMessages,
        };
        var dataLoaders = new DataLoaderContext(token);
        var context = new ExecutionContext(args.Schema, operation, fragments, variables, eventArgs, dataLoaders, token);
        object? data;
        try
        {
            ValueTask<object?> executing;
            dataLoaders.Enter();
            try
            {
                var plan = CollectFields.ForSelectionSet(context, subscriptionType, operation.SelectionSet);
                executing = context.ExecuteFields(sourceEvent, null, plan);
            }
            finally
            {
                dataLoaders.Exit();
            }

            data = executing.IsCompletedSuccessfully ? executing.Result : await executing.AsTask().WaitAsync(token).ConfigureAwait(false);
        }
        catch (GraphQLError error)
        {
            context.AddError(error);
            data = null;
        }
        catch (OperationCanceledException) when (timeout is not null && timeout.IsCancellationRequested && !streamToken.IsCancellationRequested)
        {
            return new ExecutionResult { IsDataPresent = true, Errors = [ErrorCodes.TimeoutError(args.Timeout)] };
        }

        var errors = context.Errors;
        return new ExecutionResult { Data = data as ResultMap, IsDataPresent = true, Errors = errors.Count == 0 ? null : errors };
    }
}
