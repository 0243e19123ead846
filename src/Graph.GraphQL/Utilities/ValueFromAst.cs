using System.Globalization;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Produces an internal value from a literal of the document for an expected input type (graphql-js <c>valueFromAST</c>).
/// Validation normally guarantees the literal fits; when it does not, <see cref="TryGetValue"/> returns false.
/// </summary>
public static class ValueFromAst
{
    /// <summary>Coerces <paramref name="node"/> to <paramref name="type"/>, reading variables from <paramref name="variables"/> (already coerced).</summary>
    public static bool TryGetValue(ValueNode? node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is null)
        {
            return false;
        }

        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out value))
            {
                return false;
            }

            // A null variable in a non-null position is invalid (the variable's own type allowed null).
            return value is not null || type is not NonNullType;
        }

        if (type is NonNullType nonNull)
        {
            return node is not NullValueNode && TryGetValue(node, nonNull.OfType, variables, out value);
        }

        if (node is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                var itemType = list.OfType;
                if (node is ListValueNode listNode)
                {
                    var items = new List<object?>(listNode.Values.Count);
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            // A missing variable inside a list becomes null, unless the item is non-null.
                            if (itemType is NonNullType)
                            {
                                return false;
                            }

                            items.Add(null);
                            continue;
                        }

                        if (!TryGetValue(itemNode, itemType, variables, out var item))
                        {
                            return false;
                        }

                        items.Add(item);
                    }

                    value = items;
                    return true;
                }

                if (!TryGetValue(node, itemType, variables, out var single))
                {
                    return false;
                }

                value = new List<object?> { single };
                return true;

            case InputObjectType input:
                if (node is not ObjectValueNode objectNode)
                {
                    return false;
                }

                var fieldNodes = new Dictionary<string, ObjectFieldNode>(objectNode.Fields.Count, StringComparer.Ordinal);
                foreach (var fieldNode in objectNode.Fields)
                {
                    fieldNodes.TryAdd(fieldNode.Name.Value, fieldNode);
                }

                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    if (!fieldNodes.TryGetValue(field.Name, out var fieldNode) || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.HasDefaultValue)
                        {
                            result[field.Name] = field.DefaultValue;
                        }
                        else if (field.Type is NonNullType)
                        {
                            return false;
                        }

                        continue;
                    }

                    if (!TryGetValue(fieldNode.Value, field.Type, variables, out var fieldValue))
                    {
                        return false;
                    }

                    result[field.Name] = fieldValue;
                }

                if (input.IsOneOf)
                {
                    if (result.Count != 1)
                    {
                        return false;
                    }

                    foreach (var pair in result)
                    {
                        if (pair.Value is null)
                        {
                            return false;
                        }
                    }
                }

                value = result;
                return true;

            case EnumType enumType:
                try
                {
                    value = enumType.ParseLiteral(node);
                    return true;
                }
                catch (ScalarCoercionException)
                {
                    return false;
                }

            case ScalarType scalar:
                try
                {
                    value = scalar.ParseLiteral(node, variables);
                    return value is not null;
                }
                catch (Exception)
                {
                    // Any failure of a scalar's parser means the literal is invalid for it.
                    return false;
                }

            default:
                return false;
        }
    }

    /// <summary>
    /// Reads a literal without a type (graphql-js <c>valueFromASTUntyped</c>): ints as int/long, floats as double,
    /// enums as strings, objects as dictionaries, lists as lists.
    /// </summary>
    public static object? Untyped(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
    {
        switch (node)
        {
            case NullValueNode:
                return null;
            case IntValueNode i:
                if (int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
                {
                    return small;
                }

                if (long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
                {
                    return big;
                }

                return double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case FloatValueNode f:
                return double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case StringValueNode s:
                return s.Value;
            case BooleanValueNode b:
                return b.Value;
            case EnumValueNode e:
                return e.Value;
            case ListValueNode list:
                var items = new List<object?>(list.Values.Count);
                foreach (var item in list.Values)
                {
                    items.Add(Untyped(item, variables));
                }

                return items;
            case ObjectValueNode obj:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in obj.Fields)
                {
                    map[field.Name.Value] = Untyped(field.Value, variables);
                }

                return map;
            case VariableNode variable:
                return variables is not null && variables.TryGetValue(variable.Name.Value, out var value) ? value : null;
            default:
                return null;
        }
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));
}

/// <summary>Resolves a type reference of the document (<c>[Int!]</c>) to the schema's type (graphql-js <c>typeFromAST</c>).</summary>
public static class TypeFromAst
{
    /// <summary>The schema type written as <paramref name="node"/>, or null when its named type is unknown.</summary>
    public static GraphQLType? Get(GraphQLSchema schema, TypeNode node)
    {
        switch (node)
        {
            case NamedTypeNode named:
                return schema.GetType(named.Name.Value);
            case ListTypeNode list:
                var item = Get(schema, list.Type);
                return item is null ? null : new ListType(item);
            case NonNullTypeNode nonNull:
                var inner = Get(schema, nonNull.Type);
                return inner is null or NonNullType ? null : new NonNullType(inner);
            default:
                return null;
        }
    }
}
