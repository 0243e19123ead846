using Graph.Core.Model;

namespace Graph.Api.Schema.Connections;

/// <summary>
/// Where an item sits in a list's order: a short tuple of whole numbers and strings compared part by part (numbers
/// numerically, strings ordinally). Every list ends its key with something unique (an id), so the order is total and a
/// key names one position whatever is written after it was handed out.
/// </summary>
public sealed class SortKey : IComparable<SortKey>
{
    private readonly object[] _parts;

    private SortKey(object[] parts) => _parts = parts;

    /// <summary>The parts, each a <see cref="long"/> or a <see cref="string"/>.</summary>
    public IReadOnlyList<object> Parts => _parts;

    /// <summary>A key of the given parts: <see cref="long"/>, <see cref="int"/> or <see cref="string"/>.</summary>
    public static SortKey Of(params object[] parts)
    {
        var normalised = new object[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            normalised[i] = parts[i] switch
            {
                long l => l,
                int n => (long)n,
                string s => s,
                var other => throw new ArgumentException($"A sort key part is a whole number or a string; got {other?.GetType().Name ?? "null"}.", nameof(parts)),
            };
        }

        return new SortKey(normalised);
    }

    /// <summary>
    /// The parts that order a date: dated before undated, then by first day and precision, oldest first or (with
    /// <paramref name="newestFirst"/>) newest first; three parts, whether or not there is a date.
    /// </summary>
    public static object[] DateParts(PartialDate? date, bool newestFirst = false)
    {
        if (date is not { } d)
        {
            return [1L, 0L, 0L];
        }

        var sign = newestFirst ? -1L : 1L;
        return [0L, sign * d.Start.DayNumber, sign * (long)d.Precision];
    }

    /// <summary>The shape of the key: <c>n</c> for a number, <c>s</c> for a string, one letter per part.</summary>
    public string Shape => string.Concat(_parts.Select(p => p is long ? 'n' : 's'));

    /// <inheritdoc />
    public int CompareTo(SortKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Min(_parts.Length, other._parts.Length); i++)
        {
            var order = (_parts[i], other._parts[i]) switch
            {
                (long a, long b) => a.CompareTo(b),
                (string a, string b) => string.CompareOrdinal(a, b),
                (long, string) => -1,
                _ => 1,
            };
            if (order != 0)
            {
                return order;
            }
        }

        return _parts.Length.CompareTo(other._parts.Length);
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _parts.Select(p => p is string s ? "\"" + s + "\"" : p.ToString())) + "]";
}
