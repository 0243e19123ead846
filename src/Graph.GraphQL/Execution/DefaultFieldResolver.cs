using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Graph.GraphQL.Execution;

/// <summary>
/// Resolves a field without a resolver: the entry of that name in a dictionary source, the property of a JSON object,
/// or the public property/field of a CLR object (matched ignoring case; accessors are compiled once per type).
/// </summary>
public static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(System.Type Type, string Name), Accessor> s_accessors = new();

    /// <summary>The value of <paramref name="fieldName"/> on <paramref name="source"/>, or null.</summary>
    public static object? Resolve(object? source, string fieldName)
    {
        Accessor? accessor = null;
        return Resolve(source, fieldName, ref accessor);
    }

    internal static object? Resolve(object? source, string fieldName, ref Accessor? cached)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.TryGetValue(fieldName, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(fieldName, out var entry) ? entry : null;
            case JsonElement element:
                return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(fieldName, out var property)
                    ? FromJson(property)
                    : null;
        }

        var type = source.GetType();
        var accessor = cached;
        if (accessor is null || accessor.Type != type)
        {
            accessor = s_accessors.GetOrAdd((type, fieldName), static key => Accessor.Create(key.Type, key.Name));
            cached = accessor;
        }

        return accessor.Get?.Invoke(source);
    }

    /// <summary>Unwraps JSON primitives to .NET values; objects and arrays stay elements.</summary>
    internal static object? FromJson(JsonElement element) => Utilities.JsonValues.Unwrap(element);

    /// <summary>A compiled getter for one (CLR type, field name); <see cref="Get"/> is null when the type has no such member.</summary>
    internal sealed class Accessor
    {
        private Accessor(System.Type type, Func<object, object?>? get)
        {
            Type = type;
            Get = get;
        }

        public System.Type Type { get; }

        public Func<object, object?>? Get { get; }

        public static Accessor Create(System.Type type, string name)
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
            MemberInfo? member = type.GetProperty(name, flags);
            if (member is PropertyInfo { CanRead: false } || (member is PropertyInfo p && p.GetIndexParameters().Length > 0))
            {
                member = null;
            }

            member ??= type.GetField(name, flags);
            if (member is null)
            {
                return new Accessor(type, null);
            }

            var parameter = Expression.Parameter(typeof(object), "source");
            var typed = Expression.Convert(parameter, type);
            Expression access = member is PropertyInfo property ? Expression.Property(typed, property) : Expression.Field(typed, (FieldInfo)member);
            var body = Expression.Convert(access, typeof(object));
            return new Accessor(type, Expression.Lambda<Func<object, object?>>(body, parameter).Compile());
        }
    }
}
