using System.Collections.Concurrent;
using Graph.Storage.Embedded.Index;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// Reads document texts from the store's file on read-only connections of its own (WAL lets them read beside the
/// writer), one per concurrent reader, kept for reuse.
/// </summary>
internal sealed class SqliteTextReader(string path) : ITextReader, IDisposable
{
    /// <summary>Below this many texts a scan reads them one by one; above it, one pass over the table.</summary>
    private const int ScanThreshold = 64;

    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private volatile bool _disposed;

    public string Read(int seq)
    {
        var connection = Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT text FROM documents WHERE seq = $seq";
            command.Parameters.AddWithValue("$seq", seq);
            return command.ExecuteScalar() as string
                ?? throw new InvalidOperationException($"The store's file has no document at seq {seq}: the index and the file disagree.");
        }
        finally
        {
            Return(connection);
        }
    }

    public IEnumerable<(int Seq, string Text)> ReadAll(IReadOnlyCollection<int> seqs)
    {
        if (seqs.Count < ScanThreshold)
        {
            return seqs.Select(seq => (seq, Read(seq))).ToList();
        }

        var wanted = seqs as ISet<int> ?? seqs.ToHashSet();
        var found = new List<(int, string)>(seqs.Count);
        var connection = Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, text FROM documents ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var seq = checked((int)reader.GetInt64(0));
                if (wanted.Contains(seq))
                {
                    found.Add((seq, reader.GetString(1)));
                }
            }
        }
        finally
        {
            Return(connection);
        }

        return found;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private SqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var connection))
        {
            return connection;
        }

        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private void Return(SqliteConnection connection)
    {
        if (_disposed)
        {
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }
}
