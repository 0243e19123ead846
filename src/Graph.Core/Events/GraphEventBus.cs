using System.Threading.Channels;

namespace Graph.Core.Events;

/// <summary>
/// The in-process event bus: the store's writers publish <see cref="GraphEvent"/>s after they commit, subscribers
/// (the API's subscriptions) each get their own bounded queue. Publishing never waits for a subscriber: one whose
/// queue is full is ended with <see cref="SlowSubscriberException"/> rather than slowing writers or growing without bound.
/// </summary>
public sealed class GraphEventBus
{
    /// <summary>Events one subscriber may have waiting before it is ended.</summary>
    public const int DefaultQueueCapacity = 1_024;

    private readonly object _gate = new();
    private ISubscriber[] _subscribers = [];

    /// <summary>How many subscriptions are live (for tests and diagnostics: zero once every client has gone).</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>True when anyone listens: writers skip the work of describing their changes when nobody does.</summary>
    public bool HasSubscribers => SubscriberCount > 0;

    /// <summary>Hands the event to every subscriber whose filter accepts it.</summary>
    public void Publish(GraphEvent graphEvent)
    {
        ArgumentNullException.ThrowIfNull(graphEvent);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Offer(graphEvent);
        }
    }

    /// <summary>
    /// Starts a subscription to events of type <typeparamref name="T"/> passing <paramref name="filter"/>, registered at
    /// once; disposing it (or its enumerator) removes it.
    /// </summary>
    public EventSubscription<T> Subscribe<T>(Func<T, bool>? filter = null, int capacity = DefaultQueueCapacity)
        where T : GraphEvent
    {
        var subscription = new EventSubscription<T>(this, filter, capacity);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    internal void Remove(ISubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscriber))];
        }
    }

    internal interface ISubscriber
    {
        void Offer(GraphEvent graphEvent);
    }
}

/// <summary>One subscriber's queue of events: enumerate it once; dispose it to leave the bus.</summary>
public sealed class EventSubscription<T> : IAsyncEnumerable<object?>, IAsyncDisposable, GraphEventBus.ISubscriber
    where T : GraphEvent
{
    private readonly GraphEventBus _bus;
    private readonly Func<T, bool>? _filter;
    private readonly Channel<T> _queue;
    private int _disposed;

    internal EventSubscription(GraphEventBus bus, Func<T, bool>? filter, int capacity)
    {
        _bus = bus;
        _filter = filter;
        _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    void GraphEventBus.ISubscriber.Offer(GraphEvent graphEvent)
    {
        if (graphEvent is not T typed || (_filter is not null && !_filter(typed)))
        {
            return;
        }

        if (!_queue.Writer.TryWrite(typed) && Volatile.Read(ref _disposed) == 0)
        {
            _queue.Writer.TryComplete(new SlowSubscriberException(_queue.Reader.Count));
            _bus.Remove(this);
        }
    }

    /// <summary>The events, as they are published, until disposed.</summary>
    public async IAsyncEnumerator<object?> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Leaves the bus; events still queued are dropped.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _bus.Remove(this);
            _queue.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A subscriber fell so far behind that its queue filled: its subscription was ended.</summary>
public sealed class SlowSubscriberException(int queued)
    : Exception($"The subscription was ended because {queued} events were waiting for it: the client reads more slowly than the graph changes. Subscribe again with a narrower filter.");
