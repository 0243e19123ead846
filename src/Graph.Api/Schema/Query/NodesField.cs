using Graph.Api.Schema.Connections;
using Graph.Core.Errors;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>nodes(ids:)</c> field: several objects by global id.</summary>
internal static class NodesField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("nodes", Types.NonNull(Types.List(Types.Ref("Node"))), f => f
            .Description("Several objects by global id, in the order asked; null in place of an id that matches nothing.")
            .Argument("ids", Types.NonNullList(Scalars.ID), a => a.Description("Global ids, at most 1000."))
            .ResolveAsync(async (_, c) =>
            {
                var ids = Args.List<string>(c, "ids") ?? [];
                if (ids.Count > Paging.MaxPageSize)
                {
                    throw new InvalidArgumentException("ids", $"nodes takes at most {Paging.MaxPageSize} ids; got {ids.Count}.");
                }

                var results = new List<object?>(ids.Count);
                for (var i = 0; i < ids.Count; i++)
                {
                    results.Add(await NodeField.LoadAsync(c, ids[i], $"ids[{i}]", throwWhenMissing: false).ConfigureAwait(false));
                }

                return results;
            }));
}
