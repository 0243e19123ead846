using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Extraction.Mentions;
using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Execution;

namespace Graph.Api.Schema;

/// <summary>Whether a request may run mutations, and if not, why.</summary>
public enum WriteAccess
{
    /// <summary>The request presented the configured key.</summary>
    Granted,

    /// <summary>No key is configured: the server is read-only.</summary>
    ReadOnlyServer,

    /// <summary>A key is configured but the request presented none.</summary>
    MissingKey,

    /// <summary>The request presented a key that is not the configured one.</summary>
    WrongKey,
}

/// <summary>
/// What resolvers of one request share: the store, the caller's write access, and the request's batch loaders, so
/// that resolving the ends of a list of edges is one <see cref="IGraphStore.GetActorsAsync"/> call and the edges of a
/// list of actors one <see cref="IGraphStore.GetRelationshipsForAsync"/> call.
/// </summary>
public sealed class GraphRequestContext(IGraphStore store, WriteAccess writeAccess)
{
    /// <summary>The store, chosen at composition.</summary>
    public IGraphStore Store { get; } = store;

    /// <summary>Whether mutations may run.</summary>
    public WriteAccess WriteAccess { get; } = writeAccess;

    /// <summary>The context of a resolver (set by the endpoint as the user context).</summary>
    public static GraphRequestContext Of(IResolveFieldContext context) =>
        context.UserContext as GraphRequestContext
        ?? throw new InvalidOperationException("The actor schema runs only with a GraphRequestContext as the user context.");

    private readonly object _gate = new();

    // The batch functions are made once per request, not once per resolver call.
    private Func<IReadOnlyList<ActorId>, CancellationToken, Task<IReadOnlyDictionary<ActorId, Actor?>>>? _actorsBatch;
    private Func<IReadOnlyList<ActorId>, CancellationToken, Task<IReadOnlyDictionary<ActorId, IReadOnlyList<Relationship>>>>? _relationshipsBatch;
    private Func<IReadOnlyList<DocumentId>, CancellationToken, Task<IReadOnlyDictionary<DocumentId, Document?>>>? _documentsBatch;

    // Actors a traversal returned, put in the actor loader only when a field first asks for it.
    private List<IEnumerable<Actor>>? _unprimed;

    /// <summary>Actors by id, batched per execution level.</summary>
    public DataLoader<ActorId, Actor?> Actors(IResolveFieldContext context)
    {
        var loader = context.DataLoaders.GetOrAdd(
            "actors",
            _actorsBatch ??= async (ids, token) =>
            {
                var found = await Store.GetActorsAsync(ids as IReadOnlyCollection<ActorId> ?? [.. ids], token).ConfigureAwait(false);
                var result = new Dictionary<ActorId, Actor?>(found.Count);
                foreach (var (id, actor) in found)
                {
                    result[id] = actor;
                }

                return result;
            });
        List<IEnumerable<Actor>>? unprimed;
        lock (_gate)
        {
            unprimed = _unprimed;
            _unprimed = null;
        }

        if (unprimed is not null)
        {
            foreach (var actors in unprimed)
            {
                foreach (var actor in actors)
                {
                    loader.Prime(actor.Id, actor);
                }
            }
        }

        return loader;
    }

    /// <summary>Every edge of each actor (both directions), batched; fields filter them in memory.</summary>
    public DataLoader<ActorId, IReadOnlyList<Relationship>> Relationships(IResolveFieldContext context) =>
        context.DataLoaders.GetOrAdd(
            "relationships",
            _relationshipsBatch ??= async (ids, token) =>
                await Store.GetRelationshipsForAsync(ids as IReadOnlyCollection<ActorId> ?? [.. ids], RelationshipFilter.All, token).ConfigureAwait(false));

    /// <summary>Documents by id, cached per request.</summary>
    public DataLoader<DocumentId, Document?> Documents(IResolveFieldContext context) =>
        context.DataLoaders.GetOrAdd(
            "documents",
            _documentsBatch ??= async (ids, token) =>
            {
                var result = new Dictionary<DocumentId, Document?>(ids.Count);
                foreach (var id in ids)
                {
                    result[id] = await Store.GetDocumentAsync(id, token).ConfigureAwait(false);
                }

                return result;
            });

    private Task<ActorNameMatcher>? _nameMatcher;

    /// <summary>
    /// Every actor's names and aliases, read once per request (paged through the store's name search, so on any store)
    /// for <c>Document.mentions</c>: one read serves every document of the request.
    /// </summary>
    public Task<ActorNameMatcher> NameMatcherAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _nameMatcher ??= ReadNameMatcherAsync(cancellationToken);
        }
    }

    private async Task<ActorNameMatcher> ReadNameMatcherAsync(CancellationToken cancellationToken)
    {
        var actors = new List<Actor>();
        ActorSearchKey? after = null;
        while (true)
        {
            var page = await Store.SearchActorsAsync(new ActorSearch("", null, ActorSearch.MaxLimit, after), cancellationToken).ConfigureAwait(false);
            actors.AddRange(page.Select(m => m.Actor));
            if (page.Count < ActorSearch.MaxLimit)
            {
                return new ActorNameMatcher(actors);
            }

            after = page[^1].Key;
        }
    }

    /// <summary>
    /// Puts actors a traversal already returned into the request's cache, so their fields need no lookup. The priming
    /// happens when a field first uses the actor loader: a drawing that never asks for more costs nothing.
    /// </summary>
    public void Prime(IResolveFieldContext context, IEnumerable<Actor> actors)
    {
        lock (_gate)
        {
            (_unprimed ??= []).Add(actors);
        }
    }
}
