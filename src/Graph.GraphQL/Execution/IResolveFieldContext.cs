using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Execution;

/// <summary>Computes a field's value. Synchronous resolvers return a completed <see cref="ValueTask{TResult}"/> without allocating.</summary>
public delegate ValueTask<object?> FieldResolver(IResolveFieldContext context);

/// <summary>What a resolver knows about the field it resolves (graphql-js's source, args, context and info together).</summary>
public interface IResolveFieldContext
{
    /// <summary>The parent object's value (the root value for root fields).</summary>
    object? Source { get; }

    /// <summary>Coerced argument values by name; absent optional arguments without defaults are missing.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The field being resolved.</summary>
    FieldDefinition FieldDefinition { get; }

    /// <summary>The field's name (not the alias).</summary>
    string FieldName { get; }

    /// <summary>The object type the field belongs to.</summary>
    ObjectType ParentType { get; }

    /// <summary>The field's output type.</summary>
    GraphQLType ReturnType { get; }

    /// <summary>Every selection of this field merged under one response key.</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>Where the value goes in the response.</summary>
    ResponsePath Path { get; }

    /// <summary>The schema being executed.</summary>
    GraphQLSchema Schema { get; }

    /// <summary>The operation being executed.</summary>
    OperationDefinitionNode Operation { get; }

    /// <summary>The document's fragments by name.</summary>
    IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>Coerced variable values.</summary>
    IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>The root value given to the executor.</summary>
    object? RootValue { get; }

    /// <summary>The application's per-request context object.</summary>
    object? UserContext { get; }

    /// <summary>The request's service provider, when the host supplies one.</summary>
    IServiceProvider? Services { get; }

    /// <summary>Cancelled when the client goes away or the request's timeout elapses.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The request's data loaders (batching and caching by key).</summary>
    DataLoaderContext DataLoaders { get; }

    /// <summary>True when the argument was given (or has a default).</summary>
    bool HasArgument(string name);

    /// <summary>The argument converted to <typeparamref name="T"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    T? GetArgument<T>(string name, T? defaultValue = default);
}

/// <summary>A response path: field names and list indexes from the root, as a linked list shared by siblings.</summary>
public sealed class ResponsePath
{
    // List indexes boxed once: a list of a thousand objects would otherwise box a thousand ints per response.
    private static readonly object[] s_boxedIndexes = CreateBoxedIndexes(1024);

    internal ResponsePath(ResponsePath? previous, object key, string? typeName)
    {
        Previous = previous;
        Key = key;
        TypeName = typeName;
    }

    /// <summary>The parent segment, null at the root.</summary>
    public ResponsePath? Previous { get; }

    /// <summary>A response key (string) or a list index (int).</summary>
    public object Key { get; }

    /// <summary>The parent type's name for field segments.</summary>
    public string? TypeName { get; }

    internal static object BoxIndex(int index) => (uint)index < (uint)s_boxedIndexes.Length ? s_boxedIndexes[index] : index;

    private static object[] CreateBoxedIndexes(int count)
    {
        var boxed = new object[count];
        for (var i = 0; i < count; i++)
        {
            boxed[i] = i;
        }

        return boxed;
    }

    /// <summary>The path from the root as a list of keys and indexes.</summary>
    public IReadOnlyList<object> ToList()
    {
        var count = 0;
        for (var p = this; p is not null; p = p.Previous)
        {
            count++;
        }

        var array = new object[count];
        for (var p = this; p is not null; p = p.Previous)
        {
            array[--count] = p.Key;
        }

        return array;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(".", ToList());
}
