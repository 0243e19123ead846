using System.Text;
using Graph.GraphQL.Error;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Coerces an external input value (a variable from JSON or a dictionary) to an input type, per the spec's Input
/// Coercion rules (graphql-js <c>coerceInputValue</c>). Each problem is reported with the path inside the value.
/// </summary>
public static class CoerceInputValue
{
    /// <summary>Receives one coercion problem: the path inside the value, the offending value and the message.</summary>
    public delegate void ErrorHandler(IReadOnlyList<object> path, object? invalidValue, string message);

    /// <summary>Coerces <paramref name="value"/>, reporting problems to <paramref name="onError"/>; the result is meaningless if any were reported.</summary>
    public static object? Coerce(object? value, GraphQLType type, ErrorHandler onError) => Coerce(value, type, onError, null);

    /// <summary>Coerces, throwing a <see cref="GraphQLError"/> for the first problem (handy for code paths without a collector).</summary>
    public static object? CoerceOrThrow(object? value, GraphQLType type)
    {
        string? first = null;
        var result = Coerce(value, type, (path, invalid, message) =>
        {
            if (first is null)
            {
                first = path.Count == 0 ? message : $"{message} At \"value{PrintPath(path)}\".";
            }
        });
        return first is null ? result : throw new GraphQLError(first);
    }

    /// <summary>Prints a path inside a value as <c>.a[0].b</c>.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        var builder = new StringBuilder();
        foreach (var key in path)
        {
            if (key is int index)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                builder.Append('.').Append(key);
            }
        }

        return builder.ToString();
    }

    private static object? Coerce(object? value, GraphQLType type, ErrorHandler onError, PathSegment? path)
    {
        if (type is NonNullType nonNull)
        {
            if (value is not null)
            {
                return Coerce(value, nonNull.OfType, onError, path);
            }

            onError(PathSegment.ToList(path), value, $"Expected non-nullable type \"{type}\" not to be null.");
            return null;
        }

        if (value is null)
        {
            return null;
        }

        if (value is System.Text.Json.JsonElement element)
        {
            value = JsonValues.ToPlain(element);
            if (value is null)
            {
                return null;
            }
        }

        switch (type)
        {
            case ListType list:
                if (JsonValues.TryAsList(value, out var items))
                {
                    var result = new List<object?>(items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        result.Add(Coerce(items[i], list.OfType, onError, new PathSegment(path, i)));
                    }

                    return result;
                }

                // A single value where a list is expected becomes a list of one.
                return new List<object?> { Coerce(value, list.OfType, onError, path) };

            case InputObjectType input:
                return CoerceInputObject(value, input, onError, path);

            case EnumType enumType:
                try
                {
                    return enumType.ParseValue(value);
                }
                catch (ScalarCoercionException e)
                {
                    onError(PathSegment.ToList(path), value, e.Message);
                    return null;
                }

            case ScalarType scalar:
                object? parsed;
                try
                {
                    parsed = scalar.ParseValue(value);
                }
                catch (ScalarCoercionException e)
                {
                    onError(PathSegment.ToList(path), value, e.Message);
                    return null;
                }
                catch (GraphQLError e)
                {
                    onError(PathSegment.ToList(path), value, e.Message);
                    return null;
                }
                catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or OverflowException)
                {
                    onError(PathSegment.ToList(path), value, $"Expected type \"{scalar.Name}\". {e.Message}");
                    return null;
                }

                if (parsed is null)
                {
                    onError(PathSegment.ToList(path), value, $"Expected type \"{scalar.Name}\".");
                }

                return parsed;

            default:
                onError(PathSegment.ToList(path), value, $"Type \"{type}\" is not an input type.");
                return null;
        }
    }

    private static object? CoerceInputObject(object value, InputObjectType input, ErrorHandler onError, PathSegment? path)
    {
        if (!JsonValues.TryAsObject(value, out var map))
        {
            onError(PathSegment.ToList(path), value, $"Expected type \"{input.Name}\" to be an object.");
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in input.Fields)
        {
            if (!map.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    onError(PathSegment.ToList(path), value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                }

                continue;
            }

            result[field.Name] = Coerce(fieldValue, field.Type, onError, new PathSegment(path, field.Name));
        }

        foreach (var key in map.Keys)
        {
            if (input.GetField(key) is null)
            {
                var names = new List<string>(input.Fields.Count);
                foreach (var field in input.Fields)
                {
                    names.Add(field.Name);
                }

                onError(PathSegment.ToList(path), value, $"Field \"{key}\" is not defined by type \"{input.Name}\"." + SuggestionList.DidYouMean(SuggestionList.For(key, names)));
            }
        }

        if (input.IsOneOf)
        {
            if (map.Count != 1)
            {
                onError(PathSegment.ToList(path), value, $"Exactly one key must be specified for OneOf type \"{input.Name}\".");
            }
            else
            {
                foreach (var pair in map)
                {
                    if (pair.Value is null)
                    {
                        onError(PathSegment.ToList(new PathSegment(path, pair.Key)), pair.Value, $"Field \"{pair.Key}\" must be non-null.");
                    }
                }
            }
        }

        return result;
    }

    private sealed class PathSegment(PathSegment? previous, object key)
    {
        public static IReadOnlyList<object> ToList(PathSegment? segment)
        {
            var list = new List<object>();
            for (var current = segment; current is not null; current = current.Previous)
            {
                list.Add(current.Key);
            }

            list.Reverse();
            return list;
        }

        public PathSegment? Previous { get; } = previous;

        public object Key { get; } = key;
    }
}
