using System.Collections.Concurrent;

namespace Graph.GraphQL.DataLoader;

/// <summary>
/// The data loaders of one request and their dispatcher. Loads are queued while the executor is busy running
/// resolvers; when it has nothing left to run synchronously (every resolver of the level has been called and is
/// waiting), all queued keys are sent as one batch per loader.
/// </summary>
public sealed class DataLoaderContext
{
    // Created on first use: most requests use no loader, and every request makes a context.
    private readonly object _gate = new();
    private ConcurrentDictionary<string, object>? _loaders;
    private List<IDispatchable>? _pending;
    private int _activity;
    private int _dispatchScheduled;

    /// <summary>Creates a context for one request.</summary>
    public DataLoaderContext(CancellationToken cancellationToken = default) => CancellationToken = cancellationToken;

    /// <summary>Passed to every batch function.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The loader called <paramref name="name"/>, created on first use with <paramref name="batch"/>, which receives the
    /// distinct keys and returns the values it found (missing keys load as default).
    /// </summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch)
        where TKey : notnull
    {
        var loaders = Loaders();
        if (loaders.TryGetValue(name, out var existing))
        {
            return Cast<TKey, TValue>(name, existing);
        }

        return Cast<TKey, TValue>(name, loaders.GetOrAdd(name, _ => new DataLoader<TKey, TValue>(batch, this)));
    }

    /// <summary>Like <see cref="GetOrAdd{TKey,TValue}(string, Func{IReadOnlyList{TKey}, CancellationToken, Task{IReadOnlyDictionary{TKey, TValue}}})"/> for batch functions returning one value per key, in key order.</summary>
    public DataLoader<TKey, TValue> GetOrAddList<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyList<TValue>>> batch)
        where TKey : notnull
    {
        var loaders = Loaders();
        if (loaders.TryGetValue(name, out var existing))
        {
            return Cast<TKey, TValue>(name, existing);
        }

        return Cast<TKey, TValue>(name, loaders.GetOrAdd(name, _ => DataLoader<TKey, TValue>.FromList(batch, this)));
    }

    /// <summary>Sends every queued key now. The executor calls this itself; call it only when using loaders outside execution.</summary>
    public void DispatchPending()
    {
        while (true)
        {
            IDispatchable[] batch;
            lock (_gate)
            {
                if (_pending is not { Count: > 0 })
                {
                    return;
                }

                batch = [.. _pending];
                _pending.Clear();
            }

            foreach (var loader in batch)
            {
                loader.Dispatch();
            }
        }
    }

    /// <summary>Marks the start of synchronous work that may queue loads (resolvers running); dispatch waits for it.</summary>
    internal void Enter() => Interlocked.Increment(ref _activity);

    /// <summary>Marks the end of such work; the last one out dispatches what was queued.</summary>
    internal void Exit()
    {
        if (Interlocked.Decrement(ref _activity) == 0)
        {
            DispatchPending();
        }
    }

    internal void OnKeysQueued(IDispatchable loader)
    {
        lock (_gate)
        {
            (_pending ??= []).Add(loader);
        }

        // Outside any executor section (e.g. after a resolver awaited real I/O), nobody else will dispatch: schedule it.
        if (Volatile.Read(ref _activity) == 0 && Interlocked.Exchange(ref _dispatchScheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static state =>
                {
                    var context = (DataLoaderContext)state!;
                    Volatile.Write(ref context._dispatchScheduled, 0);
                    if (Volatile.Read(ref context._activity) == 0)
                    {
                        context.Enter();
                        context.Exit();
                    }
                },
                this);
        }
    }

    private ConcurrentDictionary<string, object> Loaders() =>
        Volatile.Read(ref _loaders) ?? Interlocked.CompareExchange(ref _loaders, new ConcurrentDictionary<string, object>(StringComparer.Ordinal), null) ?? _loaders!;

    private static DataLoader<TKey, TValue> Cast<TKey, TValue>(string name, object loader)
        where TKey : notnull
    {
        return loader as DataLoader<TKey, TValue>
            ?? throw new InvalidOperationException($"Data loader \"{name}\" already exists with different key or value types ({loader.GetType().Name}).");
    }
}

/// <summary>A loader with queued keys, as seen by the dispatcher.</summary>
internal interface IDispatchable
{
    void Dispatch();
}
