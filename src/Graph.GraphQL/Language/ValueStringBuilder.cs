using System.Buffers;

namespace Graph.GraphQL.Language;

/// <summary>A growable char buffer on a caller-provided span (usually stack memory), renting from the pool only when it outgrows it.</summary>
internal ref struct ValueStringBuilder
{
    private char[]? _rented;
    private Span<char> _chars;
    private int _length;

    public ValueStringBuilder(Span<char> initial)
    {
        _rented = null;
        _chars = initial;
        _length = 0;
    }

    public readonly int Length => _length;

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    public void AppendCodePoint(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            Append((char)codePoint);
        }
        else
        {
            codePoint -= 0x10000;
            Append((char)(0xD800 + (codePoint >> 10)));
            Append((char)(0xDC00 + (codePoint & 0x3FF)));
        }
    }

    /// <summary>Returns the text and gives back any rented buffer.</summary>
    public string ToStringAndDispose()
    {
        var result = _chars[.._length].ToString();
        Dispose();
        return result;
    }

    public void Dispose()
    {
        var rented = _rented;
        this = default;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void Grow(int additional)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + additional));
        _chars[.._length].CopyTo(next);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = next;
        _chars = next;
    }
}
