namespace Graph.GraphQL.Language;

/// <summary>
/// The text of a GraphQL document with a name for error messages; turns character offsets into line/column.
/// </summary>
public sealed class Source
{
    private int[]? _lineStarts;

    public Source(string body, string name = "GraphQL request", SourceLocation? locationOffset = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        Name = name;
        LocationOffset = locationOffset ?? new SourceLocation(1, 1);
        if (LocationOffset.Line <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(locationOffset), "line in locationOffset is 1-indexed and must be positive.");
        }

        if (LocationOffset.Column <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(locationOffset), "column in locationOffset is 1-indexed and must be positive.");
        }
    }

    public string Body { get; }

    public string Name { get; }

    /// <summary>Where this body starts within a larger file (1-based line and column), for embedded documents.</summary>
    public SourceLocation LocationOffset { get; }

    /// <summary>The 1-based line and column of a character offset, counting \n, \r\n and \r as line ends like the spec.</summary>
    public SourceLocation GetLocation(int position)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Body);
        var index = Array.BinarySearch(starts, position);
        var line = index >= 0 ? index : ~index - 1;
        return new SourceLocation(line + 1, position - starts[line] + 1);
    }

    private static int[] ComputeLineStarts(string body)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
