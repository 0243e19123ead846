using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>The query root: lookups, searches, traversals and reports.</summary>
internal sealed partial class ActorSchemaBuilder
{
    /// <summary>Most evidence hits a search collects before paging.</summary>
    private const int MaxEvidenceHits = 1_000;

    private ObjectType CreateQueryType() => new("Query", t => AddIngestionQueries(t
        .Description("Read the graph: find actors, walk their relationships, trace paths, and read the evidence behind every edge.")
        .Field("node", _node, f => f
            .Description("Any object by its global id (an actor, a relationship or a document). An unknown id is a NOT_FOUND error; a malformed one BAD_USER_INPUT.")
            .Argument("id", Scalars.ID.NonNull(), a => a.Description("A global id, as returned in an `id` field."))
            .Resolve(Run(async c => await LoadNodeAsync(c, (string)Args.Raw(c, "id")!, "id", throwWhenMissing: true).ConfigureAwait(false))))
        .Field("nodes", Types.NonNull(Types.List(_node)), f => f
            .Description("Several objects by global id, in the order asked; null in place of an id that matches nothing.")
            .Argument("ids", Types.NonNullList(Scalars.ID), a => a.Description("Global ids, at most 1000."))
            .Resolve(Run(async c =>
            {
                var ids = Args.List<string>(c, "ids") ?? [];
                if (ids.Count > Paging.MaxPageSize)
                {
                    throw new InvalidArgumentException("ids", $"nodes takes at most {Paging.MaxPageSize} ids; got {ids.Count}.");
                }

                var results = new List<object?>(ids.Count);
                for (var i = 0; i < ids.Count; i++)
                {
                    results.Add(await LoadNodeAsync(c, ids[i], $"ids[{i}]", throwWhenMissing: false).ConfigureAwait(false));
                }

                return results;
            })))
        .Field("actor", _actor, f => f
            .Description("One actor, by id or by name. Give exactly one of `id` and `name`. An unknown actor is a NOT_FOUND error whose `extensions.suggestions` lists close names.")
            .Argument("id", Scalars.ID, a => a.Description("The actor's global id or readable id (`state:russia`)."))
            .Argument("name", Scalars.String, a => a.Description("A name or alias, ignoring case and accents (`pyongyang` finds North Korea)."))
            .Resolve(Run(async c =>
            {
                var id = Args.String(c, "id");
                var name = Args.String(c, "name");
                if ((id is null) == (name is null))
                {
                    throw new InvalidArgumentException(id is null ? "id" : "name", "actor takes exactly one of 'id' (e.g. \"state:russia\") and 'name' (e.g. \"Russia\").");
                }

                var store = GraphRequestContext.Of(c).Store;
                if (id is not null)
                {
                    var actorId = ActorReferences.ParseId(id, "id")
                        ?? throw new InvalidArgumentException("id", $"Malformed actor id '{id}'. Expected a global id or 'kind:slug' (e.g. 'state:north-korea'); to look up by name use actor(name: ...).");
                    return await ActorReferences.ResolveAsync(store, actorId.Value, "id", c.CancellationToken).ConfigureAwait(false);
                }

                return await ActorReferences.ResolveAsync(store, name!, "name", c.CancellationToken).ConfigureAwait(false);
            })))
        .Field("actors", Connection("Actor", _actor), f =>
        {
            f.Description("Actors whose names or aliases match the search: exact matches first, then prefixes, then substrings; ties by name. Without `search`, every actor (optionally of some kinds).")
                .Argument("search", Scalars.String, a => a.Description("Text to look for in names and aliases, ignoring case and accents."))
                .Argument("kinds", Types.List(_actorKind.NonNull()), a => a.Description("Only actors of these kinds."));
            PageArguments(f);
            f.Resolve(Run(async c =>
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
        })
        .Field("neighbourhood", _subgraph.NonNull(), f =>
        {
            f.Description($"The actors within `depth` hops of an actor and the edges between them, breadth first, shaped for drawing. Stops adding actors at `limit` and says so in `truncated`.")
                .Argument("actor", Scalars.ID.NonNull(), a => a.Description("The centre: a global id, a readable id (`state:russia`) or a name."))
                .Argument("depth", Scalars.Int, a => a.Description($"Hops, 1..{NeighbourhoodRequest.MaxDepth}.").DefaultValue(1));
            FilterArguments(f, withDirection: true);
            f.Argument("limit", Scalars.Int, a => a.Description($"Most actors to return, 1..{NeighbourhoodRequest.MaxNodeLimit}.").DefaultValue(500));
            f.Resolve(Run(async c =>
            {
                var context = GraphRequestContext.Of(c);
                var depth = Args.Int(c, "depth") ?? 1;
                var limit = Args.Int(c, "limit") ?? 500;
                var filter = Args.Filter(c);
                var center = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "actor")!, "actor", c.CancellationToken).ConfigureAwait(false);
                var subgraph = await context.Store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center.Id, depth, filter, limit).Validated(), c.CancellationToken).ConfigureAwait(false);
                context.Prime(c, subgraph.Nodes.Select(n => n.Actor));
                return DrawGraph.From(subgraph);
            }));
        })
        .Field("paths", _pathResult.NonNull(), f =>
        {
            f.Description("Paths between two actors (edges followed either way unless `direction` says otherwise), by `mode`, bounded by `maxDepth` and `limit`.")
                .Argument("from", Scalars.ID.NonNull(), a => a.Description("The start: a global id, a readable id or a name."))
                .Argument("to", Scalars.ID.NonNull(), a => a.Description("The end: a global id, a readable id or a name."))
                .Argument("maxDepth", Scalars.Int, a => a.Description($"Most hops, 1..{PathRequest.MaxAllowedDepth}.").DefaultValue(4))
                .Argument("mode", _pathMode, a => a.Description("Which paths to return.").DefaultValue(PathMode.Shortest))
                .Argument("limit", Scalars.Int, a => a.Description($"Most paths to return, 1..{PathRequest.MaxLimit}.").DefaultValue(10));
            FilterArguments(f, withDirection: true, fromName: "windowFrom", toName: "windowTo");
            f.Resolve(Run(async c =>
            {
                var context = GraphRequestContext.Of(c);
                var maxDepth = Args.Int(c, "maxDepth") ?? 4;
                var mode = Args.Enum<PathMode>(c, "mode") ?? PathMode.Shortest;
                var limit = Args.Int(c, "limit") ?? 10;
                var filter = Args.Filter(c, fromName: "windowFrom", toName: "windowTo");
                var from = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "from")!, "from", c.CancellationToken).ConfigureAwait(false);
                var to = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "to")!, "to", c.CancellationToken).ConfigureAwait(false);
                var result = await context.Store.FindPathsAsync(new PathRequest(from.Id, to.Id, maxDepth, mode, filter, limit).Validated(), c.CancellationToken).ConfigureAwait(false);
                context.Prime(c, result.Paths.SelectMany(p => p.Actors));
                return new PathQueryResult(result, from, to);
            }));
        })
        .Field("commonNeighbours", Connection("CommonNeighbour", _commonNeighbour), f =>
        {
            f.Description("Actors linked to both `a` and `b`, by id, with the edges on each side.")
                .Argument("a", Scalars.ID.NonNull(), a => a.Description("The first actor: a global id, a readable id or a name."))
                .Argument("b", Scalars.ID.NonNull(), a => a.Description("The second actor: a global id, a readable id or a name."));
            FilterArguments(f, withDirection: false);
            PageArguments(f);
            f.Resolve(Run(async c =>
            {
                var context = GraphRequestContext.Of(c);
                var filter = Args.Filter(c);
                var a = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "a")!, "a", c.CancellationToken).ConfigureAwait(false);
                var b = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "b")!, "b", c.CancellationToken).ConfigureAwait(false);
                var common = await context.Store.GetCommonNeighboursAsync(a.Id, b.Id, filter, c.CancellationToken).ConfigureAwait(false);
                context.Prime(c, common.Select(n => n.Actor));
                return Paging.Page(common, Args.Int(c, "first"), Args.String(c, "after"));
            }));
        })
        .Field("timeline", Connection("Relationship", _relationship), f =>
        {
            f.Description("An actor's dated relationships, oldest first (then by type and the other actor), optionally within a window. Each edge's `date` is what it is ordered by.")
                .Argument("actor", Scalars.ID.NonNull(), a => a.Description("The actor: a global id, a readable id or a name."))
                .Argument("from", _partialDate, a => a.Description("Start of the window (its first day counts)."))
                .Argument("to", _partialDate, a => a.Description("End of the window (its last day counts)."));
            PageArguments(f);
            f.Resolve(Run(async c =>
            {
                var context = GraphRequestContext.Of(c);
                var from = Args.Date(c, "from");
                var to = Args.Date(c, "to");
                new RelationshipFilter { From = from, To = to }.Validated();
                var actor = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "actor")!, "actor", c.CancellationToken).ConfigureAwait(false);
                var edges = await context.Store.GetTimelineAsync(actor.Id, from, to, c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(edges.Select(e => new RelationshipView(e, actor.Id)).ToList(), Args.Int(c, "first"), Args.String(c, "after"));
            }));
        })
        .Field("documents", Connection("Document", _document), f =>
        {
            f.Description("The source documents, by id.");
            PageArguments(f);
            f.Resolve(Run(async c =>
            {
                var documents = await GraphRequestContext.Of(c).Store.GetDocumentsAsync(c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(documents, Args.Int(c, "first"), Args.String(c, "after"));
            }));
        })
        .Field("document", _document, f => f
            .Description("One document by id. An unknown id is a NOT_FOUND error.")
            .Argument("id", Scalars.ID.NonNull(), a => a.Description("`doc:slug` or the document's global id."))
            .Resolve(Run(async c =>
            {
                var id = Args.ParseDocumentId((string)Args.Raw(c, "id")!, "id");
                return await GraphRequestContext.Of(c).Store.GetDocumentAsync(id, c.CancellationToken).ConfigureAwait(false)
                    ?? throw new NotFoundException("document", id.Value);
            })))
        .Field("evidence", Connection("Evidence", _evidence), f =>
        {
            f.Description("Evidence whose quote contains the text (ignoring case and accents), newest document first; each with its relationship.")
                .Argument("search", Scalars.String.NonNull(), a => a.Description("Text to find in quotes, at least 2 characters."));
            PageArguments(f);
            f.Resolve(Run(async c =>
            {
                var text = ((string)Args.Raw(c, "search")!).Trim();
                if (text.Length < 2)
                {
                    throw new InvalidArgumentException("search", $"search must have at least 2 characters; got '{text}'.");
                }

                var hits = await GraphRequestContext.Of(c).Store.SearchEvidenceAsync(text, MaxEvidenceHits, c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(hits.Select(h => new EvidenceView(h.Evidence, h.Relationship)).ToList(), Args.Int(c, "first"), Args.String(c, "after"));
            }));
        })
        .Field("conflicts", Connection("QuantityConflict", _quantityConflict), f =>
        {
            f.Description("Every quantity whose sources disagree (e.g. 13,221 vs about 15,000 workers), each side with its evidence.");
            PageArguments(f);
            f.Resolve(Run(async c =>
            {
                var conflicts = await GraphRequestContext.Of(c).Store.GetConflictsAsync(c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(conflicts, Args.Int(c, "first"), Args.String(c, "after"));
            }));
        })
        .Field("stats", _stats.NonNull(), f => f
            .Description("Counts of actors, relationships, evidence and documents, and the degree distribution.")
            .Resolve(Run(async c => await GraphRequestContext.Of(c).Store.GetStatsAsync(c.CancellationToken).ConfigureAwait(false))))));

    private async Task<object?> LoadNodeAsync(IResolveFieldContext c, string id, string argument, bool throwWhenMissing)
    {
        var global = GlobalId.Decode(id, argument);
        var store = GraphRequestContext.Of(c).Store;
        object? found;
        if (GraphOntology.TryParseKind(global.TypeName, out _))
        {
            var actorId = ActorReferences.ParseId(id, argument)!.Value;
            found = await GraphRequestContext.Of(c).Actors(c).LoadAsync(actorId).ConfigureAwait(false);
        }
        else if (global.TypeName == GlobalId.RelationshipType)
        {
            var key = Args.ParseRelationshipId(id, argument);
            found = await store.GetRelationshipAsync(key, c.CancellationToken).ConfigureAwait(false) is { } edge ? new RelationshipView(edge) : null;
        }
        else if (global.TypeName == GlobalId.DocumentType)
        {
            found = await store.GetDocumentAsync(Args.ParseDocumentId(id, argument), c.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new InvalidArgumentException(argument, $"{argument} '{id}' names a type '{global.TypeName}' that has no global ids; ids come from Actor, Relationship and Document objects.");
        }

        if (found is null && throwWhenMissing)
        {
            throw new NotFoundException(global.TypeName.ToLowerInvariant(), global.Key);
        }

        return found;
    }
}
