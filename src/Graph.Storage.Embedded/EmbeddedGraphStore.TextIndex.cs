using System.Diagnostics;
using Graph.Core.Errors;
using Graph.Storage.Embedded.Storage;
using Microsoft.Extensions.Logging;

namespace Graph.Storage.Embedded;

/// <summary>
/// Filling the full-text index that a bulk load leaves to the first open, the way a database populates its indexes
/// after an offline import: in the background, in one transaction, holding the write gate (writes and the searches,
/// which share the connection, wait for it; reads of the graph do not).
/// </summary>
public sealed partial class EmbeddedGraphStore
{
    private string? _textIndexProblem;

    // How far this open's fill has got, for a search that stops waiting (a torn read only blurs a progress message).
    private long _textFillDone;
    private long _textFillTotal;
    private long _textFillStarted;

    /// <summary>
    /// Waits for this open's full-text fill, if one is running, up to <see cref="EmbeddedStoreOptions.TextSearchWait"/>;
    /// past that a search answers UNAVAILABLE with the fill's progress rather than hold a request for minutes.
    /// </summary>
    private async Task WaitForTextIndexAsync(CancellationToken cancellationToken)
    {
        if (_textIndexTask.IsCompleted)
        {
            return;
        }

        try
        {
            await _textIndexTask.WaitAsync(_options.TextSearchWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var (done, total) = (Volatile.Read(ref _textFillDone), Volatile.Read(ref _textFillTotal));
            var started = Volatile.Read(ref _textFillStarted);
            var elapsed = started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started);
            var howFar = started == 0 ? "waiting to start" : total > 0 ? $"{100.0 * done / total:0}% done after {elapsed.TotalSeconds:0} s" : "just started";
            throw new UnavailableException(
                "textIndex",
                $"Text search is unavailable for now: the full-text index of '{_options.Path}' is being filled after a bulk load ({howFar}). Search again shortly; graph queries are unaffected.");
        }
    }

    /// <summary>
    /// Completes when the full-text fill this open started (after a bulk load) has ended, or at once when the file needed
    /// none. It never faults: a failed fill is logged, and searches then say why they cannot answer.
    /// </summary>
    public Task TextIndexReady => _textIndexTask;

    private async Task FillTextIndexAsync()
    {
        try
        {
            await _writeGate.WaitAsync(_closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (_disposed)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            Volatile.Write(ref _textFillStarted, started);
            var lastReport = started;
            void Progress(long done, long total)
            {
                Volatile.Write(ref _textFillTotal, total);
                Volatile.Write(ref _textFillDone, done);

                // Quiet by default: a line every few seconds at Information, for a fill that long.
                if (Stopwatch.GetElapsedTime(lastReport) >= TimeSpan.FromSeconds(5))
                {
                    lastReport = Stopwatch.GetTimestamp();
                    _logger?.LogInformation("Filling the full-text index of {Path}: {Done} of {Total} documents and relationships", _options.Path, done, total);
                }
            }

            if (SqliteSchema.FillPendingTextIndex(_connection, Progress, _closing.Token))
            {
                _logger?.LogInformation("Filled the full-text index of {Path} in {Elapsed} ms", _options.Path, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            _logger?.LogInformation("Closed {Path} before its full-text index was filled; the next open fills it", _options.Path);
        }
        catch (Exception e)
        {
            // The graph stays fully usable; searches say the index is missing, and the next open tries again.
            _textIndexProblem = e.Message;
            _logger?.LogError(e, "Could not fill the full-text index of {Path}; text search is unavailable until the store opens again", _options.Path);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Refuses a search of a full-text index that is not filled (the caller holds the write gate and has waited for this
    /// open's own fill, so what is left is a fill that failed, or one another process is running).
    /// </summary>
    private void RequireTextIndex()
    {
        if (SqliteSchema.TextIndexPending(_connection))
        {
            throw new UnavailableException(
                "textIndex",
                _textIndexProblem is { } problem
                    ? $"Text search is unavailable: filling the full-text index of '{_options.Path}' after its bulk load failed ({problem}). It is tried again when the store next opens; graph queries are unaffected."
                    : $"Text search is unavailable: the full-text index of '{_options.Path}' is being filled by another process after a bulk load. Search again when it is done; graph queries are unaffected.");
        }
    }
}
