using Microsoft.Data.Sqlite;

namespace Graph.Storage.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <summary>
    /// Checks that the durable record is still there: opens the file afresh, read-only, and reads its schema. Reads are
    /// served from memory, so only this notices a file that was deleted, replaced or put out of reach (a lost volume).
    /// </summary>
    public async Task CheckRecordAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var probe = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _options.Path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await probe.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = probe.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
