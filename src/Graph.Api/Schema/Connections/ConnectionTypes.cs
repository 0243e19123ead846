using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Connections;

/// <summary>
/// The connection family (Relay cursor connections): for a node type <c>X</c>, the <c>XConnection</c> and <c>XEdge</c>
/// object types, the reference a field returning a page uses, and the paging arguments.
/// </summary>
internal static class ConnectionTypes
{
    /// <summary>The field type of a page of <paramref name="node"/> items: <c>XConnection!</c>.</summary>
    public static NonNullType Of(string node) => Types.Ref(node + "Connection").NonNull();

    /// <summary>
    /// The type of a root field returning a page: <c>XConnection</c>, nullable, because its arguments come from the user and
    /// a bad one must fail that field alone (null with an error) rather than null the whole answer.
    /// </summary>
    public static TypeReference RootOf(string node) => Types.Ref(node + "Connection");

    /// <summary>Declares <c>XConnection</c>, a page of <paramref name="node"/> items.</summary>
    public static ObjectType Connection(string node) => ObjectType.Create<IConnection>(node + "Connection", t => t
        .Description($"A page of {node} items (Relay cursor connection).")
        .Field("edges", Types.NonNullList(Types.Ref(node + "Edge")), "The items of the page with their cursors.", c => c.EdgeObjects)
        .Field("nodes", Types.NonNullList(Types.Ref(node)), "The items of the page, without cursors.", c => c.NodeObjects)
        .Field("pageInfo", Types.Ref("PageInfo").NonNull(), "Where the page sits in the whole list.", c => c.PageInfo)
        .Field("totalCount", Scalars.Int.NonNull(), "How many items the whole list has.", c => c.TotalCount));

    /// <summary>Declares <c>XEdge</c>, one <paramref name="node"/> item of a page with its cursor.</summary>
    public static ObjectType Edge(string node) => ObjectType.Create<IConnectionEdge>(node + "Edge", t => t
        .Description($"One {node} of a page, with the cursor that points at it.")
        .Field("cursor", Scalars.String.NonNull(), "Opaque cursor of this item; pass it as `after` to continue after it.", e => e.Cursor)
        .Field("node", Types.Ref(node).NonNull(), $"The {node}.", e => e.Node));

    /// <summary>Adds the forward paging arguments <c>first</c> and <c>after</c>.</summary>
    public static FieldBuilder<T> PageArguments<T>(this FieldBuilder<T> field, int defaultSize = Paging.DefaultPageSize) => field
        .Argument("first", Scalars.Int, a => a.Description($"Page size, 0..{Paging.MaxPageSize}.").DefaultValue(defaultSize))
        .Argument("after", Scalars.String, a => a.Description("Cursor after which the page starts (an edge's `cursor` or `pageInfo.endCursor`)."));
}
