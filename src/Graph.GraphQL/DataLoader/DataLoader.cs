namespace Graph.GraphQL.DataLoader;

/// <summary>
/// Batches and caches loads by key for one request: every <see cref="LoadAsync"/> made while the executor runs a level
/// is collected, then the batch function is called once with the distinct keys. Repeated keys are served from the cache.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IDispatchable
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batch;
    private readonly DataLoaderContext _context;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Task<TValue>> _cache = [];
    private List<KeyValuePair<TKey, TaskCompletionSource<TValue>>> _queue = [];

    /// <summary>Creates a loader whose batch function returns the values found, by key.</summary>
    public DataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        DataLoaderContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _batch = batch;
        _context = context ?? new DataLoaderContext();
    }

    /// <summary>How many times the batch function has been called (for diagnostics and tests).</summary>
    public int BatchCount { get; private set; }

    /// <summary>Creates a loader whose batch function returns one value per key, in the order of the keys.</summary>
    public static DataLoader<TKey, TValue> FromList(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyList<TValue>>> batch,
        DataLoaderContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new DataLoader<TKey, TValue>(
            async (keys, token) =>
            {
                var values = await batch(keys, token).ConfigureAwait(false);
                if (values.Count != keys.Count)
                {
                    throw new InvalidOperationException($"The batch function returned {values.Count} values for {keys.Count} keys; it must return exactly one value per key, in key order.");
                }

                var map = new Dictionary<TKey, TValue>(keys.Count);
                for (var i = 0; i < keys.Count; i++)
                {
                    map[keys[i]] = values[i];
                }

                return map;
            },
            context);
    }

    /// <summary>The value for <paramref name="key"/>; loaded in the next batch unless cached.</summary>
    public Task<TValue> LoadAsync(TKey key)
    {
        bool first;
        TaskCompletionSource<TValue> source;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // Continuations run inline when the batch completes, so the next level queues its keys before the next dispatch.
            source = new TaskCompletionSource<TValue>(TaskCreationOptions.None);
            _cache[key] = source.Task;
            first = _queue.Count == 0;
            _queue.Add(new KeyValuePair<TKey, TaskCompletionSource<TValue>>(key, source));
        }

        if (first)
        {
            _context.OnKeysQueued(this);
        }

        return source.Task;
    }

    /// <summary>The values for several keys, in order.</summary>
    public Task<TValue[]> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var tasks = new List<Task<TValue>>();
        foreach (var key in keys)
        {
            tasks.Add(LoadAsync(key));
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>Puts a known value in the cache (no effect when the key is already cached).</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            _cache.TryAdd(key, Task.FromResult(value));
        }
    }

    /// <summary>Forgets a cached key (e.g. after a mutation changed it).</summary>
    public void Clear(TKey key)
    {
        lock (_gate)
        {
            _cache.Remove(key);
        }
    }

    void IDispatchable.Dispatch()
    {
        List<KeyValuePair<TKey, TaskCompletionSource<TValue>>> queue;
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                return;
            }

            queue = _queue;
            _queue = [];
            BatchCount++;
        }

        var keys = new TKey[queue.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = queue[i].Key;
        }

        Task<IReadOnlyDictionary<TKey, TValue>> task;
        try
        {
            task = _batch(keys, _context.CancellationToken);
        }
        catch (Exception e)
        {
            Complete(queue, null, e);
            return;
        }

        if (task.IsCompleted)
        {
            Complete(queue, task, null);
        }
        else
        {
            task.ContinueWith(
                (t, state) => Complete((List<KeyValuePair<TKey, TaskCompletionSource<TValue>>>)state!, t, null),
                queue,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private void Complete(List<KeyValuePair<TKey, TaskCompletionSource<TValue>>> queue, Task<IReadOnlyDictionary<TKey, TValue>>? task, Exception? error)
    {
        if (error is null && task is not null && !task.IsCompletedSuccessfully)
        {
            error = task.Exception?.InnerException ?? new TaskCanceledException(task);
        }

        // Resolvers continued by these results run inside an executor section, so their own loads wait for one dispatch.
        _context.Enter();
        try
        {
            var values = error is null ? task!.Result : null;
            foreach (var (key, source) in queue)
            {
                if (error is not null)
                {
                    lock (_gate)
                    {
                        _cache.Remove(key);
                    }

                    source.TrySetException(error);
                }
                else
                {
                    source.TrySetResult(values!.TryGetValue(key, out var value) ? value : default!);
                }
            }
        }
        finally
        {
            _context.Exit();
        }
    }
}
