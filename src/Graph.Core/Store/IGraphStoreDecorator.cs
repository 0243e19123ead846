namespace Graph.Core.Store;

/// <summary>
/// A store that wraps another (events, telemetry) and forwards to it. Composition stacks decorators, so a capability
/// of the store underneath (ingestion, the embedded file check) is found by walking the stack, not by a type test on
/// the outermost layer.
/// </summary>
public interface IGraphStoreDecorator
{
    /// <summary>The store this one forwards to.</summary>
    IGraphStore Inner { get; }
}

/// <summary>Walks a stack of <see cref="IGraphStoreDecorator"/>s.</summary>
public static class GraphStoreDecorators
{
    /// <summary>The outermost layer of <paramref name="store"/>'s stack that is a <typeparamref name="T"/>, or null.</summary>
    public static T? Find<T>(this IGraphStore store)
        where T : class
    {
        for (IGraphStore? layer = store; layer is not null; layer = (layer as IGraphStoreDecorator)?.Inner)
        {
            if (layer is T found)
            {
                return found;
            }
        }

        return null;
    }
}
