using Graph.Api.Composition;
using Microsoft.Extensions.Configuration;

namespace Graph.Api.Tests.Hosting;

/// <summary>The <c>Graph:Embedded</c> settings reach the embedded store's options.</summary>
public sealed class EmbeddedSettingsTests
{
    private static GraphOptions Bind(Dictionary<string, string?> settings) =>
        GraphConfiguration.ReadGraphOptions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void The_index_snapshot_is_on_by_default_and_a_setting_turns_it_off()
    {
        Assert.True(GraphStoreFactory.EmbeddedOptions(Bind([])).IndexSnapshot);

        var off = GraphStoreFactory.EmbeddedOptions(Bind(new() { ["Graph:Embedded:IndexSnapshot"] = "false", ["Graph:Embedded:Path"] = "data/graph.db" }));
        Assert.False(off.IndexSnapshot);
        Assert.Equal(Path.GetFullPath("data/graph.db"), off.Path);
    }

    [Fact]
    public void A_value_that_is_not_true_or_false_is_refused_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => Bind(new() { ["Graph:Embedded:IndexSnapshot"] = "sometimes" }));
        Assert.Contains("IndexSnapshot", error.Message, StringComparison.Ordinal);
    }
}
