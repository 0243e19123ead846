namespace Graph.GraphQL.Language;

/// <summary>Limits and switches for <see cref="Parser"/>.</summary>
public sealed class ParserOptions
{
    /// <summary>The most tokens a document may have; parsing stops with a syntax error past it. Null: no limit.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The default of <see cref="MaxNestingDepth"/>.</summary>
    public const int DefaultMaxNestingDepth = 500;

    /// <summary>
    /// The deepest nesting of selection sets, lists, input objects and list types a document may have; parsing stops
    /// with a syntax error past it. Null: limited only by the stack.
    /// </summary>
    public int? MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;

    /// <summary>Skip recording <see cref="Location"/> on nodes (slightly faster; errors then have no locations).</summary>
    public bool NoLocation { get; init; }
}
