using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Type;

/// <summary>
/// Types configure themselves on first use, and one type can be shared by schemas built at the same time (the
/// introspection types are). A thread that asks while another is still configuring must wait for every field, not see
/// a half-built type: that once made "Unknown type __Type" appear when two tests built schemas together.
/// </summary>
public sealed class LazyConfigurationTests
{
    [Fact]
    public async Task An_object_type_read_while_another_thread_configures_it_has_all_its_fields()
    {
        using var started = new ManualResetEventSlim();
        var type = new ObjectType("Slow", t =>
        {
            t.Field("first", Scalars.String);
            started.Set();
            Thread.Sleep(200); // the other reader arrives while this configuration is half done
            t.Field("second", Scalars.String);
        });

        var configuring = Task.Run(() => type.Fields.Count);
        started.Wait(TestContext.Current.CancellationToken);
        var meanwhile = await Task.Run(() => type.Fields.Select(f => f.Name).ToList(), TestContext.Current.CancellationToken);

        Assert.Equal(["first", "second"], meanwhile);
        Assert.Equal(2, await configuring);
    }

    [Fact]
    public async Task A_union_read_while_another_thread_configures_it_has_all_its_members()
    {
        using var started = new ManualResetEventSlim();
        var a = new ObjectType("A", t => t.Field("a", Scalars.String));
        var b = new ObjectType("B", t => t.Field("b", Scalars.String));
        var union = new UnionType("AB", u =>
        {
            u.Types(a);
            started.Set();
            Thread.Sleep(200);
            u.Types(b);
        });

        var configuring = Task.Run(() => union.Types.Count);
        started.Wait(TestContext.Current.CancellationToken);
        var meanwhile = await Task.Run(() => union.Types.Select(t => t.Name).ToList(), TestContext.Current.CancellationToken);

        Assert.Equal(["A", "B"], meanwhile);
        Assert.Equal(2, await configuring);
    }

    [Fact]
    public void A_configuration_that_reads_its_own_fields_does_not_recurse()
    {
        ObjectType? self = null;
        self = new ObjectType("Self", t =>
        {
            t.Field("one", Scalars.String);
            Assert.NotNull(self!.Fields); // re-entered on the configuring thread: returns, does not loop
            t.Field("two", Scalars.String);
        });

        Assert.Equal(["one", "two"], self.Fields.Select(f => f.Name));
    }
}
