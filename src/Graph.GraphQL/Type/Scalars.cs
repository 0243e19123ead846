using System.Globalization;
using System.Text.Json;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Type;

/// <summary>The built-in scalars of the specification (section 3.5): Int, Float, String, Boolean and ID.</summary>
public static class Scalars
{
    /// <summary>Signed 32-bit integer; internal values are <see cref="int"/>.</summary>
    public static ScalarType Int { get; } = new IntScalar();

    /// <summary>Double-precision IEEE 754 number; internal values are <see cref="double"/>.</summary>
    public static ScalarType Float { get; } = new FloatScalar();

    /// <summary>UTF-8 text; internal values are <see cref="string"/>.</summary>
    public static ScalarType String { get; } = new StringScalar();

    /// <summary>true or false; internal values are <see cref="bool"/>.</summary>
    public static ScalarType Boolean { get; } = new BooleanScalar();

    /// <summary>A unique identifier serialized as a string; internal values are <see cref="string"/>.</summary>
    public static ScalarType ID { get; } = new IdScalar();

    /// <summary>All five, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [String, Int, Float, Boolean, ID];

    /// <summary>True when <paramref name="type"/> is one of the built-in scalars (by name).</summary>
    public static bool IsSpecified(NamedType type) => type is ScalarType && IsSpecifiedName(type.Name);

    internal static bool IsSpecifiedName(string name) => name is "String" or "Int" or "Float" or "Boolean" or "ID";

    internal static ScalarType? ByName(string name) => name switch
    {
        "String" => String,
        "Int" => Int,
        "Float" => Float,
        "Boolean" => Boolean,
        "ID" => ID,
        _ => null,
    };

