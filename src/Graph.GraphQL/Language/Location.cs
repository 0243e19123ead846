namespace Graph.GraphQL.Language;

/// <summary>
/// The span of source text a node was parsed from: character offsets <see cref="Start"/> (inclusive) and
/// <see cref="End"/> (exclusive) into <see cref="Source"/>. A struct so that parsing allocates nothing for it.
/// </summary>
public readonly struct Location
{
    public Location(int start, int end, Source source)
    {
        Start = start;
        End = end;
        Source = source;
    }

    public int Start { get; }

    public int End { get; }

    public Source Source { get; }

    /// <summary>The line and column where the node starts.</summary>
    public SourceLocation StartLocation => Source.GetLocation(Start);

    public override string ToString() => $"{Start}..{End}";
}
