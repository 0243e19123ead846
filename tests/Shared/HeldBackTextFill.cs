using Microsoft.Data.Sqlite;

namespace Graph.Testing;

/// <summary>
/// Makes an embedded store file's full-text index pending again (as after a bulk load) and holds the file's write lock
/// from another connection, so the next open's fill cannot start until <see cref="Release"/> (compiled into the test
/// projects that open embedded store files).
/// </summary>
internal sealed class HeldBackTextFill : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _holding;

    public HeldBackTextFill(string path)
    {
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM text_index; UPDATE store_state SET text_pending = 1;";
            command.ExecuteNonQuery();
        }

        _holding = _connection.BeginTransaction(deferred: false);
    }

    /// <summary>Lets the fill start.</summary>
    public void Release() => _holding.Rollback();

    public void Dispose()
    {
        _holding.Dispose();
        _connection.Dispose();
    }
}
