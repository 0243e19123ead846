using Graph.Core.Errors;

namespace Graph.Ingest.Synthetic;

/// <summary>
/// The shape of a synthetic graph: how many relationships, how many actors per edge, how often a new document
/// starts and how many edges carry dates. The same options and seed always give the same graph.
/// </summary>
public sealed record SyntheticGraphOptions
{
    public const int MaxRelationships = 10_000_000;

    /// <summary>Relationships to generate (each with one evidence).</summary>
    public int Relationships { get; init; } = 10_000;

    /// <summary>The seed: same seed, same graph.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Mean edges per actor (both ends counted); sets the number of actors.</summary>
    public double AverageDegree { get; init; } = 10;

    /// <summary>How many edges one synthetic document states.</summary>
    public int EdgesPerDocument { get; init; } = 50;

    /// <summary>Share of edges with a validFrom date (some of them also get a validTo).</summary>
    public double DatedFraction { get; init; } = 0.3;

    /// <summary>Share of edge ends chosen in proportion to degree (the rest go to new or uniformly drawn actors); higher means more skew.</summary>
    public double PreferentialBias { get; init; } = 0.75;

    /// <summary>Most relationships per streamed batch (a document is never split, so at least one document's edges); actors stream first in batches of this size.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>Checks the bounds; throws naming the option and what is allowed.</summary>
    public SyntheticGraphOptions Validated()
    {
        if (Relationships is < 1 or > MaxRelationships)
        {
            throw new InvalidArgumentException("relationships", $"relationships must be between 1 and {MaxRelationships:N0}; got {Relationships}.");
        }

        if (double.IsNaN(AverageDegree) || AverageDegree is < 2 or > 1_000)
        {
            throw new InvalidArgumentException("averageDegree", $"averageDegree must be between 2 and 1000; got {AverageDegree}.");
        }

        if (EdgesPerDocument is < 1 or > 100_000)
        {
            throw new InvalidArgumentException("edgesPerDocument", $"edgesPerDocument must be between 1 and 100000; got {EdgesPerDocument}.");
        }

        if (double.IsNaN(DatedFraction) || DatedFraction is < 0 or > 1)
        {
            throw new InvalidArgumentException("datedFraction", $"datedFraction must be between 0 and 1; got {DatedFraction}.");
        }

        if (double.IsNaN(PreferentialBias) || PreferentialBias is < 0 or > 0.95)
        {
            throw new InvalidArgumentException("preferentialBias", $"preferentialBias must be between 0 and 0.95; got {PreferentialBias}.");
        }

        if (BatchSize is < 1 or > 1_000_000)
        {
            throw new InvalidArgumentException("batchSize", $"batchSize must be between 1 and 1000000; got {BatchSize}.");
        }

        return this;
    }
}