    /// <summary>Reads a CLR number (any primitive numeric type or JSON number) as a double, when it is one.</summary>
    internal static bool TryGetNumber(object value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case JsonElement { ValueKind: JsonValueKind.Number } e: number = e.GetDouble(); return true;
            default: number = 0; return false;
        }
    }

    private sealed class IntScalar : ScalarType
    {
        public IntScalar()
            : base("Int", "A signed 32-bit whole number.", null)
        {
        }

        public override object? Serialize(object value)
        {
            switch (value)
            {
                case int: return value;
                case bool b: return b ? 1 : 0;
                case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    return FromNumber(parsed, value);
                case Enum e: return FromNumber(Convert.ToDouble(e, CultureInfo.InvariantCulture), value);
            }

            if (TryGetNumber(value, out var number))
            {
                return FromNumber(number, value);
            }

            throw new ScalarCoercionException("Int cannot represent non-integer value: " + Inspect.Value(value));
        }

        public override object? ParseValue(object value)
        {
            if (value is int)
            {
                return value;
            }

            if (value is bool || !TryGetNumber(value, out var number))
            {
                throw new ScalarCoercionException("Int cannot represent non-integer value: " + Inspect.Value(value));
            }

            return FromNumber(number, value);
        }

        public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
        {
            if (node is not IntValueNode intNode)
            {
                throw new ScalarCoercionException("Int cannot represent non-integer value: " + AstPrinter.Print(node));
            }

            if (!int.TryParse(intNode.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
            {
                throw new ScalarCoercionException("Int cannot represent non 32-bit signed integer value: " + intNode.Value);
            }

            return result;
        }

        private static int FromNumber(double number, object original)
        {
            if (double.IsNaN(number) || double.IsInfinity(number) || Math.Floor(number) != number)
            {
                throw new ScalarCoercionException("Int cannot represent non-integer value: " + Inspect.Value(original));
            }

            if (number > int.MaxValue || number < int.MinValue)
            {
                throw new ScalarCoercionException("Int cannot represent non 32-bit signed integer value: " + Inspect.Value(original));
            }

            return (int)number;
        }
    }

    private sealed class FloatScalar : ScalarType
    {
        public FloatScalar()
            : base("Float", "A signed double-precision (IEEE 754) number.", null)
        {
        }

        public override object? Serialize(object value)
        {
            switch (value)
            {
                case double d when double.IsFinite(d): return value;
                case bool b: return b ? 1d : 0d;
                case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                    return parsed;
            }

            if (TryGetNumber(value, out var number) && double.IsFinite(number))
            {
                return number;
            }

            throw new ScalarCoercionException("Float cannot represent non numeric value: " + Inspect.Value(value));
        }

        public override object? ParseValue(object value)
        {
            if (value is not bool && TryGetNumber(value, out var number) && double.IsFinite(number))
            {
                return number;
            }

            throw new ScalarCoercionException("Float cannot represent non numeric value: " + Inspect.Value(value));
        }

        public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
        {
            var text = node switch
            {
                FloatValueNode f => f.Value,
                IntValueNode i => i.Value,
                _ => throw new ScalarCoercionException("Float cannot represent non numeric value: " + AstPrinter.Print(node)),
            };
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    private sealed class StringScalar : ScalarType
    {
        public StringScalar()
            : base("String", "Text, as a sequence of Unicode characters.", null)
        {
        }

        public override object? Serialize(object value)
        {
            switch (value)
            {
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case char c: return c.ToString();
                case Enum e: return e.ToString();
                case Guid g: return g.ToString();
                case DateTime dt: return dt.ToString("O", CultureInfo.InvariantCulture);
                case DateTimeOffset dto: return dto.ToString("O", CultureInfo.InvariantCulture);
                case JsonElement { ValueKind: JsonValueKind.String } e: return e.GetString();
            }

            if (TryGetNumber(value, out var number) && double.IsFinite(number))
            {
                return value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture);
            }

            throw new ScalarCoercionException("String cannot represent value: " + Inspect.Value(value));
        }

        public override object? ParseValue(object value)
        {
            if (value is string s)
            {
                return s;
            }

            throw new ScalarCoercionException("String cannot represent a non string value: " + Inspect.Value(value));
        }

        public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
        {
            if (node is StringValueNode s)
            {
                return s.Value;
            }

            throw new ScalarCoercionException("String cannot represent a non string value: " + AstPrinter.Print(node));
        }
    }

    private sealed class BooleanScalar : ScalarType
    {
        public BooleanScalar()
            : base("Boolean", "Either true or false.", null)
        {
        }

        public override object? Serialize(object value)
        {
            if (value is bool b)
            {
                return b;
            }

            if (value is JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } e)
            {
                return e.GetBoolean();
            }

            if (TryGetNumber(value, out var number) && double.IsFinite(number))
            {
                return number != 0;
            }

            throw new ScalarCoercionException("Boolean cannot represent a non boolean value: " + Inspect.Value(value));
        }

        public override object? ParseValue(object value)
        {
            if (value is bool b)
            {
                return b;
            }

            throw new ScalarCoercionException("Boolean cannot represent a non boolean value: " + Inspect.Value(value));
        }

        public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
        {
            if (node is BooleanValueNode b)
            {
                return b.Value;
            }

            throw new ScalarCoercionException("Boolean cannot represent a non boolean value: " + AstPrinter.Print(node));
        }
    }

    private sealed class IdScalar : ScalarType
    {
        public IdScalar()
            : base("ID", "An opaque unique identifier, written as a string in results; a string or an integer is accepted as input.", null)
        {
        }

        public override object? Serialize(object value)
        {
            switch (value)
            {
                case string s: return s;
                case Guid g: return g.ToString();
                case JsonElement { ValueKind: JsonValueKind.String } e: return e.GetString();
            }

            if (value is not bool && TryGetNumber(value, out var number) && Math.Floor(number) == number && double.IsFinite(number))
            {
                return value is IFormattable f && value is not double and not float and not JsonElement
                    ? f.ToString(null, CultureInfo.InvariantCulture)
                    : number.ToString("R", CultureInfo.InvariantCulture);
            }

            throw new ScalarCoercionException("ID cannot represent value: " + Inspect.Value(value));
        }

        public override object? ParseValue(object value)
        {
            if (value is string s)
            {
                return s;
            }

            if (value is not bool && TryGetNumber(value, out var number) && Math.Floor(number) == number && double.IsFinite(number))
            {
                return number.ToString("R", CultureInfo.InvariantCulture);
            }

            throw new ScalarCoercionException("ID cannot represent value: " + Inspect.Value(value));
        }

        public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
        {
            return node switch
            {
                StringValueNode s => s.Value,
                IntValueNode i => i.Value,
                _ => throw new ScalarCoercionException("ID cannot represent a non-string and non-integer value: " + AstPrinter.Print(node)),
            };
        }
    }
}
