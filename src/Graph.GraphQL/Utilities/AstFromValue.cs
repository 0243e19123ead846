using System.Globalization;
using System.Text.RegularExpressions;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Writes an internal value as a literal of the given input type (graphql-js <c>astFromValue</c>); used to print
/// default values in SDL and introspection.
/// </summary>
public static partial class AstFromValue
{
    /// <summary>The literal for <paramref name="value"/>, or null when it cannot be written for <paramref name="type"/>.</summary>
    public static ValueNode? Get(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            var inner = Get(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }

        if (value is null)
        {
            return new NullValueNode();
        }

        if (type is ListType list)
        {
            if (JsonValues.TryAsList(value, out var items))
            {
                var nodes = new List<ValueNode>(items.Count);
                foreach (var item in items)
                {
                    var node = Get(item, list.OfType);
                    if (node is not null)
                    {
                        nodes.Add(node);
                    }
                }

                return new ListValueNode { Values = nodes };
            }

            return Get(value, list.OfType);
        }

        if (type is InputObjectType input)
        {
            if (!JsonValues.TryAsObject(value, out var map))
            {
                return null;
            }

            var fields = new List<ObjectFieldNode>();
            foreach (var field in input.Fields)
            {
                if (map.TryGetValue(field.Name, out var fieldValue))
                {
                    var node = Get(fieldValue, field.Type);
                    if (node is not null)
                    {
                        fields.Add(new ObjectFieldNode { Name = new NameNode(field.Name), Value = node });
                    }
                }
            }

            return new ObjectValueNode { Fields = fields };
        }

        object? serialized;
        try
        {
            serialized = type switch
            {
                EnumType enumType => enumType.Serialize(value),
                ScalarType scalar => scalar.Serialize(value),
                _ => null,
            };
        }
        catch (ScalarCoercionException)
        {
            return null;
        }

        if (serialized is null)
        {
            return null;
        }

        return FromSerialized(serialized, type);
    }

    private static ValueNode? FromSerialized(object serialized, GraphQLType type)
    {
        switch (serialized)
        {
            case bool b:
                return new BooleanValueNode(b);
            case string s:
                if (type is EnumType)
                {
                    return new EnumValueNode(s);
                }

                if (type is ScalarType { Name: "ID" } && IntegerPattern().IsMatch(s))
                {
                    return new IntValueNode(s);
                }

                return new StringValueNode(s);
        }

        if (Scalars.TryGetNumber(serialized, out var number))
        {
            if (serialized is int or long or short or byte or sbyte or uint or ulong or ushort)
            {
                return new IntValueNode(Convert.ToString(serialized, CultureInfo.InvariantCulture)!);
            }

            var text = JsNumber.Format(number);
            return Math.Floor(number) == number && double.IsFinite(number) && !text.Contains('e', StringComparison.Ordinal)
                ? new IntValueNode(text)
                : new FloatValueNode(text);
        }

        // Custom scalars serializing to structures are written as object and list literals.
        if (JsonValues.TryAsObject(serialized, out var map))
        {
            var fields = new List<ObjectFieldNode>();
            foreach (var pair in map)
            {
                var node = pair.Value is null ? new NullValueNode() : FromSerialized(pair.Value, type);
                if (node is not null)
                {
                    fields.Add(new ObjectFieldNode { Name = new NameNode(pair.Key), Value = node });
                }
            }

            return new ObjectValueNode { Fields = fields };
        }

        if (JsonValues.TryAsList(serialized, out var list))
        {
            var nodes = new List<ValueNode>();
            foreach (var item in list)
            {
                var node = item is null ? new NullValueNode() : FromSerialized(item, type);
                if (node is not null)
                {
                    nodes.Add(node);
                }
            }

            return new ListValueNode { Values = nodes };
        }

        return null;
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();
}
