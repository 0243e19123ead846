using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
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
/// Rows are planned and written on a writer thread of the loader's own while the caller stages the next batch:
/// <see cref="Add"/> validates and merges the batch against the index (settling every value its rows need), applies it
/// to the index and hands the batch over (at most two wait); batches are reused once written. A failure to write rows
/// (a full disk) fails the load at the next call, since without a journal nothing can be rolled back. The index the
/// load builds is saved beside the file (<see cref="IndexSnapshot"/>), so the first open reads it instead of the tables.
/// The rows go to a temporary file beside the target, which is renamed into place only by <see cref="CompleteAsync"/>
/// after the indexes are built and the file is flushed to disk (the disk has taken most of it by then: the writer thread
/// starts write-back after each batch, <see cref="WriteBack"/>). A load that fails, is cancelled or is disposed without
/// completing deletes its temporary file: the target path never holds half a load.
/// </remarks>
public sealed class EmbeddedBulkLoader : IAsyncDisposable
{
    /// <summary>The page size of a bulk-loaded file, in bytes.</summary>
    internal const int PageSize = 16_384;

    private readonly string _path;
    private readonly string _temporary;
    private readonly SqliteConnection _connection;
    private readonly FileStream _file; // the temporary file, for starting write-back during the load and the flush at its end
    private readonly GraphIndex _index = new() { LinksEnds = false };
    private readonly ConcurrentBag<WriteBatch> _freeBatches = [];
    private readonly int _progressInterval;
    private readonly ILogger? _logger;
    private readonly Stopwatch _rowsTime = new();
    private readonly StoreStamp _created; // the file's identity and write count before the first batch
    private int _batchesHandedOver; // each is one write transaction: the count the file's stamp will have moved on by
    private readonly BlockingCollection<WriteBatch> _pending = new(boundedCapacity: 2);
    private WritePlan? _plan; // the writer thread's, refilled for each batch
    private readonly Thread _writer;
    private volatile ExceptionDispatchInfo? _writeError;
    private volatile bool _abandoned;
    private State _state = State.Loading;

