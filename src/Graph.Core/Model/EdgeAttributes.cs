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
    public bool IsEmpty =>
        ValidFrom is null && ValidTo is null && Personnel is null && Count is null && CountMin is null && CountMax is null
        && Amount is null && AmountMin is null && AmountMax is null && Currency is null && Period is null && Casualties is null && Note is null;

    /// <summary>The set fields by name, values as CLR values (PartialDate, long, decimal, string).</summary>
    public IReadOnlyDictionary<string, object> ToFields() => new Dictionary<string, object>(SetFields(), StringComparer.Ordinal);

    /// <summary>The set fields in <see cref="FieldNames"/> order.</summary>
    private IEnumerable<KeyValuePair<string, object>> SetFields()
    {
        if (ValidFrom is { } validFrom) { yield return new("validFrom", validFrom); }
        if (ValidTo is { } validTo) { yield return new("validTo", validTo); }
        if (Personnel is { } personnel) { yield return new("personnel", personnel); }
        if (Count is { } count) { yield return new("count", count); }
        if (CountMin is { } countMin) { yield return new("countMin", countMin); }
        if (CountMax is { } countMax) { yield return new("countMax", countMax); }
        if (Amount is { } amount) { yield return new("amount", amount); }
        if (AmountMin is { } amountMin) { yield return new("amountMin", amountMin); }
        if (AmountMax is { } amountMax) { yield return new("amountMax", amountMax); }
        if (Currency is { } currency) { yield return new("currency", currency); }
        if (Period is { } period) { yield return new("period", period); }
        if (Casualties is { } casualties) { yield return new("casualties", casualties); }
        if (Note is { } note) { yield return new("note", note); }
    }

    /// <summary>The set fields as text, the form stores keep them in.</summary>
    public IReadOnlyDictionary<string, string> ToText() => new Dictionary<string, string>(TextFields(), StringComparer.Ordinal);

    /// <summary>
    /// The set fields as text, in <see cref="FieldNames"/> order, without building a map: stores write every edge's
    /// attributes, and a map (with its values boxed) per edge was most of a bulk load's garbage.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> TextFields()
    {
        foreach (var (name, value) in SetFields())
        {
            yield return new(name, FormatValue(value));
        }
    }

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
