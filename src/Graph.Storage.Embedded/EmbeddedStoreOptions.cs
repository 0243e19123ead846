namespace Graph.Storage.Embedded;

/// <summary>Where the embedded store keeps its SQLite file and how it writes it.</summary>
public sealed record EmbeddedStoreOptions
{
    /// <summary>The SQLite file; created with its folder when missing. Defaults to <see cref="DefaultPath"/>.</summary>
    public string Path { get; init; } = DefaultPath();

    /// <summary>
    /// Make every commit durable across power loss (SQLite <c>synchronous=FULL</c>). On by default: writes are curated
    /// batches, few and large, so one extra fsync per commit costs little and a committed batch is never rolled back.
    /// Off gives <c>synchronous=NORMAL</c>: still crash-safe for the process, but the last commits may be lost on power loss.
    /// </summary>
    public bool DurableCommits { get; init; } = true;

    /// <summary>The clock that stamps review decisions (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How many characters of document text stay in memory, the most recently read documents first; the others are read
    /// from the file when a quote or a text is asked for. The default, 8 million (about 16 MB), holds a few thousand news
    /// articles; at a million relationships over 20,000 documents, keeping every text cost 134 MB.
    /// </summary>
    public long DocumentTextCacheCharacters { get; init; } = 8_000_000;

    /// <summary>
    /// Keep a binary copy of the index beside the file (<c>graph.db.index</c>), written when the store closes after
    /// writes and after an open that had to scan the tables, so that the next open reads it instead of the tables
    /// (at a million relationships: under a second against four). The copy is stamped with the file's write count:
    /// after any later write it is ignored, and the tables are read as without it. On by default.
    /// </summary>
    public bool IndexSnapshot { get; init; } = true;

    /// <summary>
    /// The fewest relationships worth a snapshot: a smaller graph opens from its tables about as fast as from a copy.
    /// </summary>
    public int IndexSnapshotMinimumRelationships { get; init; } = 10_000;

    /// <summary>
    /// How long a text search waits for the full-text index that the first open after a bulk load fills (about 8 s per
    /// million quotes here) before it answers <c>UNAVAILABLE</c> with how far the fill has got. Graph reads never wait.
    /// </summary>
    public TimeSpan TextSearchWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows written between two progress reports of an import.</summary>
    public int ProgressInterval { get; init; } = 50_000;

    /// <summary>
    /// The per-user default: <c>&lt;LocalApplicationData&gt;/graph/graph.db</c>, or <c>./.data/graph/graph.db</c> where the
    /// platform has no such folder (containers without a home directory).
    /// </summary>
    public static string DefaultPath()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = System.IO.Path.Combine(Directory.GetCurrentDirectory(), ".data");
        }

        return System.IO.Path.Combine(root, "graph", "graph.db");
    }
}
