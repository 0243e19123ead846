using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Core.Tests;

public sealed class DegreeStatsTests
{
    private static (ActorId, int) D(string id, int degree) => (ActorId.Parse(id), degree);

    [Fact]
    public void Statistics_of_no_actors_are_all_zero()
    {
        var stats = DegreeStats.Of([]);
        Assert.Equal((0, 0, 0.0, 0.0), (stats.Min, stats.Max, stats.Mean, stats.Median));
        Assert.Empty(stats.Top);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two_and_ties_in_the_top_go_by_id()
    {
        var stats = DegreeStats.Of([D("state:c", 4), D("state:a", 1), D("state:b", 4), D("state:d", 2)]);
        Assert.Equal((1, 4, 2.75, 3.0), (stats.Min, stats.Max, stats.Mean, stats.Median));
        Assert.Equal(["state:b", "state:c", "state:d", "state:a"], stats.Top.Select(t => t.Actor.Value));
    }

    [Fact]
    public void The_top_keeps_the_ten_best_connected()
    {
        var stats = DegreeStats.Of(Enumerable.Range(1, 15).Select(i => D($"state:s{i:00}", i)));
        Assert.Equal(DegreeStats.TopCount, stats.Top.Count);
        Assert.Equal(15, stats.Top[0].Degree);
        Assert.Equal(8.0, stats.Median);
    }
}
