namespace Graph.GraphQL.Language;

/// <summary>
/// One lexical token: its kind and its character span in the source. <see cref="Value"/> is set only for string
/// tokens (the decoded value); the text of names and numbers is a slice of the source, read with <see cref="GetText"/>.
/// </summary>
public readonly struct Token
{
    public Token(TokenKind kind, int start, int end, string? value)
    {
        Kind = kind;
        Start = start;
        End = end;
        Value = value;
    }

    public TokenKind Kind { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>The decoded value of a String or BlockString token; null for other kinds.</summary>
    public string? Value { get; }

    /// <summary>The token's characters in <paramref name="body"/>.</summary>
    public ReadOnlySpan<char> GetText(string body) => body.AsSpan(Start, End - Start);

    /// <summary>Kind and value as used in "Expected X, found Y" messages, e.g. <c>Name "foo"</c> or <c>"}"</c>.</summary>
    public string Describe(string body)
    {
        var kind = Kind.Describe();
        return Kind switch
        {
            TokenKind.Name or TokenKind.Int or TokenKind.Float => kind + " \"" + GetText(body).ToString() + "\"",
            TokenKind.String or TokenKind.BlockString => kind + " \"" + Value + "\"",
            _ => kind,
        };
    }
}
