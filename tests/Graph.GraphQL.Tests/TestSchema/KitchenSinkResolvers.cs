using System.Text.RegularExpressions;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.KitchenSink;

/// <summary>The per-operation state of the kitchen-sink resolvers: Mutation.increment's counter.</summary>
public sealed class KitchenSinkContext
{
    /// <summary>Starts at 0 for each operation.</summary>
    public int Counter { get; set; }
}

/// <summary>
/// The resolver convention of tools/graphql-js/resolvers.mjs, rule for rule, so that both engines
/// compute the same values from kitchen-sink-data.json.
/// </summary>
public static partial class KitchenSinkResolvers
{
    /// <summary>Resolves any field of the kitchen-sink schema.</summary>
    public static object? Resolve(IResolveFieldContext context, KitchenSinkData data)
    {
        var arguments = context.Arguments;
        // 1. Mutation.increment: a counter per operation.
        if (context.ParentType.Name == "Mutation" && context.FieldName == "increment")
        {
            var state = (KitchenSinkContext)context.UserContext!;
            state.Counter += System.Convert.ToInt32(arguments["by"], System.Globalization.CultureInfo.InvariantCulture);
            return state.Counter;
        }

        // 2. echo* fields return their coerced arguments.
        if (context.FieldName.StartsWith("echo", StringComparison.Ordinal))
        {
            return CanonicalJson.Write(arguments);
        }

        // 3. parent[fieldName], then __byArgument, __error, __ref and `first`.
        var value = context.Source is Dictionary<string, object?> parent ? parent.GetValueOrDefault(context.FieldName) : null;
        if (value is Dictionary<string, object?> byArgument && byArgument.GetValueOrDefault("__byArgument") is string argumentName)
        {
            var argument = arguments.GetValueOrDefault(argumentName);
            var key = argument as string ?? CanonicalJson.Write(argument);
            value = ((Dictionary<string, object?>)byArgument["values"]!).GetValueOrDefault(key);
        }

        if (value is Dictionary<string, object?> failure && failure.GetValueOrDefault("__error") is string message)
        {
            throw new InvalidOperationException(message);
        }

        value = Dereference(value, data);
        if (value is List<object?> list && arguments.GetValueOrDefault("first") is { } first)
        {
            value = list.Take(Math.Max(0, System.Convert.ToInt32(first, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }

        return value;
    }

    /// <summary>4. An abstract type resolves to the object type named by the value's "__typename".</summary>
    public static object? ResolveType(object value, IResolveFieldContext context) =>
        value is Dictionary<string, object?> map ? map.GetValueOrDefault("__typename") as string : null;

    private static object? Dereference(object? value, KitchenSinkData data) => value switch
    {
        List<object?> list => list.Select(item => Dereference(item, data)).ToList(),
        Dictionary<string, object?> map when map.GetValueOrDefault("__ref") is string id => data.Nodes.GetValueOrDefault(id),
        _ => value,
    };

    /// <summary>5. The custom scalars accept and produce only strings matching their pattern.</summary>
    public static ScalarType CustomScalar(string name, Regex pattern, string? description, string? specifiedBy)
    {
        object Check(object value) =>
            value is string s && pattern.IsMatch(s)
                ? s
                : throw new ScalarCoercionException($"{name} cannot represent value: {Describe(value)}");

        return new ScalarType(name, s =>
        {
            s.Description(description).Serialize(Check).ParseValue(Check).ParseLiteral((node, _) =>
                node is StringValueNode literal
                    ? Check(literal.Value)
                    : throw new ScalarCoercionException($"{name} cannot represent a non-string literal."));
            if (specifiedBy is not null)
            {
                s.SpecifiedBy(specifiedBy);
            }
        });
    }

    private static string Describe(object value) => value is string s ? "\"" + s + "\"" : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z")]
    internal static partial Regex DatePattern();

    [GeneratedRegex(@"^https?://\S+\z")]
    internal static partial Regex UrlPattern();

    [GeneratedRegex(@"^[A-Za-z0-9+/=]*\z")]
    internal static partial Regex CursorPattern();
}
