namespace Graph.Benchmarks.Storage;

/// <summary>Latency figures of one kind of query, in milliseconds.</summary>
public sealed record Latency(int Count, double MedianMs, double P99Ms, double MeanMs, double MaxMs)
{
    /// <summary>Summarizes per-query times (nearest-rank percentiles, the same rule the Kuzu script uses).</summary>
    public static Latency Of(IReadOnlyCollection<double> timesMs)
    {
        var sorted = timesMs.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        return new Latency(sorted.Length, At(0.5), At(0.99), sorted.Average(), sorted[^1]);
    }
}
