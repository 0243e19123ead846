using System.Diagnostics;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Embedded.Index;
using Graph.Storage.Embedded.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Graph.Storage.Embedded;

/// <summary>
/// The default store: a SQLite file is the durable record, an in-memory adjacency index answers every read.
/// One writer at a time stages, validates, commits, then updates the index under a short write lock; readers share a
/// read lock and never see half a write.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore
{
    private readonly SqliteConnection _connection;
    private readonly EmbeddedStoreOptions _options;
    private readonly ILogger? _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly GraphIndex _index;
    private readonly SqliteTextReader _texts;
    private bool _disposed;

    // The file's identity and write count the index matches; whether this process has seen every write since it read
    // the file (another process writing the same file makes the index unfit for a snapshot); the count of the snapshot
    // on disk, or -1. Read and written under the write gate.
    private StoreStamp _stamp;
    private bool _stampTrusted;
    private long _snapshotWrites;
    private Task _snapshotTask = Task.CompletedTask;
    private Task _textIndexTask = Task.CompletedTask;
    private readonly CancellationTokenSource _closing = new();

    private EmbeddedGraphStore(SqliteConnection connection, EmbeddedStoreOptions options, GraphIndex index, StoreStamp stamp, bool trusted, bool fromSnapshot, ILogger? logger)
    {
        _connection = connection;
        _options = options;
        _index = index;
        _stamp = stamp;
        _stampTrusted = trusted;
        _snapshotWrites = fromSnapshot ? stamp.Writes : -1;
        _logger = logger;
        _texts = new SqliteTextReader(options.Path);
        index.Texts.Attach(_texts, options.DocumentTextCacheCharacters);
    }

    /// <inheritdoc />
    public string Name => "embedded";

    /// <summary>The SQLite file this store writes.</summary>
    public string Path => _options.Path;

    /// <summary>Where this store's index came from when it opened: its snapshot, or a scan of the tables.</summary>
    public IndexSource OpenedFrom { get; private init; }

    /// <summary>
    /// Opens (or creates) the store's file and builds the index from it. Throws <see cref="StoreFileException"/> when
    /// the file belongs to another program or has another schema version.
    /// </summary>
    public static Task<EmbeddedGraphStore> OpenAsync(EmbeddedStoreOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedStoreOptions();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("The embedded store needs a file path (EmbeddedStoreOptions.Path).", nameof(options));
        }

        if (options.DocumentTextCacheCharacters < 0)
        {
            throw new ArgumentException($"DocumentTextCacheCharacters must be 0 or more; got {options.DocumentTextCacheCharacters}.", nameof(options));
        }

        if (options.TextSearchWait < TimeSpan.Zero)
        {
            throw new ArgumentException($"TextSearchWait must be zero or more; got {options.TextSearchWait}.", nameof(options));
        }

        if (options.ProgressInterval < 1)
        {
            throw new ArgumentException($"ProgressInterval must be 1 or more; got {options.ProgressInterval}.", nameof(options));
        }

        return Task.Run(() => Open(options, logger), cancellationToken);
    }

    private static EmbeddedGraphStore Open(EmbeddedStoreOptions options, ILogger? logger)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var watch = Stopwatch.StartNew();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            SqliteSchema.Prepare(connection, path, options.DurableCommits);
            var stamp = SqliteSchema.ReadStamp(connection);
            string? reason = "index snapshots are off";
            var unreadable = false;
            var index = options.IndexSnapshot ? IndexSnapshot.TryRead(path, stamp, out reason, out unreadable) : null;
            var source = index is null ? IndexSource.Tables : IndexSource.Snapshot;
            var trusted = true;
            if (index is null)
            {
                index = SqliteLoader.Load(connection);

                // A write by another process during the scans could leave the index between two states: such an index
                // still serves this process (as it always has) but is never saved as a snapshot.
                trusted = SqliteSchema.ReadStamp(connection) == stamp;
            }

            logger?.LogInformation(
                "Opened graph store {Path}: {Actors} actors, {Relationships} relationships, {Evidence} evidence, {Documents} documents indexed from its {Source} in {Elapsed} ms",
                path, index.ActorCount, index.EdgeCount, index.EvidenceCount, index.DocumentCount, source == IndexSource.Snapshot ? "snapshot" : "tables", watch.ElapsedMilliseconds);
            if (unreadable)
            {
                logger?.LogWarning("Read the tables of {Path}: {Reason}", path, reason);
            }
            else if (reason is not null && options.IndexSnapshot)
            {
                logger?.LogDebug("Read the tables of {Path}: {Reason}", path, reason);
            }

            var store = new EmbeddedGraphStore(connection, options with { Path = path }, index, stamp, trusted, source == IndexSource.Snapshot, logger) { OpenedFrom = source };
            if (source == IndexSource.Tables)
            {
                // The next open need not scan again: save the copy now, off the caller's path (writers wait for it).
                store._snapshotTask = Task.Run(store.SaveSnapshotAsync);
            }

            if (SqliteSchema.TextIndexPending(connection))
            {
                // A bulk load leaves the full-text index to the first open: graph reads answer at once, while writes
                // and searches wait for the fill.
                store._textIndexTask = Task.Run(store.FillTextIndexAsync);
            }

            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // A full-text fill still running is abandoned (rolled back, still pending): the next open does it again.
        await _closing.CancelAsync().ConfigureAwait(false);
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _lock.EnterWriteLock();
            _disposed = true;
            _lock.ExitWriteLock();
            SaveSnapshot();
            _texts.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The snapshot saved in the background after an open from the tables (tests wait for it).</summary>
    internal Task BackgroundSnapshot => _snapshotTask;

    /// <summary>Saves the index snapshot, when one is wanted and the one on disk is not current (caller holds the write gate).</summary>
    private void SaveSnapshot()
    {
        if (!_options.IndexSnapshot || !_stampTrusted || _stamp.Writes == _snapshotWrites || _index.EdgeCount < _options.IndexSnapshotMinimumRelationships)
        {
            return;
        }

        if (IndexSnapshot.TrySave(_index, _options.Path, _stamp, _logger))
        {
            _snapshotWrites = _stamp.Writes;
        }
    }

    private async Task SaveSnapshotAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                SaveSnapshot();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs a read against the index under the read lock.</summary>
    private T Read<T>(Func<GraphIndex, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read(_index);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Runs a write: stage and validate (a refusal throws and changes nothing), commit one transaction, then apply it to
    /// the index under the write lock so no reader sees it half done.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<WriteBatch, T> stage, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var batch = new WriteBatch(_index);
            var result = stage(batch);
            if (batch.HasChanges)
            {
                var watch = Stopwatch.StartNew();
                var writes = SqliteWriter.Write(_connection, batch, progress, _options.ProgressInterval, cancellationToken);
                _stampTrusted &= writes == _stamp.Writes + 1; // otherwise another process wrote since this one read the file
                _stamp = _stamp with { Writes = writes };
                _lock.EnterWriteLock();
                try
                {
                    batch.ApplyTo(_index);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }

                _logger?.LogDebug("Committed {Edges} relationships ({Evidence} evidence) in {Elapsed} ms", batch.EdgeRows, batch.EvidenceRows, watch.ElapsedMilliseconds);
            }

            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static int RequireActor(GraphIndex index, ActorId id, string argument)
    {
        if (id.Value is null)
        {
            throw new InvalidArgumentException(argument, $"'{argument}' needs an actor id of the form 'kind:slug'.");
        }

        var seq = index.SeqOf(id);
        return seq >= 0 ? seq : throw new NotFoundException("actor", id.Value, NameSearch.Suggest(index, id.Value));
    }
}

/// <summary>Where an embedded store's in-memory index was read from when it opened.</summary>
public enum IndexSource
{
    /// <summary>A scan of the SQLite tables.</summary>
    Tables,

    /// <summary>The binary snapshot beside the file, current to the file's last write.</summary>
    Snapshot,
}
