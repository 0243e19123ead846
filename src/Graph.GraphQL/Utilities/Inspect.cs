using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Renders a runtime value for error messages the way graphql-js's <c>inspect</c> does:
/// strings quoted, objects as <c>{ a: 1 }</c>, lists as <c>[1, 2]</c>, nesting cut at depth 2.
/// </summary>
public static class Inspect
{
    private const int MaxArrayLength = 10;
    private const int MaxDepth = 2;

    /// <summary>The value as text for a message.</summary>
    public static string Value(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string s:
                builder.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case double d:
                builder.Append(JsNumber.Format(d));
                return;
            case float f:
                builder.Append(JsNumber.Format(f));
                return;
            case JsonElement element:
                Append(builder, JsonValues.ToPlain(element), depth);
                return;
            case Enum e:
                builder.Append(e.ToString());
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
        }

        if (JsonValues.TryAsObject(value, out var map))
        {
            if (map.Count == 0)
            {
                builder.Append("{}");
                return;
            }

            if (depth >= MaxDepth)
            {
                builder.Append("[Object]");
                return;
            }

            builder.Append("{ ");
            var first = true;
            foreach (var pair in map)
            {
                if (!first)
                {
                    builder.Append(", ");
                }

                first = false;
                builder.Append(pair.Key).Append(": ");
                Append(builder, pair.Value, depth + 1);
            }

            builder.Append(" }");
            return;
        }

        if (value is IEnumerable enumerable)
        {
            var items = new List<object?>();
            foreach (var item in enumerable)
            {
                items.Add(item);
            }

            if (items.Count == 0)
            {
                builder.Append("[]");
                return;
            }

            if (depth >= MaxDepth)
            {
                builder.Append("[Array]");
                return;
            }

            builder.Append('[');
            var shown = Math.Min(items.Count, MaxArrayLength);
            for (var i = 0; i < shown; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                Append(builder, items[i], depth + 1);
            }

            var remaining = items.Count - shown;
            if (remaining == 1)
            {
                builder.Append(", ... 1 more item");
            }
            else if (remaining > 1)
            {
                builder.Append(", ... ").Append(remaining).Append(" more items");
            }

            builder.Append(']');
            return;
        }

        builder.Append(value.ToString());
    }
}

/// <summary>Formats doubles the way JavaScript's <c>String(number)</c> does (shortest round-trip digits, same exponent rules).</summary>
public static class JsNumber
{
    /// <summary>The number as JavaScript would print it.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        // Split the shortest round-trip representation into digits and a decimal exponent, then lay it out as JS does.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = value < 0;
        var digits = new StringBuilder();
        int exponent;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        var exp10 = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        digits.Append(intPart).Append(fracPart);
        exponent = intPart.Length + exp10; // position of the decimal point relative to the digit string
        var allDigits = digits.ToString().TrimStart('0');
        exponent -= digits.Length - digits.ToString().TrimStart('0').Length;
        allDigits = allDigits.TrimEnd('0');
        if (allDigits.Length == 0)
        {
            return "0";
        }

        var k = allDigits.Length;
        var n = exponent;
        var result = new StringBuilder();
        if (negative)
        {
            result.Append('-');
        }

        if (k <= n && n <= 21)
        {
            result.Append(allDigits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(allDigits, 0, n).Append('.').Append(allDigits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(allDigits);
        }
        else
        {
            result.Append(allDigits[0]);
            if (k > 1)
            {
                result.Append('.').Append(allDigits, 1, k - 1);
            }

            var e = n - 1;
            result.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }
}
