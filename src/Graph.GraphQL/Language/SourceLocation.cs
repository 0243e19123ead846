namespace Graph.GraphQL.Language;

/// <summary>A 1-based line and column in a <see cref="Source"/>, as reported in errors.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
