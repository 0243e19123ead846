using System.Collections;
using System.Globalization;
using System.Text;

namespace Graph.GraphQL.Tests.KitchenSink;

/// <summary>
/// The canonical JSON that echo fields return, written exactly as resolvers.mjs writes it with
/// JavaScript: keys sorted by UTF-16 code units, no spaces, strings escaped as JSON.stringify
/// escapes them and numbers in ECMAScript's Number-to-String form.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Writes a coerced value: null, string, bool, number, enum value, map or list.</summary>
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                AppendString(text, s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                text.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                text.Append(NumberToString(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case Enum e:
                AppendString(text, e.ToString());
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                text.Append('{');
                var first = true;
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    AppendString(text, key);
                    text.Append(':');
                    Append(text, item);
                }

                text.Append('}');
                break;
            case IDictionary dictionary:
                Append(text, dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>((string)k, dictionary[k])).ToList());
                break;
            case IEnumerable list:
                text.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        text.Append(',');
                    }

                    firstItem = false;
                    Append(text, item);
                }

                text.Append(']');
                break;
            default:
                // An enum value whose internal value is some other object prints by its name.
                AppendString(text, value.ToString() ?? "");
                break;
        }
    }

    /// <summary>JSON.stringify's escaping: quotes, backslashes and control characters; lone surrogates as \uXXXX.</summary>
    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 ||
                        (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))) ||
                        (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]))))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>ECMAScript Number::toString for finite doubles.</summary>
    public static string NumberToString(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "null";
        }

        var sign = value < 0 ? "-" : "";
        // "E16" is not always shortest; "R" is, but may print without an exponent: normalise both forms.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        // value = 0.digits × 10^n
        var n = integerDigits - leadingZeros + exponent;
        var k = digits.Length;
        string body;
        if (k <= n && n <= 21)
        {
            body = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            body = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            body = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var exponentText = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
            body = k == 1 ? digits + "e" + exponentText : digits[..1] + "." + digits[1..] + "e" + exponentText;
        }

        return sign + body;
    }
}
