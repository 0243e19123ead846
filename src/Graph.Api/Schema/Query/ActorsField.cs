using Graph.Api.Schema.Connections;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>actors(search:, kinds:)</c> field: actors whose names or aliases match, a page at a time.</summary>
internal static class ActorsField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("actors", ConnectionTypes.RootOf("Actor"), f => f
            .Description("Actors whose names or aliases match the search: exact matches first, then prefixes, then substrings; ties by name. Without `search`, every actor (optionally of some kinds).")
            .Argument("search", Scalars.String, a => a.Description("Text to look for in names and aliases, ignoring case and accents."))
            .Argument("kinds", Types.List(Types.Ref("ActorKind").NonNull()), a => a.Description("Only actors of these kinds."))
            .PageArguments()
            .ResolveAsync(async (_, c) =>
            {
                var store = GraphRequestContext.Of(c).Store;
                var kinds = Args.List<NodeKind>(c, "kinds") is { Count: > 0 } k ? k.ToHashSet() : null;
                var size = Paging.Size(Args.Int(c, "first"));
                var offset = Paging.Start(Args.String(c, "after"));
                var text = Args.String(c, "search")?.Trim() ?? "";
                var total = await store.CountActorsAsync(new ActorSearch(text, kinds), c.CancellationToken).ConfigureAwait(false);
                if (size == 0 || offset >= total)
                {
                    return Paging.Slice(Array.Empty<Actor>(), Math.Min(offset, total), total);
                }

                var matches = await store.SearchActorsAsync(new ActorSearch(text, kinds, size, offset).Validated(), c.CancellationToken).ConfigureAwait(false);
                var actors = matches.Select(m => m.Actor).ToList();
                GraphRequestContext.Of(c).Prime(c, actors);
                return Paging.Slice(actors, offset, total);
            }));
}
