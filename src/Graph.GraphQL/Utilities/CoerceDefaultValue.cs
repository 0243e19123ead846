using Graph.GraphQL.Type;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Coerces the default of an argument or input field through its type (graphql-js 17 <c>coerceDefaultValue</c>): an SDL
/// literal is coerced like any literal; a code-first internal value keeps its leaves and gains the defaults of the input
/// fields it leaves out, at every depth, so a resolver sees the same value as when the client writes the default itself.
/// </summary>
internal static class CoerceDefaultValue
{
    // Defaults that fill each other in a cycle (A.b: B = {}, B.a: A = {}) would recurse forever; the schema validator
    // reports them, and this guard turns the recursion into that report.
    private const int MaxNesting = 64;

    [ThreadStatic]
    private static int t_nesting;

    /// <summary>The coerced default of <paramref name="definition"/>; null when it has none.</summary>
    public static object? Coerce(InputValueDefinition definition)
    {
        if (!definition.HasDefaultValue)
        {
            return null;
        }

        if (t_nesting >= MaxNesting)
        {
            throw new DefaultValueCycleException(definition.Name);
        }

        t_nesting++;
        try
        {
            if (definition.DefaultValueLiteral is { } literal)
            {
                return ValueFromAst.TryGetValue(literal, definition.Type, null, out var value) ? value : ValueFromAst.Untyped(literal);
            }

            return Complete(definition.GivenDefaultValue, definition.Type);
        }
        finally
        {
            t_nesting--;
        }
    }

    private static object? Complete(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            return Complete(value, nonNull.OfType);
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (JsonValues.TryAsList(value, out var items))
                {
                    var completed = new List<object?>(items.Count);
                    foreach (var item in items)
                    {
                        completed.Add(Complete(item, list.OfType));
                    }

                    return completed;
                }

                // Input coercion turns a single value into a list of one.
                return new List<object?> { Complete(value, list.OfType) };

            case InputObjectType input:
                if (!JsonValues.TryAsObject(value, out var map))
                {
                    // An application object given as the internal value: nothing to fill in.
                    return value;
                }

                var result = new Dictionary<string, object?>(input.Fields.Count, StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    if (map.TryGetValue(field.Name, out var fieldValue))
                    {
                        result[field.Name] = Complete(fieldValue, field.Type);
                    }
                    else if (field.HasDefaultValue)
                    {
                        result[field.Name] = field.CoercedDefaultValue;
                    }
                }

                return result;

            default:
                // Scalars and enums: the code gave the internal value already.
                return value;
        }
    }
}

/// <summary>Thrown when the defaults of input fields fill each other in without end.</summary>
internal sealed class DefaultValueCycleException(string name)
    : InvalidOperationException($"The default value of \"{name}\" refers back to itself through the defaults of nested input fields.");
