using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Execution;

/// <summary>
/// A subscription's response stream (spec 6.2.3.2, MapSourceToResponseEvent): one <see cref="ExecutionResult"/> per
/// source event, in order. Enumerate it once; disposing it (or cancelling the token it was made with) disposes the
/// source stream, so a client that goes away leaves no work behind, whether or not the stream was ever enumerated.
/// </summary>
public sealed class ResponseStream : IAsyncEnumerable<ExecutionResult>, IAsyncDisposable
{
    private readonly IAsyncEnumerable<object?> _source;
    private readonly ExecutionArgs _args;
    private readonly OperationDefinitionNode _operation;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly ObjectType _subscriptionType;
    private readonly CancellationToken _token;
    private int _enumerated;
    private int _disposed;

    internal ResponseStream(
        IAsyncEnumerable<object?> source,
        ExecutionArgs args,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType subscriptionType,
        CancellationToken token)
    {
        _source = source;
        _args = args;
        _operation = operation;
        _fragments = fragments;
        _variables = variables;
        _subscriptionType = subscriptionType;
        _token = token;
    }

    /// <summary>The results, one per event; ends when the source ends, the token is cancelled or the stream is disposed.</summary>
    public IAsyncEnumerator<ExecutionResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("A subscription's response stream can be enumerated once.");
        }

        return EnumerateAsync(cancellationToken);
    }

    /// <summary>Ends the subscription: disposes the source stream when it was never enumerated (an enumerator disposes its own).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _source is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerator<ExecutionResult> EnumerateAsync(CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_token, cancellationToken) : null;
        var token = linked?.Token ?? _token;
        var source = _source.GetAsyncEnumerator(token);
        try
        {
            while (true)
            {
                object? sourceEvent;
                GraphQLError? failure = null;
                try
                {
                    if (!await source.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    sourceEvent = source.Current;
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    yield break;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The source failed: the stream ends with that error (6.2.3.2), its message hidden unless allowed.
                    sourceEvent = null;
                    failure = new GraphQLError(_args.ExposeExceptionMessages ? e.Message : "The subscription's event source failed.", originalError: e, extensions: ErrorCodes.InternalServerError);
                }

                if (failure is not null)
                {
                    yield return ExecutionResult.FromError(failure);
                    yield break;
                }

                ExecutionResult result;
                try
                {
                    result = await Subscribe.ExecuteEventAsync(sourceEvent, _args, _operation, _fragments, _variables, _subscriptionType, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    yield break;
                }

                yield return result;
            }
        }
        finally
        {
            Interlocked.Exchange(ref _disposed, 1);
            await source.DisposeAsync().ConfigureAwait(false);
            if (_source is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
