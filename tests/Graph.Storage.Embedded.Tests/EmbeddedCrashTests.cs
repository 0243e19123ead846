using System.Diagnostics;
using System.Globalization;
using Graph.Storage.Embedded;
using Microsoft.Data.Sqlite;
using static Graph.Storage.Tests.Embedded.RawSql;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// Kills a writer process in the middle of its batches and checks the file: every batch it reported committed is
/// whole, no batch is half there, every edge has evidence and every evidence an edge, and the index matches the tables.
/// </summary>
public sealed class EmbeddedCrashTests : IDisposable
{
    private const int Batches = 400;
    private const int PerBatch = 1_000;
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(3, 0)]
    [InlineData(6, 15)]
    [InlineData(9, 40)]
    public async Task A_writer_killed_mid_batch_leaves_only_whole_committed_batches(int afterCommits, int delayMs)
    {
        var path = _folder.File("crash.db");
        var lastCommitted = await RunAndKillAsync(path, afterCommits, delayMs);
        Assert.True(lastCommitted >= afterCommits - 1, $"the writer reported only {lastCommitted + 1} commits");
        Assert.True(lastCommitted < Batches - 1, "the writer finished before it was killed; nothing was tested");

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal("ok", Value(connection, "PRAGMA integrity_check;"));
            Assert.Equal(0L, Value(connection, "SELECT count(*) FROM pragma_foreign_key_check;"));
            Assert.Equal(0L, Value(connection, "SELECT count(*) FROM relationships r WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.rel_seq = r.seq);"));
            Assert.Equal(0L, Value(connection, "SELECT count(*) FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM relationships r WHERE r.seq = e.rel_seq);"));
        }

        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct);
        var export = await store.ExportAsync(Ct);
        var perBatch = export.Relationships
            .GroupBy(r => int.Parse(r.Key.Qualifier[1..r.Key.Qualifier.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.ToList());

        // Batches 0..lastCommitted were reported committed: all there. The one being written when killed: all or nothing.
        for (var batch = 0; batch <= lastCommitted; batch++)
        {
            Assert.True(perBatch.ContainsKey(batch), $"committed batch {batch} is missing");
        }

        foreach (var (batch, edges) in perBatch)
        {
            Assert.InRange(batch, 0, lastCommitted + 1);
            Assert.Equal(PerBatch, edges.Count);
            Assert.Equal(Enumerable.Range(0, PerBatch).Sum(i => 1 + (i % 3)), edges.Sum(e => e.Evidence.Count));
        }

        using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            var stats = await store.GetStatsAsync(Ct);
            Assert.Equal(Value(connection, "SELECT count(*) FROM relationships;"), (long)stats.Relationships);
            Assert.Equal(Value(connection, "SELECT count(*) FROM evidence;"), (long)stats.Evidence);
            Assert.Equal(Value(connection, "SELECT count(*) FROM actors;"), (long)stats.Actors);
            Assert.Equal(export.Relationships.Count, stats.Relationships);
        }

        // The index answers from what is on disk: a neighbour query sees exactly the committed edges of an actor.
        var first = export.Actors[0].Id;
        var edgesOfFirst = await store.GetRelationshipsAsync(first, Core.Store.RelationshipFilter.All, Ct);
        Assert.Equal(export.Relationships.Count(r => r.From == first || r.To == first), edgesOfFirst.Count);
    }

    [Fact]
    public async Task A_writer_killed_after_opening_from_the_index_snapshot_leaves_the_snapshot_stale_and_unread()
    {
        var path = _folder.File("crash.db");
        await RunAndKillAsync(path, 12, 0); // 12,000 edges or more: over the snapshot's minimum
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            await store.BackgroundSnapshot;
        }

        Assert.True(File.Exists(path + ".index"), "an open from the tables saves the snapshot");
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            Assert.Equal(IndexSource.Snapshot, store.OpenedFrom);
        }

        // The writer opens from the snapshot, writes batches past the first run's, and is killed before it closes.
        var before = RelationshipsIn(path);
        await RunAndKillAsync(path, 30, 0);
        Assert.True(RelationshipsIn(path) > before, "the second writer committed nothing new; nothing was tested");

        await using var reopened = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct);
        Assert.Equal(IndexSource.Tables, reopened.OpenedFrom);
        Assert.Equal(RelationshipsIn(path), (await reopened.GetStatsAsync(Ct)).Relationships);
    }

    private static long RelationshipsIn(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return (long)Value(connection, "SELECT count(*) FROM relationships;")!;
    }

    /// <summary>Starts the writer, waits for its N-th commit (and a little more), kills it, returns the last batch it reported committed.</summary>
    private static async Task<int> RunAndKillAsync(string path, int afterCommits, int delayMs)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Graph.Storage.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { writer, path, Batches.ToString(CultureInfo.InvariantCulture), PerBatch.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var lastCommitted = -1;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    lastCommitted = int.Parse(line["committed ".Length..], CultureInfo.InvariantCulture);
                    if (lastCommitted + 1 >= afterCommits)
                    {
                        await Task.Delay(delayMs, timeout.Token);
                        break;
                    }
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Lines written before the kill still count: the process printed them only after a commit.
        var rest = await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        foreach (var line in rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("committed ", StringComparison.Ordinal))
            {
                lastCommitted = int.Parse(line["committed ".Length..], CultureInfo.InvariantCulture);
            }
        }

        Assert.True(lastCommitted >= 0, "the writer committed nothing: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
        return lastCommitted;
    }
}
