using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// A forward-only scan with SQLite's own calls on a connection's handle, for the two scans that read a row per
/// relationship and per evidence when a store opens: Microsoft.Data.Sqlite's reader costs about a microsecond more per
/// row, a second of the open at a million rows. Columns are read by position, as the statement lists them.
/// </summary>
internal sealed class RawRows : IDisposable
{
    private readonly sqlite3 _db;
    private sqlite3_stmt? _statement;

    public RawRows(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        _statement = statement;
    }

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    public double Double(int column) => raw.sqlite3_column_double(_statement, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>The column's UTF-8 bytes, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public string String(int column) => raw.sqlite3_column_bytes(_statement, column) == 0 ? "" : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose()
    {
        if (_statement is not null)
        {
            raw.sqlite3_finalize(_statement);
            _statement = null;
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }
    }
}
