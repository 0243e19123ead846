using System.Collections;
using Graph.Core.Errors;

namespace Graph.Api.Schema;

/// <summary>
/// Reads a mutation's input object field by field, collecting every problem with the path of the field it is about
/// (<c>input.evidence[0].quote</c>) so that one answer lists them all; <see cref="ThrowIfAny"/> refuses the input.
/// </summary>
public sealed class InputReader
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly List<FieldProblem> _problems;

    /// <summary>Reads the input object at <paramref name="path"/>.</summary>
    public InputReader(object? values, string path = "input")
        : this(AsMap(values), path, [])
    {
    }

    private InputReader(IReadOnlyDictionary<string, object?> values, string path, List<FieldProblem> problems)
    {
        _values = values;
        Path = path;
        _problems = problems;
    }

    /// <summary>The path of this object.</summary>
    public string Path { get; }

    /// <summary>Every problem so far (shared with nested readers).</summary>
    public IReadOnlyList<FieldProblem> Problems => _problems;

    /// <summary>Records a problem with a field of this object.</summary>
    public void Problem(string field, string message) => _problems.Add(new FieldProblem(FieldPath(field), message));

    /// <summary>The path of a field of this object.</summary>
    public string FieldPath(string field) => Path + "." + field;

    /// <summary>A string field, trimmed; null when absent. Records a problem when required and empty, or too long.</summary>
    public string? Text(string field, bool required = false, int maxLength = 200)
    {
        var text = (_values.TryGetValue(field, out var value) ? value as string : null)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Problem(field, "must not be empty.");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            Problem(field, $"must be at most {maxLength} characters; got {text.Length}.");
            return null;
        }

        if (Graph.Core.ControlCharacters.Problem(text, allowLineBreaks: true) is { } control)
        {
            Problem(field, control);
            return null;
        }

        return text;
    }

    /// <summary>A value of any type as coerced by the engine; null when absent.</summary>
    public object? Value(string field) => _values.TryGetValue(field, out var value) ? value : null;

    /// <summary>True when the field was given (even as null).</summary>
    public bool Has(string field) => _values.ContainsKey(field);

    /// <summary>An Int field, or null.</summary>
    public int? Int(string field) => Value(field) switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => null,
    };

    /// <summary>A Float field, or null.</summary>
    public double? Float(string field) => Value(field) switch
    {
        double d => d,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>A nested input object, or null when absent.</summary>
    public InputReader? Object(string field) =>
        Value(field) is { } value ? new InputReader(AsMap(value), FieldPath(field), _problems) : null;

    /// <summary>The items of a list field (nested objects), or an empty list.</summary>
    public IReadOnlyList<InputReader> Objects(string field) =>
        Value(field) is IEnumerable items and not string
            ? items.Cast<object?>().Select((item, i) => new InputReader(AsMap(item), $"{FieldPath(field)}[{i}]", _problems)).ToList()
            : [];

    /// <summary>The strings of a list field, or an empty list.</summary>
    public IReadOnlyList<string> Strings(string field) =>
        Value(field) is IEnumerable items and not string ? items.OfType<string>().ToList() : [];

    /// <summary>Runs a parse that may throw the graph's argument errors, recording them as problems of the field.</summary>
    public T? Try<T>(string field, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (GraphException e)
        {
            Problem(field, e.Message);
            return default;
        }
    }

    /// <summary>Refuses the input when any problem was recorded.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InputValidationException([.. _problems]);
        }
    }

    private static IReadOnlyDictionary<string, object?> AsMap(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        IDictionary<string, object?> map => map.AsReadOnly(),
        _ => new Dictionary<string, object?>(),
    };
}
