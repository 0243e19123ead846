using Microsoft.Data.Sqlite;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// The tables of the durable record and their version. Actors, documents and relationships carry an integer
/// <c>seq</c> that doubles as their dense id in the in-memory index, so loading needs no string lookups.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema this build reads and writes (<c>PRAGMA user_version</c>).</summary>
    /// <remarks>
    /// Version 2 added ingestion: ingested documents, the proposal queue and the full-text index. Version 3 added
    /// <c>store_state</c>, the file's identity and write counter that an index snapshot is checked against: a build
    /// before it would write without counting, so it must not open these files. Version 4 added
    /// <c>store_state.text_pending</c>: a bulk-loaded file leaves its full-text index to the store's first open, and a
    /// build before it would search (and add to) an index that is not filled yet.
    /// </remarks>
    public const int Version = 4;

    /// <summary>
    /// Full-text rows: a document's text has rowid <c>-doc_seq</c>, an evidence quote <c>rel_seq * 2^20 + ord</c>, so
    /// an edge's quotes are one rowid range to delete when its evidence is rewritten.
    /// </summary>
    public const int EvidenceRowShift = 20;

    /// <summary>Marks the file as ours (<c>PRAGMA application_id</c>, "GRPH").</summary>
    public const int ApplicationId = 0x47525048;

    // The graph's tables (version 1). Secondary indexes are kept apart so a bulk load can build them once, at the end.
    private const string GraphTables = """
        CREATE TABLE actors (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind INTEGER NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            attributes TEXT
        );
        CREATE TABLE aliases (
            actor_seq INTEGER NOT NULL REFERENCES actors(seq),
            ord INTEGER NOT NULL,
            alias TEXT NOT NULL,
            folded TEXT NOT NULL,
            PRIMARY KEY (actor_seq, ord)
        ) WITHOUT ROWID;
        CREATE TABLE documents (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            publisher_seq INTEGER REFERENCES actors(seq),
            url TEXT,
            published TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL
        );
        CREATE TABLE relationships (
            seq INTEGER PRIMARY KEY,
            type INTEGER NOT NULL,
            from_seq INTEGER NOT NULL REFERENCES actors(seq),
            to_seq INTEGER NOT NULL REFERENCES actors(seq),
            qualifier TEXT NOT NULL,
            attributes TEXT
        );
        CREATE TABLE evidence (
            rel_seq INTEGER NOT NULL REFERENCES relationships(seq),
            ord INTEGER NOT NULL,
            doc_seq INTEGER NOT NULL REFERENCES documents(seq),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            attributed_seq INTEGER REFERENCES actors(seq),
            stance INTEGER NOT NULL,
            confidence REAL NOT NULL,
            extractor TEXT NOT NULL,
            attributes TEXT,
            PRIMARY KEY (rel_seq, ord)
        );
        """;

    // Secondary indexes are only for what SQLite itself looks up: no read of the store goes through SQL (the in-memory
    // index answers every query, built by whole-table scans), so the only lookup left is a foreign-key check. Merging
    // actors deletes one, and the check for evidence still crediting it would scan the whole evidence table without
    // this (a small, partial index). The others a file used to have (one edge per key, the edges into an actor, the
    // evidence of a document, folded aliases) served no read: the edge key is kept unique by the write path, which
    // stages every write against the index's key map and refuses to build that map from a file with a repeated key;
    // documents are never deleted; a check for edges into a deleted actor scans the edge table, as the one for edges
    // out of it always has. They cost 2.8 s of a million-relationship bulk load and 45 MB of its file.
    private const string GraphIndexes = """
        CREATE INDEX evidence_attributed ON evidence(attributed_seq) WHERE attributed_seq IS NOT NULL;
        """;

    // Files written before that keep the indexes nothing reads until a store opens them (pre-bulk-load files keep
    // their table constraint for the edge key, which cannot be dropped without rewriting the table).
    private const string UnreadIndexes = "('relationships_key', 'relationships_to', 'evidence_document', 'aliases_folded')";

    // Version 2: what ingestion keeps beside the graph. Run on new files and, as the migration, on version 1 files.
    private const string IngestionTables = """
        CREATE TABLE ingested_documents (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            format TEXT NOT NULL,
            language TEXT,
            publisher_name TEXT,
            source TEXT,
            version INTEGER NOT NULL,
            previous_id TEXT REFERENCES documents(id),
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE proposals (
            id TEXT PRIMARY KEY,
            original_id TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id),
            status INTEGER NOT NULL,
            rule TEXT NOT NULL,
            confidence REAL NOT NULL,
            start INTEGER NOT NULL,
            proposal TEXT NOT NULL,
            created_at TEXT NOT NULL,
            reviewed_at TEXT,
            note TEXT,
            edited INTEGER NOT NULL DEFAULT 0
        );
        """;

    private const string IngestionIndexes = """
        CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE INDEX proposals_document ON proposals(document_id, start);
        CREATE INDEX proposals_rule ON proposals(rule, status);
        """;

    // The full-text index over document texts and evidence quotes.
    private const string TextIndexTable = """
        CREATE VIRTUAL TABLE text_index USING fts5(text, doc_seq UNINDEXED, start UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
        """;

    // Filling it from the rows already stored, in ranges of seq so a long fill can report progress ($p0..$p1).
    private const string FillDocumentTexts = "INSERT INTO text_index(rowid, text, doc_seq, start) SELECT -seq, text, seq, NULL FROM documents WHERE seq BETWEEN $p0 AND $p1";
    private const string FillEvidenceQuotes = "INSERT INTO text_index(rowid, text, doc_seq, start) SELECT (rel_seq << 20) + ord, quote, doc_seq, start FROM evidence WHERE rel_seq BETWEEN $p0 AND $p1";

    // Whether the full-text index still waits to be filled (read by searches and, in each write's transaction, by the writer).
    public const string TextPendingQuery = "SELECT text_pending FROM store_state WHERE id = 1";
    private const string MarkTextPending = "UPDATE store_state SET text_pending = 1 WHERE id = 1;";

    // Version 3: which file this is and how many write transactions it has committed (IndexSnapshot's stamp).
    // Version 4: whether the full-text index still waits to be filled from the rows (after a bulk load).
    private const string StateTable = """
        CREATE TABLE store_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            store_id TEXT NOT NULL,
            writes INTEGER NOT NULL,
            text_pending INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO store_state(id, store_id, writes) VALUES (1, lower(hex(randomblob(16))), 0);
        """;

    /// <summary>Sets the pragmas, creates the tables in a new file, or refuses a file of another program or version.</summary>
    public static void Prepare(SqliteConnection connection, string path, bool durable)
    {
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, durable ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        Execute(connection, "PRAGMA foreign_keys=ON;");

        var version = Scalar(connection, "PRAGMA user_version;");
        var application = Scalar(connection, "PRAGMA application_id;");
        var tables = Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table';");
        if (version == 0 && application == 0 && tables == 0)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, GraphTables + IngestionTables + StateTable, transaction);
            FinishNewFile(connection, transaction, textIndexPending: false); // no rows yet: nothing to fill
            transaction.Commit();
            return;
        }

        if (application != ApplicationId)
        {
            throw new StoreFileException(path, $"'{path}' is a SQLite file of another program (application_id {application}, {tables} tables), not a graph store. Choose another path for the embedded store.");
        }

        if (version is 1 or 2 or 3)
        {
            // Migrations, in one transaction: 1 -> 2 adds ingestion's tables and the full-text index (filled by the
            // store when it opens, as after a bulk load); 2 -> 3 adds the store's identity and write counter; 3 -> 4
            // the flag of a full-text index still to fill.
            using var transaction = connection.BeginTransaction();
            Execute(connection, version == 3 ? "ALTER TABLE store_state ADD COLUMN text_pending INTEGER NOT NULL DEFAULT 0;" : StateTable, transaction);
            if (version == 1)
            {
                Execute(connection, IngestionTables + IngestionIndexes + TextIndexTable + MarkTextPending, transaction);
            }

            Execute(connection, $"PRAGMA user_version={Version};", transaction);
            transaction.Commit();
            DropUnreadIndexes(connection);
            return;
        }

        if (version != Version)
        {
            throw new StoreFileException(path, $"'{path}' has graph schema version {version}, but this build reads version {Version}. Export it with the build that wrote it and import it here, or choose another path.");
        }

        DropUnreadIndexes(connection);
    }

    /// <summary>
    /// Drops the secondary indexes nothing reads (see <see cref="GraphIndexes"/>) from a file that has them. The file's
    /// format is unchanged: a build before this one opens it as before, and keeps every rule without them.
    /// </summary>
    private static void DropUnreadIndexes(SqliteConnection connection)
    {
        var found = new List<string>();
        using (var names = connection.CreateCommand())
        {
            names.CommandText = $"SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN {UnreadIndexes};";
            using var reader = names.ExecuteReader();
            while (reader.Read())
            {
                found.Add(reader.GetString(0));
            }
        }

        if (found.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        foreach (var name in found)
        {
            Execute(connection, $"DROP INDEX IF EXISTS {name};", transaction);
        }

        transaction.Commit();
    }

    /// <summary>
    /// Creates the tables of a new file without their secondary indexes or full-text index, for a bulk load that
    /// writes every row first and then calls <see cref="FinishNewFile"/>. The file is not marked as a graph store yet:
    /// a load that stops half way leaves a file no store opens as its own.
    /// </summary>
    public static void CreateTablesForBulkLoad(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, GraphTables + IngestionTables + StateTable, transaction);
        transaction.Commit();
    }

    /// <summary>The file's identity and committed write count, as an index snapshot is stamped.</summary>
    public static StoreStamp ReadStamp(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT store_id, writes FROM store_state WHERE id = 1;";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoreStamp(reader.GetString(0), reader.GetInt64(1))
            : throw new InvalidOperationException("The store file has no store_state row; it was not created by this build's schema.");
    }

    /// <summary>
    /// Builds the secondary indexes over the rows present, creates the full-text index (empty: marked for the store to
    /// fill when it opens when <paramref name="textIndexPending"/>), and marks the file as ours.
    /// </summary>
    public static void FinishNewFile(SqliteConnection connection, SqliteTransaction transaction, bool textIndexPending)
    {
        Execute(connection, GraphIndexes + IngestionIndexes + TextIndexTable + (textIndexPending ? MarkTextPending : ""), transaction);

        Execute(connection, $"PRAGMA application_id={ApplicationId};", transaction);
        Execute(connection, $"PRAGMA user_version={Version};", transaction);
    }

    /// <summary>True when the file's full-text index still waits to be filled from its rows (see <see cref="FillPendingTextIndex"/>).</summary>
    public static bool TextIndexPending(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Scalar(connection, TextPendingQuery, transaction) != 0;

    /// <summary>
    /// Fills a pending full-text index from the rows, in one transaction: a fill that stops (cancelled, crashed) leaves
    /// the index empty and still pending, for the next open to do again. Returns false when there was nothing to fill
    /// (another connection filled it first). Does not count as a write: no row the index snapshot holds changes.
    /// </summary>
    public static bool FillPendingTextIndex(SqliteConnection connection, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        if (!TextIndexPending(connection, transaction))
        {
            return false;
        }

        Execute(connection, "DELETE FROM text_index;", transaction);
        FillTextIndex(connection, transaction, progress, cancellationToken);
        Execute(connection, "UPDATE store_state SET text_pending = 0 WHERE id = 1;", transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Fills the full-text index from the rows in seq ranges, reporting (ranges done, in all) after each.</summary>
    private static void FillTextIndex(SqliteConnection connection, SqliteTransaction transaction, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        const long Step = 50_000;
        var documents = Scalar(connection, "SELECT coalesce(max(seq), 0) FROM documents;", transaction);
        var edges = Scalar(connection, "SELECT coalesce(max(seq), 0) FROM relationships;", transaction);
        var total = documents + edges;
        long done = 0;
        foreach (var (sql, last) in new[] { (FillDocumentTexts, documents), (FillEvidenceQuotes, edges) })
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var from = command.Parameters.Add("$p0", SqliteType.Integer);
            var to = command.Parameters.Add("$p1", SqliteType.Integer);
            for (long start = 0; start <= last; start += Step)
            {
                cancellationToken.ThrowIfCancellationRequested();
                from.Value = start;
                to.Value = start + Step - 1;
                command.ExecuteNonQuery();
                done += Math.Min(Step, last - start + 1);
                progress?.Invoke(Math.Min(done, total), total);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
