namespace Graph.GraphQL.Analysis;

/// <summary>
/// Limits a request must respect before it is executed. Each is off when null. Checked after validation; a request
/// over a limit fails with an error naming the limit and the measured value.
/// </summary>
public sealed record QueryLimits
{
    /// <summary>Deepest field nesting allowed (fragments expanded; the root fields are depth 1).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Most aliased fields allowed in an operation (fragments expanded).</summary>
    public int? MaxAliases { get; init; }

    /// <summary>
    /// Most field selections an operation may have once every fragment spread is replaced by its fragment (a fragment
    /// spread ten times counts ten times): refuses fragment fan-outs whose text is small but whose expansion is not.
    /// </summary>
    public long? MaxExpandedFields { get; init; }

    /// <summary>Most lexical tokens a document may have (enforced by the parser).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Highest estimated cost allowed (see <see cref="CostAnalyzer"/>).</summary>
    public double? MaxCost { get; init; }

    /// <summary>Size assumed for list fields without <c>@listSize</c> when computing cost.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>
    /// Arguments that size a list (or a connection's lists) for cost when a field has no <c>@listSize</c>: by default
    /// <c>first</c>, <c>last</c> and <c>limit</c>.
    /// </summary>
    public IReadOnlyList<string> SlicingArguments { get; init; } = ["first", "last", "limit"];
}

/// <summary>The <c>extensions.code</c> values of limit errors.</summary>
public static class LimitCodes
{
    /// <summary>Too deep.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>Too many aliases.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    /// <summary>Too many tokens.</summary>
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    /// <summary>Too many field selections once fragments are expanded.</summary>
    public const string MaxExpandedFieldsExceeded = "MAX_EXPANDED_FIELDS_EXCEEDED";

    /// <summary>Too costly.</summary>
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
}
