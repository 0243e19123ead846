using System.Text;

namespace Graph.Extraction.Reading;

/// <summary>Bytes to text for the text formats: byte-order marks, a declared charset, UTF-8, UTF-16 by its NUL pattern, else Windows-1252/Latin-1.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding the bytes are in, and how many leading bytes are its byte-order mark.</summary>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> bytes, string? declared)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        // Servers and templates often claim UTF-8 for Latin-1 bytes; a claim the bytes break is ignored.
        if (ForName(declared) is { } named && (named.CodePage != Encoding.UTF8.CodePage || IsUtf8(bytes)))
        {
            return (named, 0);
        }

        if (Utf16ByNulPattern(bytes) is { } utf16)
        {
            return (utf16, 0);
        }

        return (IsUtf8(bytes) ? Encoding.UTF8 : Windows1252.Instance, 0);
    }

    /// <summary>Decodes with <paramref name="encoding"/>, dropping the byte-order mark.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, int bomLength) => encoding.GetString(bytes[bomLength..]);

    /// <summary>The encoding for a charset label, or null when unknown or blank; the Windows and ISO Latin labels share one decoder.</summary>
    public static Encoding? ForName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var label = name.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (label)
        {
            // Browsers decode all these labels as Windows-1252, a superset of Latin-1's printable characters.
            case "windows-1252" or "cp1252" or "x-cp1252" or "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii":
                return Windows1252.Instance;
            case "utf8":
                return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the bytes are well-formed UTF-8.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _strictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>UTF-16 without a byte-order mark shows as NUL bytes on every other position for Latin-script text.</summary>
    public static Encoding? Utf16ByNulPattern(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 4)
        {
            return null;
        }

        int pairs = sample.Length / 2, evenNuls = 0, oddNuls = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            evenNuls += sample[i] == 0 ? 1 : 0;
            oddNuls += sample[i + 1] == 0 ? 1 : 0;
        }

        // Little-endian ASCII puts the zero second; a few non-Latin characters may break the pattern.
        if (oddNuls >= pairs * 0.4 && evenNuls <= pairs * 0.05)
        {
            return Encoding.Unicode;
        }

        if (evenNuls >= pairs * 0.4 && oddNuls <= pairs * 0.05)
        {
            return Encoding.BigEndianUnicode;
        }

        return null;
    }
}

/// <summary>
/// Windows-1252: Latin-1 with printable characters in 0x80–0x9F (curly quotes, dashes, euro). The runtime ships only
/// Latin-1 when globalization is invariant, and real "Latin-1" files are nearly always Windows-1252.
/// </summary>
internal sealed class Windows1252 : Encoding
{
    private static readonly char[] _high =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>The one instance.</summary>
    public static Windows1252 Instance { get; } = new();

    /// <inheritdoc />
    public override string WebName => "windows-1252";

    /// <inheritdoc />
    public override int GetByteCount(char[] chars, int index, int count) => count;

    /// <inheritdoc />
    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        for (var i = 0; i < charCount; i++)
        {
            var c = chars[charIndex + i];
            var high = Array.IndexOf(_high, c);
            bytes[byteIndex + i] = high >= 0 ? (byte)(0x80 + high) : c <= 0xFF ? (byte)c : (byte)'?';
        }

        return charCount;
    }

    /// <inheritdoc />
    public override int GetCharCount(byte[] bytes, int index, int count) => count;

    /// <inheritdoc />
    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        for (var i = 0; i < byteCount; i++)
        {
            var b = bytes[byteIndex + i];
            chars[charIndex + i] = b is >= 0x80 and <= 0x9F ? _high[b - 0x80] : (char)b;
        }

        return byteCount;
    }

    /// <inheritdoc />
    public override int GetMaxByteCount(int charCount) => charCount;

    /// <inheritdoc />
    public override int GetMaxCharCount(int byteCount) => byteCount;
}
