using Graph.Api.Schema.Connections;
using Graph.Core.Errors;
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
                var cursors = CursorList.For(c, "Query.actors");
                var after = cursors.Decode(Args.String(c, "after"), SortKeys.ActorMatchShape) is { } key
                    ? SortKeys.ActorSearchKey(key) ?? throw new InvalidArgumentException("after", $"Malformed cursor for after: its key {key} is not an actor's place in a search. Pass a cursor exactly as returned by this field, or omit after for the first page.")
                    : (ActorSearchKey?)null;
                var text = Args.String(c, "search")?.Trim() ?? "";
                var search = new ActorSearch(text, kinds, After: after);
                var total = await store.CountActorsAsync(search, c.CancellationToken).ConfigureAwait(false);

                // One more than the page (or, at the largest page, one probe after it) says whether another page follows.
                var matches = size == 0 || total == 0 ? [] : await store.SearchActorsAsync((search with { Limit = Math.Min(size + 1, ActorSearch.MaxLimit) }).Validated(), c.CancellationToken).ConfigureAwait(false);
                var hasNext = matches.Count > size
                    || (matches.Count == size && size == ActorSearch.MaxLimit && (await store.SearchActorsAsync(search with { Limit = 1, After = matches[^1].Key }, c.CancellationToken).ConfigureAwait(false)).Count > 0)
                    || (size == 0 && total > 0 && (after is null || (await store.SearchActorsAsync(search with { Limit = 1 }, c.CancellationToken).ConfigureAwait(false)).Count > 0));
                var page = matches.Take(size).ToList();

                // Something precedes the page when the list's first actor sorts at or before the cursor.
                var hasPrevious = after is { } a && total > 0
                    && (await store.SearchActorsAsync(search with { Limit = 1, After = null }, c.CancellationToken).ConfigureAwait(false)) is [var head, ..]
                    && head.Key.CompareTo(a) <= 0;
                GraphRequestContext.Of(c).Prime(c, page.Select(m => m.Actor));
                var edges = page.Select(m => new ConnectionEdge<Actor>(cursors.Encode(SortKeys.ActorMatch(m.Key)), m.Actor)).ToList();
                return Paging.Connection(edges, hasNext, hasPrevious, total);
            }));
}
