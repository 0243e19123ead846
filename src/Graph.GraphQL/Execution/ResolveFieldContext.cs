using System.Globalization;
using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Execution;

/// <summary>The executor's implementation of <see cref="IResolveFieldContext"/>: one per resolver call.</summary>
internal sealed class ResolveFieldContext(ExecutionContext execution, FieldPlan plan, object? source, ResponsePath path, IReadOnlyDictionary<string, object?> arguments) : IResolveFieldContext
{
    public object? Source { get; } = source;

    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

    public FieldDefinition FieldDefinition => plan.Definition;

    public string FieldName => plan.Definition.Name;

    public ObjectType ParentType => plan.ParentType;

    public GraphQLType ReturnType => plan.ReturnType;

    public IReadOnlyList<FieldNode> FieldNodes => plan.Nodes;

    public ResponsePath Path { get; } = path;

    public GraphQLSchema Schema => execution.Schema;

    public OperationDefinitionNode Operation => execution.Operation;

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => execution.Fragments;

    public IReadOnlyDictionary<string, object?> Variables => execution.Variables;

    public object? RootValue => execution.RootValue;

    public object? UserContext => execution.UserContext;

    public IServiceProvider? Services => execution.Services;

    public CancellationToken CancellationToken => execution.CancellationToken;

    public DataLoaderContext DataLoaders => execution.DataLoaders;

    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    public T? GetArgument<T>(string name, T? defaultValue = default)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return defaultValue;
        }

        return ArgumentConverter.Convert<T>(value, name);
    }
}

/// <summary>Converts coerced argument values to the CLR type a resolver asks for.</summary>
internal static class ArgumentConverter
{
    public static T Convert<T>(object value, string name)
    {
        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            if (target.IsEnum)
            {
                return (T)(value is string s ? Enum.Parse(target, s, ignoreCase: true) : Enum.ToObject(target, value));
            }

            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
            {
                return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }

            if (target.IsGenericType && JsonValues.TryAsList(value, out var list))
            {
                var itemType = target.GetGenericArguments()[0];
                var listType = typeof(List<>).MakeGenericType(itemType);
                if (target.IsAssignableFrom(listType))
                {
                    var result = (System.Collections.IList)Activator.CreateInstance(listType)!;
                    foreach (var item in list)
                    {
                        result.Add(item is null ? null : ConvertObject(item, itemType, name));
                    }

                    return (T)result;
                }
            }
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"Argument \"{name}\" holds a {value.GetType().Name} that cannot be converted to {typeof(T).Name}.", e);
        }

        throw new InvalidOperationException($"Argument \"{name}\" holds a {value.GetType().Name} that cannot be converted to {typeof(T).Name}.");
    }

    private static object? ConvertObject(object value, System.Type type, string name)
    {
        var method = typeof(ArgumentConverter).GetMethod(nameof(Convert))!.MakeGenericMethod(type);
        return method.Invoke(null, [value, name]);
    }
}
