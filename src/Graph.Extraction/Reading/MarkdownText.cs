using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Extraction.Reading;

/// <summary>
/// Markdown to the plain text the extractor reads: headings without '#', no emphasis markers, links as their text,
/// images dropped, list items one per line; YAML front matter gives the metadata.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>True when the text is clearly Markdown: front matter, or two different kinds of Markdown syntax.</summary>
    public static bool HasStrongCues(string text)
    {
        if (FrontMatter().IsMatch(text))
        {
            return true;
        }

        var cues = 0;
        cues += AtxHeading().IsMatch(text) ? 1 : 0;
        cues += InlineLink().IsMatch(text) ? 1 : 0;
        cues += text.Contains("\n```", StringComparison.Ordinal) || text.StartsWith("```", StringComparison.Ordinal) ? 1 : 0;
        cues += Strong().IsMatch(text) ? 1 : 0;
        cues += ImageSyntax().IsMatch(text) ? 1 : 0;
        return cues >= 2;
    }

    /// <summary>The plain text and the metadata of a Markdown document whose line endings are already '\n'.</summary>
    public static (string Text, DocumentMetadata Metadata) Read(string markdown)
    {
        var (fields, body) = SplitFrontMatter(markdown);
        var blocks = new List<(string Text, bool Tight)>();
        string? firstHeading = null;
        var paragraph = new List<string>();
        var lines = body.Split('\n');

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add((string.Join(' ', paragraph), false));
                paragraph.Clear();
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                Flush();
                var fence = trimmed[..3];
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].Trim().StartsWith(fence, StringComparison.Ordinal); i++)
                {
                    code.Add(lines[i]);
                }

                if (code.Count > 0)
                {
                    blocks.Add((string.Join('\n', code), false));
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            if (ReferenceDefinition().IsMatch(trimmed) || (trimmed.StartsWith("<!--", StringComparison.Ordinal) && trimmed.EndsWith("-->", StringComparison.Ordinal)))
            {
                continue;
            }

            var heading = AtxHeadingLine().Match(trimmed);
            if (heading.Success)
            {
                Flush();
                var text = Inline(heading.Groups["text"].Value);
                if (text.Length > 0)
                {
                    firstHeading ??= text;
                    blocks.Add((text, false));
                }

                continue;
            }

            // A setext underline turns the paragraph above into a heading; alone it is a rule.
            if (SetextOrRule().IsMatch(trimmed))
            {
                if (paragraph.Count > 0 && (trimmed[0] == '=' || trimmed[0] == '-'))
                {
                    firstHeading ??= string.Join(' ', paragraph);
                }

                Flush();
                continue;
            }

            if (trimmed.StartsWith('|'))
            {
                Flush();
                if (!TableSeparator().IsMatch(trimmed))
                {
                    var cells = trimmed.Trim('|').Split('|').Select(c => Inline(c.Trim()));
                    blocks.Add((string.Join('\t', cells), true));
                }

                continue;
            }

            var item = ListItem().Match(line);
            if (item.Success)
            {
                Flush();
                var number = item.Groups["number"].Success ? item.Groups["number"].Value + " " : string.Empty;
                var text = Inline(item.Groups["text"].Value);
                if (text.Length > 0)
                {
                    blocks.Add((number + text, true));
                }

                continue;
            }

            var quoted = trimmed.StartsWith('>') ? trimmed.TrimStart('>', ' ') : trimmed;
            var inline = Inline(quoted);
            if (inline.Length > 0)
            {
                paragraph.Add(inline);
            }
        }

        Flush();

        var title = Field(fields, "title") ?? firstHeading;
        var output = new StringBuilder();
        if (title is not null && (blocks.Count == 0 || !string.Equals(blocks[0].Text, title, StringComparison.OrdinalIgnoreCase)))
        {
            blocks.Insert(0, (title, false));
        }

        for (var b = 0; b < blocks.Count; b++)
        {
            if (b > 0)
            {
                output.Append(blocks[b].Tight && blocks[b - 1].Tight ? "\n" : "\n\n");
            }

            output.Append(blocks[b].Text);
        }

        var url = Field(fields, "url") ?? Field(fields, "canonical") ?? Field(fields, "link");
        var sourceField = Field(fields, "source");
        if (url is null && sourceField is not null && sourceField.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            url = sourceField;
            sourceField = null;
        }

        var metadata = new DocumentMetadata(
            Title: title,
            Publisher: Field(fields, "publisher") ?? Field(fields, "site") ?? sourceField,
            Url: Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null,
            Published: DateText.Parse(Field(fields, "published") ?? Field(fields, "date") ?? Field(fields, "publishdate") ?? Field(fields, "pubdate")),
            Language: LanguageTag.Normalize(Field(fields, "lang") ?? Field(fields, "language")),
            Author: Field(fields, "author"));
        return (output.ToString(), metadata);
    }

    /// <summary>Inline Markdown to text: images out, links to their text, emphasis and code markers off, escapes undone.</summary>
    public static string Inline(string text)
    {
        text = ImageSyntax().Replace(text, string.Empty);
        text = InlineLink().Replace(text, "${text}");
        text = ReferenceLink().Replace(text, "${text}");
        text = AutoLink().Replace(text, "${url}");
        text = InlineCode().Replace(text, "${code}");
        text = Strong().Replace(text, "${text}");
        text = Emphasis().Replace(text, "${text}");
        text = Strike().Replace(text, "${text}");
        text = HtmlTag().Replace(text, string.Empty);
        text = Escape().Replace(text, "${char}");
        return Spaces().Replace(text, " ").Trim();
    }

    private static (Dictionary<string, string> Fields, string Body) SplitFrontMatter(string markdown)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var match = FrontMatter().Match(markdown);
        if (!match.Success)
        {
            return (fields, markdown);
        }

        foreach (var line in match.Groups["yaml"].Value.Split('\n'))
        {
            var field = YamlField().Match(line);
            if (field.Success && !fields.ContainsKey(field.Groups["key"].Value))
            {
                var value = field.Groups["value"].Value.Trim();
                if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
                {
                    value = value[1..^1];
                }

                if (value.Length > 0)
                {
                    fields[field.Groups["key"].Value] = value;
                }
            }
        }

        return (fields, markdown[match.Length..]);
    }

    private static string? Field(Dictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    [GeneratedRegex(@"\A---[ \t]*\n(?<yaml>[\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\z)")]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_\-]*)\s*:\s*(?<value>.*)$")]
    private static partial Regex YamlField();

    [GeneratedRegex(@"^#{1,6}\s+\S", RegexOptions.Multiline)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex AtxHeadingLine();

    [GeneratedRegex(@"^(?:=+|-{3,}|\*{3,}|_{3,}|(?:[-*_]\s*){3,})$")]
    private static partial Regex SetextOrRule();

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^\s{0,8}(?:[-*+]|(?<number>\d{1,3}[.)]))\s+(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\[[^\]]+\]:\s*\S+")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex ImageSyntax();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<(?<url>(?:https?|mailto):[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"`+(?<code>[^`]+)`+")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(\*\*|__)(?<text>\S(?:.*?\S)?)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])([*_])(?<text>\S(?:.*?\S)?)\1(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"~~(?<text>.+?)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!|>])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
