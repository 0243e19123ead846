using System.Globalization;
using System.Text;
using Graph.Core.Errors;

namespace Graph.Api.Schema.Connections;

/// <summary>A Relay page of a list: the edges with their cursors, where the page sits, and the list's full size.</summary>
public sealed record Connection<T>(IReadOnlyList<ConnectionEdge<T>> Edges, PageInfo PageInfo, int TotalCount) : IConnection
{
    /// <summary>The nodes of the page, without cursors.</summary>
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    IEnumerable<object> IConnection.EdgeObjects => Edges;

    IEnumerable<object?> IConnection.NodeObjects => Edges.Select(e => (object?)e.Node);
}

/// <summary>One item of a page and the cursor that points at it.</summary>
public sealed record ConnectionEdge<T>(string Cursor, T Node) : IConnectionEdge
{
    object? IConnectionEdge.Node => Node;
}

/// <summary>A connection seen without its item type, as the schema's connection types read it.</summary>
public interface IConnection
{
    /// <summary>The edges of the page.</summary>
    IEnumerable<object> EdgeObjects { get; }

    /// <summary>The nodes of the page.</summary>
    IEnumerable<object?> NodeObjects { get; }

    /// <summary>Where the page sits.</summary>
    PageInfo PageInfo { get; }

    /// <summary>The size of the whole list.</summary>
    int TotalCount { get; }
}

/// <summary>A connection edge seen without its item type.</summary>
public interface IConnectionEdge
{
    /// <summary>The cursor.</summary>
    string Cursor { get; }

    /// <summary>The item.</summary>
    object? Node { get; }
}

/// <summary>Relay page information.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>
/// Forward paging (<c>first</c>, <c>after</c>) with opaque offset cursors: base64 of <c>cursor:N</c>. Arguments are
/// checked with messages that say what is allowed.
/// </summary>
public static class Paging
{
    /// <summary>The page size when <c>first</c> is not given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxPageSize = 1_000;

    /// <summary>The cursor of the item at <paramref name="offset"/>.</summary>
    public static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:" + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset of the first item after the cursor (0 without one), or an error naming the argument.</summary>
    public static int Start(string? after)
    {
        if (after is null)
        {
            return 0;
        }

        if (GlobalIdText(after) is { } text && text.StartsWith("cursor:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset + 1;
        }

        throw new InvalidArgumentException("after", $"Malformed cursor '{after}' for after. Pass a cursor exactly as returned in an edge's 'cursor' or in pageInfo.endCursor.");
    }

    /// <summary>The page size, checked against 0..<see cref="MaxPageSize"/>.</summary>
    public static int Size(int? first, int defaultSize = DefaultPageSize)
    {
        var size = first ?? defaultSize;
        if (size is < 0 or > MaxPageSize)
        {
            throw new InvalidArgumentException("first", $"first must be between 0 and {MaxPageSize}; got {size}.");
        }

        return size;
    }

    /// <summary>A page of an in-memory list.</summary>
    public static Connection<T> Page<T>(IReadOnlyList<T> all, int? first, string? after, int defaultSize = DefaultPageSize)
    {
        var size = Size(first, defaultSize);
        var start = Math.Min(Start(after), all.Count);
        var count = Math.Min(size, all.Count - start);
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = all[start + i];
        }

        return Slice(items, start, all.Count);
    }

    /// <summary>A page from a slice that starts at <paramref name="offset"/> of a list of <paramref name="totalCount"/> items.</summary>
    public static Connection<T> Slice<T>(IReadOnlyList<T> items, int offset, int totalCount)
    {
        var edges = new ConnectionEdge<T>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            edges[i] = new ConnectionEdge<T>(Cursor(offset + i), items[i]);
        }

        var info = new PageInfo(
            HasNextPage: offset + items.Count < totalCount,
            HasPreviousPage: offset > 0,
            StartCursor: edges.Length > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Length > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, info, totalCount);
    }

    private static string? GlobalIdText(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
