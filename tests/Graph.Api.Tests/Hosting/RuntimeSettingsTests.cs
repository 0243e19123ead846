using System.Text.Json;

namespace Graph.Api.Tests.Hosting;

/// <summary>The runtime settings the product's process starts with (its <c>runtimeconfig.json</c>, as built).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void Hot_code_is_optimized_without_the_runtimes_call_counting_delay()
    {
        // The storage benchmark's bulk-load figures are for this setting, and say so: `graph import` must run with it.
        var path = Path.ChangeExtension(typeof(Graph.Api.Composition.GraphOptions).Assembly.Location, ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs", out var delay), $"{path} has no call-counting delay.");
        Assert.Equal(0, delay.GetInt32());
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
