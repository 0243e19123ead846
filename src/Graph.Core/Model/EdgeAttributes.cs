using System.Globalization;
using Graph.Core.Errors;

namespace Graph.Core.Model;

/// <summary>
/// Facts an edge carries where the text gives them: validity dates, personnel, counts, amounts. On a relationship they
/// are what every source agrees on; on an evidence, what that one source says.
/// </summary>
public sealed record EdgeAttributes
{
    /// <summary>No attributes.</summary>
    public static readonly EdgeAttributes None = new();

    /// <summary>Names of every field, in the order they print and serialize.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["validFrom", "validTo", "personnel", "count", "countMin", "countMax", "amount", "amountMin", "amountMax", "currency", "period", "casualties", "note"];

    public PartialDate? ValidFrom { get; init; }

    public PartialDate? ValidTo { get; init; }

    /// <summary>What was sent: <c>workers</c>, <c>troops</c>.</summary>
    public string? Personnel { get; init; }

    public long? Count { get; init; }

    public long? CountMin { get; init; }

    public long? CountMax { get; init; }

    public decimal? Amount { get; init; }

    public decimal? AmountMin { get; init; }

    public decimal? AmountMax { get; init; }

    /// <summary>ISO 4217 code, e.g. <c>USD</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>What an amount is per: <c>month</c>, <c>year</c>.</summary>
    public string? Period { get; init; }

    public string? Casualties { get; init; }

    public string? Note { get; init; }

    /// <summary>True when no field is set.</summary>
    public bool IsEmpty => ToFields().Count == 0;

    /// <summary>The set fields by name, values as CLR values (PartialDate, long, decimal, string).</summary>
    public IReadOnlyDictionary<string, object> ToFields()
    {
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        Add("validFrom", ValidFrom);
        Add("validTo", ValidTo);
        Add("personnel", Personnel);
        Add("count", Count);
        Add("countMin", CountMin);
        Add("countMax", CountMax);
        Add("amount", Amount);
        Add("amountMin", AmountMin);
        Add("amountMax", AmountMax);
        Add("currency", Currency);
        Add("period", Period);
        Add("casualties", Casualties);
        Add("note", Note);
        return fields;
    }

    /// <summary>The set fields as text, the form stores keep them in.</summary>
    public IReadOnlyDictionary<string, string> ToText() =>
        ToFields().ToDictionary(f => f.Key, f => FormatValue(f.Value), StringComparer.Ordinal);

    /// <summary>Builds attributes from text fields (as stored or as given in a knowledge file); unknown names are refused.</summary>
    public static EdgeAttributes FromText(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var attributes = new EdgeAttributes();
        foreach (var (name, text) in fields)
        {
            attributes = attributes.With(name, text);
        }

        return attributes;
    }

    /// <summary>A copy with one field set from text; throws naming the field and the form it takes when the text is wrong.</summary>
    public EdgeAttributes With(string name, string text)
    {
        long Long() => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v : throw new InvalidArgumentException(name, $"Attribute '{name}' must be a whole number >= 0; got '{text}'.");
        decimal Dec() => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v : throw new InvalidArgumentException(name, $"Attribute '{name}' must be a number >= 0; got '{text}'.");

        return name switch
        {
            "validFrom" => this with { ValidFrom = PartialDate.Parse(text, name) },
            "validTo" => this with { ValidTo = PartialDate.Parse(text, name) },
            "personnel" => this with { Personnel = text },
            "count" => this with { Count = Long() },
            "countMin" => this with { CountMin = Long() },
            "countMax" => this with { CountMax = Long() },
            "amount" => this with { Amount = Dec() },
            "amountMin" => this with { AmountMin = Dec() },
            "amountMax" => this with { AmountMax = Dec() },
            "currency" => this with { Currency = text },
            "period" => this with { Period = text },
            "casualties" => this with { Casualties = text },
            "note" => this with { Note = text },
            _ => throw new InvalidArgumentException(name, $"Unknown edge attribute '{name}'. Allowed: {string.Join(", ", FieldNames)}."),
        };
    }

    /// <summary>Checks ranges are ordered; throws naming the rule.</summary>
    public void Validate()
    {
        if (ValidFrom is { } from && ValidTo is { } to && to.End < from.Start)
        {
            throw new RuleViolationException("valid-range", $"validTo ({to}) is before validFrom ({from}).");
        }

        if (CountMin > CountMax)
        {
            throw new RuleViolationException("count-range", $"countMin ({CountMin}) is greater than countMax ({CountMax}).");
        }

        if (AmountMin > AmountMax)
        {
            throw new RuleViolationException("amount-range", $"amountMin ({AmountMin}) is greater than amountMax ({AmountMax}).");
        }
    }

    /// <summary>The fields of <paramref name="other"/> laid over this one's.</summary>
    public EdgeAttributes Overlay(EdgeAttributes? other) =>
        other is null ? this : FromText(ToText().Concat(other.ToText()).GroupBy(f => f.Key).Select(g => g.Last()));

    /// <summary>Formats a field value the way it is stored.</summary>
    public static string FormatValue(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
