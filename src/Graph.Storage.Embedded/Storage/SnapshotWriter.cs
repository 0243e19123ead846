using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// Writes one section of an index snapshot in the layout <see cref="SnapshotReader"/> reads (that of
/// <see cref="BinaryWriter"/>: little-endian values; strings as their UTF-8 length in 7-bit groups, then the bytes) into
/// a buffer of its own, which goes to the file and into the section's hash a megabyte at a time. A
/// <see cref="BinaryWriter"/> makes a call on its stream per value: at a million relationships that was 25 million
/// calls, most of the 0.5-0.9 s the snapshot took at the end of a bulk load.
/// </summary>
internal sealed class SnapshotWriter(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 20];
    private readonly XxHash3 _hash = new();
    private int _used;
    private long _flushed;

    public void Write(int value)
    {
        Room(sizeof(int));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), value);
        _used += sizeof(int);
    }

    public void Write(double value)
    {
        Room(sizeof(double));
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_used), value);
        _used += sizeof(double);
    }

    public void Write(bool value)
    {
        Room(1);
        _buffer[_used++] = value ? (byte)1 : (byte)0;
    }

    public void Write(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        Room(5);
        for (var left = (uint)bytes; ; left >>= 7)
        {
            if (left < 0x80)
            {
                _buffer[_used++] = (byte)left;
                break;
            }

            _buffer[_used++] = (byte)(left | 0x80);
        }

        if (bytes > _buffer.Length)
        {
            // Longer than the buffer (a document-sized text): straight through.
            Flush();
            Out(Encoding.UTF8.GetBytes(value));
            return;
        }

        Room(bytes);
        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
    }

    /// <summary>Writes what is buffered and says how long the section is and what its bytes hash to.</summary>
    public (long Length, ulong Hash) Finish()
    {
        Flush();
        return (_flushed, _hash.GetCurrentHashAsUInt64());
    }

    private void Room(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            Flush();
        }
    }

    private void Flush()
    {
        Out(_buffer.AsSpan(0, _used));
        _used = 0;
    }

    private void Out(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        stream.Write(bytes);
        _flushed += bytes.Length;
    }
}
