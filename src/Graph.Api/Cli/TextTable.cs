using System.Text;

namespace Graph.Api.Cli;

/// <summary>A plain text table for the terminal: a header, a rule, and left-aligned columns.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; missing cells print empty.</summary>
    public TextTable Add(params object?[] cells)
    {
        _rows.Add([.. cells.Select(c => c?.ToString() ?? "")]);
        return this;
    }

    /// <summary>Rows added so far.</summary>
    public int Count => _rows.Count;

    /// <inheritdoc />
    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine(string.Join("  ", widths.Select((w, i) => (i < cells.Count ? cells[i] : "").PadRight(w))).TrimEnd());
        Line(headers);
        Line([.. widths.Select(w => new string('-', w))]);
        foreach (var row in _rows)
        {
            Line(row);
        }

        return text.ToString();
    }
}
