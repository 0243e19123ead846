using System.Diagnostics;
using Graph.Core.Store;
using Graph.Storage.Embedded.Index;
using Graph.Storage.Embedded.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Graph.Storage.Embedded.Bulk;

/// <summary>
/// Writes a new store file from a stream of snapshots faster than importing them into an open store: rows are written
/// without a rollback journal, fsync, foreign-key checks or secondary indexes, and the indexes are built once, at the
/// end. The full-text index is left to the store's first open, which fills it in the background (as a database
/// populates its indexes after an offline import): the load is done sooner, and the graph answers at once after it
/// while searches wait for the fill. Every snapshot is still validated and merged exactly as <see cref="EmbeddedGraphStore.ImportAsync"/>
/// does (the same staging code); a refused snapshot throws and writes nothing, and the load can go on.
/// </summary>
/// <remarks>
/// The index the load builds is saved beside the file (<see cref="IndexSnapshot"/>), so the first open reads it instead
/// of the tables. The rows go to a temporary file beside the target, which is renamed into place only by <see cref="CompleteAsync"/>
/// after the indexes are built and the file is flushed to disk. A load that fails, is cancelled or is disposed without
/// completing deletes its temporary file: the target path never holds half a load.
/// </remarks>
public sealed class EmbeddedBulkLoader : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly SqliteConnection _connection;
    private readonly GraphIndex _index = new();
    private readonly int _progressInterval;
    private readonly ILogger? _logger;
    private readonly Stopwatch _rowsTime = new();
    private State _state = State.Loading;

    private EmbeddedBulkLoader(string path, string temporary, SqliteConnection connection, int progressInterval, ILogger? logger)
    {
        _path = path;
        _temporary = temporary;
        _connection = connection;
        _progressInterval = progressInterval;
        _logger = logger;
    }

    private enum State
    {
        Loading,
        Failed,
        Completed,
        Disposed,
    }

    /// <summary>The store file the load creates.</summary>
    public string Path => _path;

    /// <summary>Relationships written so far (after merging repeated keys).</summary>
    public int Relationships => _index.EdgeCount;

    /// <summary>Actors written so far.</summary>
    public int Actors => _index.ActorCount;

    /// <summary>
    /// Starts a load into a new file at <paramref name="path"/>. Refuses a path that already holds a file: a bulk load
    /// creates a store, it never adds to one (import into the open store for that).
    /// </summary>
    public static EmbeddedBulkLoader Create(string path, int progressInterval = 50_000, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (progressInterval < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(progressInterval), $"progressInterval must be 1 or more; got {progressInterval}.");
        }

        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new StoreFileException(full, $"'{full}' already exists. A bulk load writes a new store file; choose a path with no file, or import into the existing store instead.");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temporary = $"{full}.loading-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = temporary,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();

            // No journal and no fsync while loading: the file is private until it is complete, and a failed load is
            // deleted, so there is nothing to roll back or to keep across a crash.
            foreach (var pragma in new[] { "journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", "locking_mode=EXCLUSIVE", "temp_store=MEMORY", "cache_size=-262144" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA " + pragma + ";";
                command.ExecuteNonQuery();
            }

            SqliteSchema.CreateTablesForBulkLoad(connection);
            return new EmbeddedBulkLoader(full, temporary, connection, progressInterval, logger);
        }
        catch
        {
            connection.Dispose();
            DeleteFiles(temporary);
            throw;
        }
    }

    /// <summary>
    /// Validates the snapshot against everything loaded before it, merges repeated relationship keys, and writes its
    /// rows. A refused snapshot throws the store's usual validation error and writes nothing.
    /// </summary>
    public UpsertResult Add(GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        RequireLoading();
        var batch = new WriteBatch(_index);
        var result = batch.StageSnapshot(snapshot, progress, _progressInterval, cancellationToken);
        if (!batch.HasChanges)
        {
            return result;
        }

        try
        {
            _rowsTime.Start();
            SqliteWriter.Write(_connection, batch, progress, _progressInterval, cancellationToken, textIndex: false);
            batch.ApplyTo(_index);
        }
        catch
        {
            // Without a journal a write that stopped half way cannot be rolled back: the file is abandoned.
            _state = State.Failed;
            throw;
        }
        finally
        {
            _rowsTime.Stop();
        }

        return result;
    }

    /// <summary>
    /// Builds the secondary indexes, marks the full-text index for the first open to fill, flushes the file to disk and
    /// moves it to <see cref="Path"/>.
    /// After this the loader is done; open the file with <see cref="EmbeddedGraphStore.OpenAsync"/>.
    /// </summary>
    public Task<BulkLoadFigures> CompleteAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireLoading();
        return Task.Run(() => Complete(progress, cancellationToken), cancellationToken);
    }

    private BulkLoadFigures Complete(IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var indexing = Stopwatch.StartNew();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ImportProgress("indexing", 0, 1));
            using (var transaction = _connection.BeginTransaction())
            {
                SqliteSchema.FinishNewFile(_connection, transaction, fillTextIndex: false);
                transaction.Commit();
            }

            using (var command = _connection.CreateCommand())
            {
                // Leave the file in rollback-journal mode; the store switches it to WAL when it opens it.
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                command.ExecuteNonQuery();
            }

            var stamp = SqliteSchema.ReadStamp(_connection);
            _connection.Close();
            using (var file = new FileStream(_temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                file.Flush(flushToDisk: true);
            }

            File.Move(_temporary, _path, overwrite: false);
            progress?.Report(new ImportProgress("indexing", 1, 1));

            // The index the load built is the one the first open would scan the tables for: save it beside the file.
            progress?.Report(new ImportProgress("snapshot", 0, 1));
            IndexSnapshot.TrySave(_index, _path, stamp, _logger);
            progress?.Report(new ImportProgress("snapshot", 1, 1));
        }
        catch
        {
            _state = State.Failed;
            throw;
        }

        _state = State.Completed;
        var figures = new BulkLoadFigures(_index.ActorCount, _index.DocumentCount, _index.EdgeCount, _index.EvidenceCount, _rowsTime.Elapsed, indexing.Elapsed);
        _logger?.LogInformation(
            "Bulk-loaded {Path}: {Actors} actors, {Relationships} relationships, {Evidence} evidence; rows in {Rows} ms, indexes in {Indexes} ms",
            _path, figures.Actors, figures.Relationships, figures.Evidence, (long)figures.RowsTime.TotalMilliseconds, (long)figures.IndexTime.TotalMilliseconds);
        return figures;
    }

    /// <summary>Closes the loader; without a completed load its temporary file is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_state == State.Disposed)
        {
            return;
        }

        var completed = _state == State.Completed;
        _state = State.Disposed;
        await _connection.DisposeAsync().ConfigureAwait(false);
        if (!completed)
        {
            DeleteFiles(_temporary);
        }
    }

    private void RequireLoading()
    {
        switch (_state)
        {
            case State.Failed:
                throw new InvalidOperationException($"The bulk load of '{_path}' failed earlier and cannot go on; dispose the loader (its temporary file is deleted) and start again.");
            case State.Completed:
                throw new InvalidOperationException($"The bulk load of '{_path}' is complete; open the file as a store to add more.");
            case State.Disposed:
                throw new ObjectDisposedException(nameof(EmbeddedBulkLoader));
        }
    }

    private static void DeleteFiles(string path)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}

/// <summary>What a bulk load wrote and where its time went: writing rows, and building the indexes at the end.</summary>
public sealed record BulkLoadFigures(int Actors, int Documents, int Relationships, int Evidence, TimeSpan RowsTime, TimeSpan IndexTime);
