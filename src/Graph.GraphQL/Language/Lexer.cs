using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Graph.GraphQL.Error;

namespace Graph.GraphQL.Language;

/// <summary>
/// Reads the tokens of a GraphQL source one at a time, skipping ignored tokens (white space, line terminators,
/// commas, comments, the byte order mark). A mutable struct: copying it is a free lookahead.
/// Only string tokens allocate (their decoded value); everything else is offsets into the source.
/// </summary>
public struct Lexer
{
    private static readonly SearchValues<char> s_ignored = SearchValues.Create("\uFEFF\t ,\n\r");
    private static readonly SearchValues<char> s_nameContinue = SearchValues.Create("_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private readonly Source _source;
    private readonly string _body;
    private int _position;
    private TokenKind _kind;
    private int _start;
    private int _end;
    private string? _value;

    public Lexer(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _body = source.Body;
        _position = 0;
        _kind = TokenKind.StartOfFile;
        _start = 0;
        _end = 0;
        _value = null;
    }

    public readonly Source Source => _source;

    /// <summary>The current token.</summary>
    public readonly Token Token => new(_kind, _start, _end, _value);

    public readonly TokenKind Kind => _kind;

    public readonly int Start => _start;

    public readonly int End => _end;

    /// <summary>Decoded value of the current String or BlockString token.</summary>
    public readonly string? StringValue => _value;

    /// <summary>The current token's characters.</summary>
    public readonly ReadOnlySpan<char> Text => _body.AsSpan(_start, _end - _start);

    /// <summary>Moves to the next token and returns it; at the end it keeps returning EndOfFile.</summary>
    public Token Advance()
    {
        if (_kind != TokenKind.EndOfFile)
        {
            ReadToken();
        }

        return Token;
    }

    /// <summary>The token after the current one, without moving.</summary>
    public readonly Token Lookahead()
    {
        var copy = this;
        return copy.Advance();
    }

    private void ReadToken()
    {
        _value = null;
        var body = _body;
        var pos = _position;
        while ((uint)pos < (uint)body.Length)
        {
            var c = body[pos];
            switch (c)
            {
                case '\uFEFF' or '\t' or ' ' or ',' or '\n' or '\r':
                    // Indentation comes in runs (the introspection query is mostly spaces): skip a run at once.
                    var run = body.AsSpan(pos + 1).IndexOfAnyExcept(s_ignored);
                    pos = run < 0 ? body.Length : pos + 1 + run;
                    continue;
                case '#':
                    pos = SkipComment(pos);
                    continue;
                case '!': SetPunctuator(TokenKind.Bang, pos, 1); return;
                case '$': SetPunctuator(TokenKind.Dollar, pos, 1); return;
                case '&': SetPunctuator(TokenKind.Amp, pos, 1); return;
                case '(': SetPunctuator(TokenKind.ParenL, pos, 1); return;
                case ')': SetPunctuator(TokenKind.ParenR, pos, 1); return;
                case ':': SetPunctuator(TokenKind.Colon, pos, 1); return;
                case '=': SetPunctuator(TokenKind.Equals, pos, 1); return;
                case '@': SetPunctuator(TokenKind.At, pos, 1); return;
                case '[': SetPunctuator(TokenKind.BracketL, pos, 1); return;
                case ']': SetPunctuator(TokenKind.BracketR, pos, 1); return;
                case '{': SetPunctuator(TokenKind.BraceL, pos, 1); return;
                case '|': SetPunctuator(TokenKind.Pipe, pos, 1); return;
                case '}': SetPunctuator(TokenKind.BraceR, pos, 1); return;
                case '.':
                    if (CharAt(pos + 1) == '.' && CharAt(pos + 2) == '.')
                    {
                        SetPunctuator(TokenKind.Spread, pos, 3);
                        return;
                    }

                    break;
                case '"':
                    if (CharAt(pos + 1) == '"' && CharAt(pos + 2) == '"')
                    {
                        ReadBlockString(pos);
                    }
                    else
                    {
                        ReadString(pos);
                    }

                    return;
                case '-' or (>= '0' and <= '9'):
                    ReadNumber(pos, c);
                    return;
                case '_' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'):
                    ReadName(pos);
                    return;
            }

            throw UnexpectedCharacter(pos);
        }

        _kind = TokenKind.EndOfFile;
        _start = body.Length;
        _end = body.Length;
        _position = body.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetPunctuator(TokenKind kind, int pos, int length)
    {
        _kind = kind;
        _start = pos;
        _end = pos + length;
        _position = pos + length;
    }

    /// <summary>The char at <paramref name="pos"/>, or '\0' past the end (never a valid token continuation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly char CharAt(int pos) => (uint)pos < (uint)_body.Length ? _body[pos] : '\0';

    private readonly int SkipComment(int pos)
    {
        var body = _body;
        pos++;
        while (pos < body.Length)
        {
            var c = body[pos];
            if (c == '\n' || c == '\r')
            {
                break;
            }

            if (char.IsSurrogate(c))
            {
                if (!IsSupplementaryCodePoint(pos))
                {
                    break; // a lone surrogate ends the comment; reading it as a token then reports it
                }

                pos += 2;
                continue;
            }

            pos++;
        }

        return pos;
    }

    private void ReadName(int start)
    {
        var body = _body;
        var length = body.AsSpan(start + 1).IndexOfAnyExcept(s_nameContinue);
        var pos = length < 0 ? body.Length : start + 1 + length;

        _kind = TokenKind.Name;
        _start = start;
        _end = pos;
        _position = pos;
    }

    // Int: -?(0|[1-9][0-9]*); Float adds (\.[0-9]+)?([eE][+-]?[0-9]+)?
    private void ReadNumber(int start, char first)
    {
        var pos = start;
        var c = first;
        var isFloat = false;
        if (c == '-')
        {
            c = CharAt(++pos);
        }

        if (c == '0')
        {
            c = CharAt(++pos);
            if (IsDigit(c))
            {
                throw SyntaxError(pos, "Invalid number, unexpected digit after 0: " + PrintCodePointAt(pos) + ".");
            }
        }
        else
        {
            pos = ReadDigits(pos);
            c = CharAt(pos);
        }

        if (c == '.')
        {
            isFloat = true;
            pos = ReadDigits(pos + 1);
            c = CharAt(pos);
        }

        if (c == 'e' || c == 'E')
        {
            isFloat = true;
            c = CharAt(++pos);
            if (c == '+' || c == '-')
            {
                ++pos;
            }

            pos = ReadDigits(pos);
            c = CharAt(pos);
        }

        // A number may not run into a name or another dot.
        if (c == '.' || IsNameStart(c))
        {
            throw SyntaxError(pos, "Invalid number, expected digit but got: " + PrintCodePointAt(pos) + ".");
        }

        _kind = isFloat ? TokenKind.Float : TokenKind.Int;
        _start = start;
        _end = pos;
        _position = pos;
    }

    private readonly int ReadDigits(int pos)
    {
        if (!IsDigit(CharAt(pos)))
        {
            throw SyntaxError(pos, "Invalid number, expected digit but got: " + PrintCodePointAt(pos) + ".");
        }

        pos++;
        while (IsDigit(CharAt(pos)))
        {
            pos++;
        }

        return pos;
    }

    private void ReadString(int start)
    {
        var body = _body;
        var pos = start + 1;

        // Fast path: no escapes, the value is a slice of the source.
        while (pos < body.Length)
        {
            var c = body[pos];
            if (c == '"')
            {
                SetString(TokenKind.String, start, pos + 1, body.Substring(start + 1, pos - start - 1));
                return;
            }

            if (c == '\\')
            {
                ReadEscapedString(start, pos);
                return;
            }

            if (c == '\n' || c == '\r')
            {
                break;
            }

            pos = AdvanceStringCharacter(pos, c);
        }

        throw SyntaxError(pos, "Unterminated string.");
    }

    private void ReadEscapedString(int start, int pos)
    {
        var body = _body;
        var builder = new ValueStringBuilder(stackalloc char[256]);
        try
        {
            var chunkStart = start + 1;
            while (pos < body.Length)
            {
                var c = body[pos];
                if (c == '"')
                {
                    builder.Append(body.AsSpan(chunkStart, pos - chunkStart));
                    SetString(TokenKind.String, start, pos + 1, builder.ToStringAndDispose());
                    return;
                }

                if (c == '\\')
                {
                    builder.Append(body.AsSpan(chunkStart, pos - chunkStart));
                    pos += ReadEscape(pos, ref builder);
                    chunkStart = pos;
                    continue;
                }

                if (c == '\n' || c == '\r')
                {
                    break;
                }

                pos = AdvanceStringCharacter(pos, c);
            }

            throw SyntaxError(pos, "Unterminated string.");
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>Steps over one source character of a string, rejecting lone surrogates (not Unicode scalar values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int AdvanceStringCharacter(int pos, char c)
    {
        if (!char.IsSurrogate(c))
        {
            return pos + 1;
        }

        if (IsSupplementaryCodePoint(pos))
        {
            return pos + 2;
        }

        throw SyntaxError(pos, "Invalid character within String: " + PrintCodePointAt(pos) + ".");
    }

    /// <summary>Decodes the escape sequence starting with the backslash at <paramref name="pos"/>; returns its length.</summary>
    private readonly int ReadEscape(int pos, ref ValueStringBuilder builder)
    {
        switch (CharAt(pos + 1))
        {
            case '"': builder.Append('"'); return 2;
            case '\\': builder.Append('\\'); return 2;
            case '/': builder.Append('/'); return 2;
            case 'b': builder.Append('\b'); return 2;
            case 'f': builder.Append('\f'); return 2;
            case 'n': builder.Append('\n'); return 2;
            case 'r': builder.Append('\r'); return 2;
            case 't': builder.Append('\t'); return 2;
            case 'u':
                return CharAt(pos + 2) == '{'
                    ? ReadVariableWidthUnicodeEscape(pos, ref builder)
                    : ReadFixedWidthUnicodeEscape(pos, ref builder);
            default:
                throw SyntaxError(pos, "Invalid character escape sequence: \"" + Slice(pos, 2) + "\".");
        }
    }

    // \u{X...}: one to eight hex digits naming a Unicode scalar value.
    private readonly int ReadVariableWidthUnicodeEscape(int pos, ref ValueStringBuilder builder)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var c = CharAt(pos + size++);
            if (c == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                builder.AppendCodePoint(point);
                return size;
            }

            var digit = HexValue(c);
            if (digit < 0)
            {
                break;
            }

            point = (point << 4) | digit;
            if (point > 0x10FFFF)
            {
                // Keep reading to report the whole sequence, but the value can no longer be valid.
                point = 0x110000;
            }
        }

        throw SyntaxError(pos, "Invalid Unicode escape sequence: \"" + Slice(pos, size) + "\".");
    }

    // \uXXXX, where a leading surrogate must be followed by \uXXXX holding a trailing surrogate.
    private readonly int ReadFixedWidthUnicodeEscape(int pos, ref ValueStringBuilder builder)
    {
        var code = Read16BitHex(pos + 2);
        if (code >= 0 && IsUnicodeScalarValue(code))
        {
            builder.Append((char)code);
            return 6;
        }

        if (code >= 0xD800 && code <= 0xDBFF && CharAt(pos + 6) == '\\' && CharAt(pos + 7) == 'u')
        {
            var trailing = Read16BitHex(pos + 8);
            if (trailing >= 0xDC00 && trailing <= 0xDFFF)
            {
                builder.Append((char)code);
                builder.Append((char)trailing);
                return 12;
            }
        }

        throw SyntaxError(pos, "Invalid Unicode escape sequence: \"" + Slice(pos, 6) + "\".");
    }

    private readonly int Read16BitHex(int pos) =>
        (HexValue(CharAt(pos)) << 12) | (HexValue(CharAt(pos + 1)) << 8) | (HexValue(CharAt(pos + 2)) << 4) | HexValue(CharAt(pos + 3));

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>
    /// Reads <c>"""...."""</c>. First pass finds the end and the figures the spec's dedent needs (common indent,
    /// first and last non-blank lines); the second pass writes only the kept characters.
    /// </summary>
    private void ReadBlockString(int start)
    {
        var body = _body;
        var contentStart = start + 3;
        var pos = contentStart;
        var commonIndent = int.MaxValue;
        var firstNonBlank = -1;
        var lastNonBlank = -1;
        var lineIndex = 0;
        var indent = 0;
        var lineIsBlank = true;
        var hasEscape = false;

        while (pos < body.Length)
        {
            var c = body[pos];
            if (c == '"' && CharAt(pos + 1) == '"' && CharAt(pos + 2) == '"')
            {
                EndLine(lineIndex, lineIsBlank, indent, ref commonIndent, ref firstNonBlank, ref lastNonBlank);
                var value = BuildBlockStringValue(contentStart, pos, commonIndent, firstNonBlank, lastNonBlank, hasEscape);
                SetString(TokenKind.BlockString, start, pos + 3, value);
                return;
            }

            if (c == '\n' || c == '\r')
            {
                EndLine(lineIndex, lineIsBlank, indent, ref commonIndent, ref firstNonBlank, ref lastNonBlank);
                pos += c == '\r' && CharAt(pos + 1) == '\n' ? 2 : 1;
                lineIndex++;
                indent = 0;
                lineIsBlank = true;
                continue;
            }

            if (lineIsBlank)
            {
                if (c == ' ' || c == '\t')
                {
                    indent++;
                }
                else
                {
                    lineIsBlank = false;
                }
            }

            if (c == '\\' && CharAt(pos + 1) == '"' && CharAt(pos + 2) == '"' && CharAt(pos + 3) == '"')
            {
                hasEscape = true;
                pos += 4;
                continue;
            }

            pos = AdvanceStringCharacter(pos, c);
        }

        throw SyntaxError(pos, "Unterminated string.");
    }

    private static void EndLine(int lineIndex, bool isBlank, int indent, ref int commonIndent, ref int firstNonBlank, ref int lastNonBlank)
    {
        if (isBlank)
        {
            return;
        }

        if (firstNonBlank < 0)
        {
            firstNonBlank = lineIndex;
        }

        lastNonBlank = lineIndex;
        if (lineIndex != 0 && indent < commonIndent)
        {
            commonIndent = indent;
        }
    }

    private readonly string BuildBlockStringValue(int contentStart, int contentEnd, int commonIndent, int firstNonBlank, int lastNonBlank, bool hasEscape)
    {
        if (firstNonBlank < 0)
        {
            return string.Empty;
        }

        var body = _body;
        var builder = new ValueStringBuilder(stackalloc char[256]);
        var lineIndex = 0;
        var pos = contentStart;
        while (lineIndex <= lastNonBlank)
        {
            // Find the end of this line.
            var lineEnd = pos;
            while (lineEnd < contentEnd && body[lineEnd] != '\n' && body[lineEnd] != '\r')
            {
                lineEnd++;
            }

            if (lineIndex >= firstNonBlank)
            {
                if (lineIndex > firstNonBlank)
                {
                    builder.Append('\n');
                }

                var from = pos;
                if (lineIndex != 0 && commonIndent != int.MaxValue)
                {
                    from = Math.Min(pos + commonIndent, lineEnd);
                }

                var line = body.AsSpan(from, lineEnd - from);
                if (hasEscape)
                {
                    AppendUnescapingTripleQuotes(ref builder, line);
                }
                else
                {
                    builder.Append(line);
                }
            }

            pos = lineEnd + (lineEnd < contentEnd && body[lineEnd] == '\r' && lineEnd + 1 < contentEnd && body[lineEnd + 1] == '\n' ? 2 : 1);
            lineIndex++;
        }

        return builder.ToStringAndDispose();
    }

    private static void AppendUnescapingTripleQuotes(ref ValueStringBuilder builder, ReadOnlySpan<char> line)
    {
        while (true)
        {
            var at = line.IndexOf("\\\"\"\"".AsSpan());
            if (at < 0)
            {
                builder.Append(line);
                return;
            }

            builder.Append(line[..at]);
            builder.Append("\"\"\"".AsSpan());
            line = line[(at + 4)..];
        }
    }

    private void SetString(TokenKind kind, int start, int end, string value)
    {
        _kind = kind;
        _start = start;
        _end = end;
        _position = end;
        _value = value;
    }

    private readonly bool IsSupplementaryCodePoint(int pos) =>
        char.IsHighSurrogate(CharAt(pos)) && char.IsLowSurrogate(CharAt(pos + 1));

    private static bool IsUnicodeScalarValue(int code) => (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsNameStart(char c) => c == '_' || (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    private readonly string Slice(int pos, int length) => _body.Substring(pos, Math.Min(length, _body.Length - pos));

    /// <summary>A character for an error message: printable ASCII quoted, anything else as U+XXXX, or &lt;EOF&gt;.</summary>
    private readonly string PrintCodePointAt(int pos)
    {
        if (pos >= _body.Length)
        {
            return "<EOF>";
        }

        var c = _body[pos];
        if (c >= 0x20 && c <= 0x7E)
        {
            return c == '"' ? "'\"'" : "\"" + c + "\"";
        }

        var code = IsSupplementaryCodePoint(pos) ? char.ConvertToUtf32(c, _body[pos + 1]) : c;
        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly GraphQLSyntaxError UnexpectedCharacter(int pos)
    {
        var c = _body[pos];
        if (c == '\'')
        {
            return SyntaxError(pos, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
        }

        var isValid = !char.IsSurrogate(c) || IsSupplementaryCodePoint(pos);
        return SyntaxError(pos, (isValid ? "Unexpected character: " : "Invalid character: ") + PrintCodePointAt(pos) + ".");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly GraphQLSyntaxError SyntaxError(int pos, string description) => new(_source, pos, description);
}
