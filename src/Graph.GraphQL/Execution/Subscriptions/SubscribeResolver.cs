namespace Graph.GraphQL.Execution;

/// <summary>
/// ResolveFieldEventStream (spec 6.2.3.1): given the subscription root field's context (arguments, user context,
/// services), returns the source stream of events. The stream should register for events when this returns (not on
/// first enumeration), so nothing published after the subscription starts is missed; if it is
/// <see cref="IAsyncDisposable"/> it is disposed when the subscription ends, enumerated or not.
/// </summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscribeResolver(IResolveFieldContext context);
