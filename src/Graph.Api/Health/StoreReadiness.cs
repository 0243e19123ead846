using System.Diagnostics;
using System.Globalization;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Api.Health;

/// <summary>What a readiness check found: ready or not, which check failed and why, and how long it took.</summary>
public sealed record ReadinessReport(bool Ready, string Store, string? FailedCheck, string? Error, double ElapsedMs);

/// <summary>
/// Whether the store answers: one cheap call (an actor lookup by an id no actor has: a round trip to Neo4j) and any
/// check the composition adds for its store (the embedded file read afresh), all under one short timeout. Never
/// throws for a failing store: a failure is a report naming the check.
/// </summary>
public sealed class StoreReadiness(IGraphStore store, TimeSpan timeout, Func<CancellationToken, Task>? storeCheck = null)
{
    /// <summary>The default timeout of a readiness check.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private static readonly ActorId s_probeId = ActorId.Parse("state:health-probe");

    /// <summary>Runs the checks.</summary>
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var check = "lookup";
        try
        {
            // WaitAsync: a store call that ignores its token still cannot hold the probe past the timeout.
            await store.GetActorAsync(s_probeId, deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            if (storeCheck is not null)
            {
                check = "record";
                await storeCheck(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            }

            return Report(true, null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Report(false, check, string.Create(CultureInfo.InvariantCulture, $"The store did not answer within {timeout.TotalMilliseconds:0} ms."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Report(false, check, e.Message);
        }

        ReadinessReport Report(bool ready, string? failed, string? error) =>
            new(ready, store.Name, failed, error, Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2));
    }
}
