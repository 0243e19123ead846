using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Tests.Embedded;

/// <summary>Statements run straight on a store file, for tests that check or change what the store wrote there.</summary>
internal static class RawSql
{
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, as SQLite gives it (long, double, string, byte[] or DBNull).</summary>
    public static object? Value(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The first column of the first row as a whole number.</summary>
    public static long Scalar(SqliteConnection connection, string sql) => Convert.ToInt64(Value(connection, sql), CultureInfo.InvariantCulture);

    /// <summary>A whole number read from the file at <paramref name="path"/> on a connection of its own.</summary>
    public static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return Scalar(connection, sql);
    }
}
