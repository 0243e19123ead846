using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Tests.Execution;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.DataLoader;

public sealed class DataLoaderTests
{
    private sealed class Counter
    {
        public int Calls;
        public readonly List<int[]> Batches = [];
    }

    private static GraphQLSchema Schema(Counter counter, bool asyncBatch)
    {
        async Task<IReadOnlyDictionary<int, string>> Load(IReadOnlyList<int> keys, CancellationToken token)
        {
            lock (counter)
            {
                counter.Calls++;
                counter.Batches.Add([.. keys]);
            }

            if (asyncBatch)
            {
                await Task.Delay(5, token);
            }

            var result = new Dictionary<int, string>();
            foreach (var key in keys)
            {
                result[key] = "owner-" + key;
            }

            return result;
        }

        ObjectType item = null!;
        item = new ObjectType("Item", t => t
            .Field("id", Scalars.Int)
            .Field("owner", Scalars.String, f => f.Resolve(async ctx =>
            {
                var loader = ctx.DataLoaders.GetOrAdd<int, string>("owners", Load);
                return await loader.LoadAsync((int)((Dictionary<string, object?>)ctx.Source!)["ownerId"]!);
            }))
            .Field("children", Types.List(Types.Ref("Item")), f => f.Resolve(async ctx =>
            {
                var loader = ctx.DataLoaders.GetOrAdd<int, string>("owners", Load);
                var id = (int)((Dictionary<string, object?>)ctx.Source!)["id"]!;
                await loader.LoadAsync(1000 + id);
                return new[] { Item(id * 10, id % 3), Item((id * 10) + 1, 7) };
            })));

        static Dictionary<string, object?> Item(int id, int ownerId) => new() { ["id"] = id, ["ownerId"] = ownerId };

        var items = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 100; i++)
        {
            items.Add(Item(i, i % 5));
        }

        return new GraphQLSchema(new ObjectType("Query", t => t.Field("items", Types.List(item), _ => items)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_list_of_100_objects_loading_through_one_loader_makes_one_batch_call(bool asyncBatch)
    {
        var counter = new Counter();
        var result = await Run.Async(Schema(counter, asyncBatch), "{ items { id owner } }");

        Assert.Null(result.Errors);
        Assert.Equal(1, counter.Calls);
        Assert.Equal([0, 1, 2, 3, 4], counter.Batches[0]);
        var items = (object?[])result.Data!["items"]!;
        Assert.Equal(100, items.Length);
        Assert.Equal("owner-3", ((ResultMap)items[8]!)["owner"]);
    }

    [Fact]
    public async Task Each_level_of_nesting_makes_one_batch()
    {
        var counter = new Counter();
        var result = await Run.Async(Schema(counter, asyncBatch: true), "{ items { owner children { owner children { id } } } }");

        Assert.Null(result.Errors);

        // Level 1: owners of items and the children lookups (1000+id) share one dispatch; level 2: the children's owners and lookups.
        Assert.Equal(2, counter.Calls);
        Assert.Equal(105, counter.Batches[0].Length);
    }

    [Fact]
    public async Task Repeated_keys_are_served_from_the_cache()
    {
        var calls = 0;
        var context = new DataLoaderContext();
        var loader = context.GetOrAdd<string, int>("len", (keys, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<IReadOnlyDictionary<string, int>>(keys.ToDictionary(k => k, k => k.Length));
        });

        var first = loader.LoadAsync("abc");
        var second = loader.LoadAsync("abc");
        Assert.Same(first, second);
        context.DispatchPending();
        Assert.Equal(3, await first);
        Assert.Equal(3, await loader.LoadAsync("abc"));
        Assert.Equal(1, calls);
        Assert.Equal(1, loader.BatchCount);
    }

    [Fact]
    public async Task Batch_failure_fails_every_waiting_load_and_is_not_cached()
    {
        var attempts = 0;
        var context = new DataLoaderContext();
        var loader = context.GetOrAddList<int, int>("flaky", (keys, _) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                throw new InvalidOperationException("store down");
            }

            return Task.FromResult<IReadOnlyList<int>>(keys.Select(k => k * 2).ToList());
        });

        var failing = loader.LoadAsync(1);
        context.DispatchPending();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("store down", error.Message);

        var retry = loader.LoadAsync(1);
        context.DispatchPending();
        Assert.Equal(2, await retry);
    }

    [Fact]
    public async Task Loads_outside_execution_are_dispatched_on_their_own()
    {
        var loader = new DataLoader<int, int>((keys, _) => Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => -k)));
        var values = await loader.LoadManyAsync([1, 2, 3]).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([-1, -2, -3], values);
    }
}