    private EmbeddedBulkLoader(string path, string temporary, SqliteConnection connection, int progressInterval, ILogger? logger)
    {
        _created = SqliteSchema.ReadStamp(connection);
        _path = path;
        _temporary = temporary;
        _connection = connection;
        _file = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        _progressInterval = progressInterval;
        _logger = logger;
        _writer = new Thread(WriteRows) { IsBackground = true, Name = "bulk load rows" };
        _writer.Start();
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
    /// <param name="path">The new store file.</param>
    /// <param name="progressInterval">Rows between two progress reports of a batch's staging.</param>
    /// <param name="logger">Where the load logs (quiet: one line when it completes).</param>
    /// <param name="expected">
    /// How big the graph will be, when the caller knows: the index is sized once instead of growing by copies, which
    /// each cost a full collection at this size. Only a hint: a load may end smaller or larger.
    /// </param>
    public static EmbeddedBulkLoader Create(string path, int progressInterval = 50_000, ILogger? logger = null, BulkLoadSize? expected = null)
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
            // deleted, so there is nothing to roll back or to keep across a crash. Pages of 16 KiB instead of SQLite's
            // 4 KiB: a bulk load appends hundreds of megabytes, and a quarter as many pages means a quarter as many page
            // fetches, splits and cache entries. A page size is fixed once the first table exists, so it is set first.
            // Stores created empty keep the default: they grow by small WAL commits, which copy each page they touch
            // whole. The page cache is small (16 MiB): appending only ever works on the right edge of each B-tree and
            // on the actor-id index, and full pages can go to the file at once. A cache the size of the file held every
            // page twice, in SQLite's memory and in the OS's file cache, and each page of that memory cost a page fault
            // (11-14 µs each on our 2-core VMs): 68,000 of them, a third of the writer thread's time at 1M relationships.
            foreach (var pragma in new[] { $"page_size={PageSize}", "journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", "locking_mode=EXCLUSIVE", "temp_store=MEMORY", "cache_size=-16384" })
            {
                Pragma(connection, pragma);
            }

            SqliteSchema.CreateTablesForBulkLoad(connection);
            var loader = new EmbeddedBulkLoader(full, temporary, connection, progressInterval, logger);
            if (expected is { } size)
            {
                loader._index.ReserveCapacity(size.Actors, size.Documents, size.Relationships, size.Evidence);
            }

            return loader;
        }
        catch
        {
            connection.Dispose();
            DeleteFiles(temporary);
            throw;
        }
    }

    /// <summary>
    /// Writes a new store file holding <paramref name="snapshot"/>: its actors and documents first, then its
    /// relationships in batches of <paramref name="batchSize"/>, so rows are written while the next batch is checked.
    /// All or nothing: a refused relationship throws, and no file is left at <paramref name="path"/>. Progress comes as
    /// the stage <c>loading</c> (relationships), then <c>snapshot</c> and <c>indexing</c>.
    /// </summary>
    public static async Task<(UpsertResult Result, BulkLoadFigures Figures)> LoadAsync(
        string path, GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, ILogger? logger = null, int batchSize = 20_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), $"batchSize must be 1 or more; got {batchSize}.");
        }

        var size = new BulkLoadSize(snapshot.Actors.Count, snapshot.Documents.Count, snapshot.Relationships.Count, snapshot.Relationships.Sum(r => r.Evidence?.Count ?? 0));
        await using var loader = Create(path, logger: logger, expected: size);
        int created = 0, updated = 0, unchanged = 0;
        var relationships = snapshot.Relationships;
        for (var start = 0; start == 0 || start < relationships.Count; start += batchSize)
        {
            var batch = new GraphSnapshot(
                start == 0 ? snapshot.Actors : [],
                start == 0 ? snapshot.Documents : [],
                [.. relationships.Skip(start).Take(batchSize)]);
            var result = loader.Add(batch, null, cancellationToken);
            (created, updated, unchanged) = (created + result.Created, updated + result.Updated, unchanged + result.Unchanged);
            progress?.Report(new ImportProgress("loading", Math.Min(start + batchSize, relationships.Count), relationships.Count));
        }

        var figures = await loader.CompleteAsync(progress, cancellationToken).ConfigureAwait(false);
        return (new UpsertResult(created, updated, unchanged), figures);
    }

    /// <summary>
    /// Validates the snapshot against everything loaded before it, merges repeated relationship keys, and writes its
    /// rows. A refused snapshot throws the store's usual validation error and writes nothing.
    /// </summary>
    public UpsertResult Add(GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        RequireLoading();
        _rowsTime.Start();
        try
        {
            var batch = _freeBatches.TryTake(out var free) ? free : new WriteBatch(_index);
            batch.Reset();
            UpsertResult result;
            try
            {
                result = batch.StageSnapshot(snapshot, progress, _progressInterval, cancellationToken);
            }
            catch
            {
                _freeBatches.Add(batch);
                throw;
            }

            if (!batch.HasChanges)
            {
                _freeBatches.Add(batch);
                return result;
            }

            // The index moves on for the next batch's staging while the writer thread plans and writes these rows (a
            // plan reads only its batch).
            try
            {
                batch.ApplyTo(_index);
                _pending.Add(batch, CancellationToken.None);
                _batchesHandedOver++;
            }
            catch
            {
                // The index may hold part of the batch and the file none of it: the load cannot go on.
                _state = State.Failed;
                throw;
            }

            return result;
        }
        finally
        {
            _rowsTime.Stop();
        }
    }

    /// <summary>
    /// The writer thread: plans each batch and writes its rows in its own transaction, in the order they were added, then
    /// hands the batch back for reuse.
    /// </summary>
    private void WriteRows()
    {
        foreach (var batch in _pending.GetConsumingEnumerable())
        {
            if (_writeError is null && !_abandoned)
            {
                try
                {
                    _plan = SqliteWriter.Plan(batch, textIndex: false, _plan);
                    SqliteWriter.Run(_connection, _plan, null, int.MaxValue, CancellationToken.None);
                    WriteBack.Start(_file.SafeFileHandle);
                }
                catch (Exception e)
                {
                    _writeError = ExceptionDispatchInfo.Capture(e);
                }
            }

            _freeBatches.Add(batch);
        }
    }

    /// <summary>Sets a pragma on the load's connection before any row is written (tests: a disk that fills up).</summary>
    internal void RunPragmaForTests(string pragma) => Pragma(_connection, pragma);

    /// <summary>Waits for the writer thread to write every row handed to it, and rethrows a failure it had.</summary>
    private void DrainWriter()
    {
        _pending.CompleteAdding();
        _writer.Join();
        if (_writeError is { } error)
        {
            throw WriteFailure(error);
        }
    }

    private InvalidOperationException WriteFailure(ExceptionDispatchInfo error) =>
        new($"The bulk load of '{_path}' failed writing rows: {error.SourceException.Message} Dispose the loader (its temporary file is deleted) and start again.", error.SourceException);

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
        Stopwatch indexing;
        Task<bool>? snapshot = null;
        try
        {
            // The index is complete once the last batch is applied, and the writer thread reads only batches: the index
            // the load built is saved beside the file (the one the first open would scan the tables for) on another
            // core while the writer finishes its last batches and SQLite sorts the B-tree indexes. It is stamped with the
            // write count those batches leave (one write each; building indexes writes no row), checked once they are in.
            var stamp = _created with { Writes = _created.Writes + _batchesHandedOver };
            progress?.Report(new ImportProgress("snapshot", 0, 1));
            snapshot = Task.Run(() => IndexSnapshot.TrySave(_index, _temporary, stamp, _logger), CancellationToken.None);

            _rowsTime.Start();
            DrainWriter();
            _rowsTime.Stop();
            indexing = Stopwatch.StartNew();
            cancellationToken.ThrowIfCancellationRequested();
            var written = SqliteSchema.ReadStamp(_connection);
            if (written != stamp)
            {
                // Never expected; an open would ignore a snapshot stamped otherwise than its file anyway.
                _logger?.LogWarning("The bulk load of {Path} wrote {Writes} transactions for {Batches} batches; its index snapshot is not kept", _path, written.Writes - _created.Writes, _batchesHandedOver);
            }

            progress?.Report(new ImportProgress("indexing", 0, 1));
            using (var transaction = _connection.BeginTransaction())
            {
                SqliteSchema.FinishNewFile(_connection, transaction, textIndexPending: true);
                transaction.Commit();
            }

            // Leave the file in rollback-journal mode; the store switches it to WAL when it opens it.
            Pragma(_connection, "journal_mode=DELETE");

            _connection.Close();
            _file.Flush(flushToDisk: true);
            _file.Dispose();

            progress?.Report(new ImportProgress("indexing", 1, 1));
            var saved = snapshot.Result;
            progress?.Report(new ImportProgress("snapshot", 1, 1));

            // The file first: a snapshot without its file would be useless, a file without its snapshot only opens slower.
            File.Move(_temporary, _path, overwrite: false);
            if (saved && written == stamp)
            {
                MoveSnapshot();
            }
            else if (saved)
            {
                File.Delete(IndexSnapshot.PathOf(_temporary));
            }
        }
        catch
        {
            _state = State.Failed;
            snapshot?.Wait(CancellationToken.None);
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
        _abandoned = true;
        if (!_pending.IsAddingCompleted)
        {
            _pending.CompleteAdding();
        }

        _writer.Join();
        _pending.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
        if (!completed)
        {
            DeleteFiles(_temporary);
        }
    }

    private void RequireLoading()
    {
        if (_state == State.Loading && _writeError is { } error)
        {
            _state = State.Failed;
            throw WriteFailure(error);
        }

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

    private void MoveSnapshot()
    {
        try
        {
            File.Move(IndexSnapshot.PathOf(_temporary), IndexSnapshot.PathOf(_path), overwrite: true);
        }
        catch (IOException e)
        {
            File.Delete(IndexSnapshot.PathOf(_temporary));
            _logger?.LogWarning("Could not move the index snapshot of {Path} into place; the first open reads the tables: {Error}", _path, e.Message);
        }
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma + ";";
        command.ExecuteNonQuery();
    }

    private static void DeleteFiles(string path)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm", ".index" })
        {
            File.Delete(path + suffix);
        }
    }
}

/// <summary>What a bulk load wrote and where its time went: writing rows, and building the indexes at the end.</summary>
public sealed record BulkLoadFigures(int Actors, int Documents, int Relationships, int Evidence, TimeSpan RowsTime, TimeSpan IndexTime);

/// <summary>
/// How many actors, documents, relationships and evidence rows a bulk load expects: a sizing hint, never a limit.
/// Counts are 0 or more.
/// </summary>
public sealed record BulkLoadSize(int Actors, int Documents, int Relationships, int Evidence)
{
    public int Actors { get; } = NotNegative(Actors, nameof(Actors));

    public int Documents { get; } = NotNegative(Documents, nameof(Documents));

    public int Relationships { get; } = NotNegative(Relationships, nameof(Relationships));

    public int Evidence { get; } = NotNegative(Evidence, nameof(Evidence));

    private static int NotNegative(int count, string name) =>
        count >= 0 ? count : throw new ArgumentOutOfRangeException(name, count, $"{name} is a count: 0 or more.");
}
