using Graph.Core.Errors;
using Graph.GraphQL.Execution;

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
/// Forward paging (<c>first</c>, <c>after</c>) with opaque keyed cursors, checked with messages that say what is allowed.
/// <para>
/// Every list has a total order that ends in a unique id, and a cursor holds the sort key of its item, so <c>after</c>
/// resumes strictly after that key (keyset paging): items written before or after the cursor between two pages are
/// neither skipped nor repeated, and a removed item's cursor still resumes where it was.
/// </para>
/// <para>
/// Format <c>v1</c>: base64url (RFC 4648 §5, no padding) of the UTF-8 JSON array
/// <c>["v1", list, scope, [key parts]]</c>, where <c>list</c> is the field's schema coordinate (<c>Query.actors</c>,
/// <c>Actor.relationships</c>, <c>Relationship.evidence</c>), <c>scope</c> is 12 base64url characters of the SHA-256
/// of the parent's id and the field's other arguments, and the key parts are whole numbers and strings
/// (<see cref="SortKey"/>). A cursor of another list or scope, of another version, or not a cursor at all is a
/// BAD_USER_INPUT error on <c>after</c> naming the list it belongs to (<see cref="CursorList.Decode"/>). Clients must
/// treat cursors as opaque: the format may change with its version.
/// </para>
/// </summary>
public static class Paging
{
    /// <summary>The page size when <c>first</c> is not given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxPageSize = 1_000;

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

    /// <summary>
    /// A page of an in-memory list, in the order of <paramref name="keyOf"/> (the list is sorted by it, so the order
    /// is the key's whatever order the items came in): the items strictly after the <c>after</c> cursor.
    /// </summary>
    public static Connection<T> Page<T>(IResolveFieldContext context, CursorList list, IReadOnlyList<T> all, Func<T, SortKey> keyOf, int defaultSize = DefaultPageSize)
    {
        var size = Size(Args.Int(context, "first"), defaultSize);
        var keyed = new (SortKey Key, T Item)[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            keyed[i] = (keyOf(all[i]), all[i]);
        }

        Array.Sort(keyed, static (x, y) => x.Key.CompareTo(y.Key));
        // An empty list has no key to take the shape from; then any well-formed cursor of this list is accepted.
        var after = list.Decode(Args.String(context, "after"), keyed.Length > 0 ? keyed[0].Key.Shape : null);
        var start = after is null ? 0 : FirstAfter(keyed, after);
        var count = Math.Min(size, keyed.Length - start);
        var edges = new ConnectionEdge<T>[count];
        for (var i = 0; i < count; i++)
        {
            var (key, item) = keyed[start + i];
            edges[i] = new ConnectionEdge<T>(list.Encode(key), item);
        }

        return Connection(edges, hasNextPage: start + count < keyed.Length, hasPreviousPage: start > 0, keyed.Length);
    }

    /// <summary>A page whose items a store chose: their cursors, and where the page sits.</summary>
    public static Connection<T> Connection<T>(IReadOnlyList<ConnectionEdge<T>> edges, bool hasNextPage, bool hasPreviousPage, int totalCount)
    {
        var info = new PageInfo(
            HasNextPage: hasNextPage,
            HasPreviousPage: hasPreviousPage,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, info, totalCount);
    }

    /// <summary>Index of the first item whose key is greater than <paramref name="after"/> (binary search).</summary>
    private static int FirstAfter<T>((SortKey Key, T Item)[] keyed, SortKey after)
    {
        var (low, high) = (0, keyed.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (keyed[middle].Key.CompareTo(after) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
