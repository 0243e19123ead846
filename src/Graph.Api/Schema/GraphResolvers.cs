using Graph.Core.Errors;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema;

/// <summary>
/// Resolvers of the actor schema that reach the graph: the parent arrives typed, and the graph's errors
/// (<see cref="GraphException"/>) leave as coded GraphQL errors.
/// </summary>
internal static class GraphResolvers
{
    /// <summary>Resolves asynchronously; the graph's errors become coded GraphQL errors.</summary>
    public static FieldBuilder<T> ResolveAsync<T>(this FieldBuilder<T> field, Func<T, IResolveFieldContext, Task<object?>> body) =>
        field.Resolve(Guarded(body));

    /// <summary>Resolves synchronously; the graph's errors become coded GraphQL errors.</summary>
    public static FieldBuilder<T> ResolveSync<T>(this FieldBuilder<T> field, Func<T, IResolveFieldContext, object?> body) =>
        field.Resolve((source, context) =>
        {
            try
            {
                return new ValueTask<object?>(body(source, context));
            }
            catch (GraphException e)
            {
                throw ApiErrors.From(e);
            }
        });

    /// <summary>An asynchronous resolver that turns the graph's errors into coded GraphQL errors.</summary>
    public static FieldResolver<T> Guarded<T>(Func<T, IResolveFieldContext, Task<object?>> body) => async (source, context) =>
    {
        try
        {
            return await body(source, context).ConfigureAwait(false);
        }
        catch (GraphException e)
        {
            throw ApiErrors.From(e);
        }
    };
}
