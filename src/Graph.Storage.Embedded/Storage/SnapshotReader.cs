using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// Reads one section of an index snapshot: the values <see cref="BinaryWriter"/> wrote, from a buffer of its own,
/// hashing the bytes as they come in. A <see cref="BinaryReader"/> makes a call on its stream per value; at two million
/// rows of eight values that call was most of the read. Its methods are compiled optimized at once: an open runs them
/// a few million times while the runtime is still starting, before tiered compilation would get round to them.
/// </summary>
internal sealed class SnapshotReader(Stream stream, long length)
{
    private readonly byte[] _buffer = new byte[1 << 20];
    private readonly XxHash3 _hash = new();
    private long _left = length; // bytes of the section not read from the stream yet
    private int _at;
    private int _end;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Int32()
    {
        Need(sizeof(int));
        var value = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_at));
        _at += sizeof(int);
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Double()
    {
        Need(sizeof(double));
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_buffer.AsSpan(_at));
        _at += sizeof(double);
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Boolean()
    {
        Need(1);
        return _buffer[_at++] switch
        {
            0 => false,
            1 => true,
            var other => throw new InvalidDataException($"{other} is not a boolean"),
        };
    }

    /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> writes it: its UTF-8 length in 7-bit groups, then the bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string String()
    {
        var bytes = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw new InvalidDataException("a string length runs past five bytes");
            }

            Need(1);
            var part = _buffer[_at++];
            bytes |= (part & 0x7F) << shift;
            if (part < 0x80)
            {
                break;
            }
        }

        if (bytes < 0 || bytes > _left + _end - _at)
        {
            throw new InvalidDataException($"a string of {bytes} bytes runs past the end of its section");
        }

        if (bytes > _buffer.Length)
        {
            var large = new byte[bytes];
            var have = _end - _at;
            _buffer.AsSpan(_at, have).CopyTo(large);
            _at = _end;
            Fill(large.AsSpan(have));
            return Encoding.UTF8.GetString(large);
        }

        Need(bytes);
        var text = Encoding.UTF8.GetString(_buffer, _at, bytes);
        _at += bytes;
        return text;
    }

    /// <summary>A string written after a flag saying whether it is there (an empty string stands in when it is not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Optional()
    {
        var present = Boolean();
        var text = String();
        return present ? text : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Count(int max)
    {
        var count = Int32();
        return count >= 0 && count <= max ? count : throw new InvalidDataException($"a count of {count} is out of range (0..{max})");
    }

    /// <summary>The next seq of a list: rising, and inside its slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int NextSeq(ref int last, int slots)
    {
        var seq = Int32();
        if (seq <= last || seq >= slots)
        {
            throw new InvalidDataException($"seq {seq} is out of order or range (after {last}, below {slots})");
        }

        last = seq;
        return seq;
    }

    /// <summary>Checks the whole section was read and its bytes hash to <paramref name="expected"/>.</summary>
    public void End(ulong expected)
    {
        if (_at != _end || _left != 0)
        {
            throw new InvalidDataException("the section goes on past what its counts say");
        }

        if (_hash.GetCurrentHashAsUInt64() != expected)
        {
            throw new InvalidDataException("the section is damaged: its checksum does not match");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Need(int bytes)
    {
        if (_end - _at >= bytes)
        {
            return;
        }

        // Keep the unread tail, then fill the rest of the buffer from the stream.
        var tail = _end - _at;
        Buffer.BlockCopy(_buffer, _at, _buffer, 0, tail);
        _at = 0;
        _end = tail;
        var wanted = (int)Math.Min(_buffer.Length - tail, _left);
        Fill(_buffer.AsSpan(tail, wanted));
        _end += wanted;
        if (_end < bytes)
        {
            throw new EndOfStreamException("the section ends inside a value");
        }
    }

    private void Fill(Span<byte> target)
    {
        if (target.Length > _left)
        {
            throw new EndOfStreamException("the section ends inside a value");
        }

        stream.ReadExactly(target);
        _hash.Append(target);
        _left -= target.Length;
    }
}
