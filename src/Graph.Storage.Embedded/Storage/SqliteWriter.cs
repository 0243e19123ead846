using System.Runtime.InteropServices;
using System.Text;
using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Store;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// Writes a staged batch in one transaction with prepared commands: a crash before the commit leaves nothing of it,
/// after the commit all of it. A write is planned first (every row's values resolved against the index as it was
/// before the batch) and then run, so a bulk load can run one batch's rows on a writer thread while it stages the next.
/// </summary>
internal static class SqliteWriter
{
    /// <summary>
    /// Writes the batch and returns the file's write count after it (<c>store_state.writes</c>, counted in the same
    /// transaction, so an index snapshot stamped with an older count is never read as current);
    /// <paramref name="textIndex"/> false leaves the full-text rows to a bulk load's final step. While the file's
    /// full-text index waits to be filled (after a bulk load), its rows are left to that fill, which reads the tables.
    /// </summary>
    public static long Write(SqliteConnection connection, WriteBatch batch, IProgress<ImportProgress>? progress, int interval, CancellationToken cancellationToken, bool textIndex = true) =>
        Run(connection, Plan(batch, textIndex), progress, interval, cancellationToken);

    /// <summary>
    /// The rows a batch writes, with every value resolved. It reads only the batch (staging resolved everything against
    /// the index), so a bulk load makes it on its writer thread after the batch is applied to the index.
    /// </summary>
    /// <remarks>A bulk load passes back a plan it has written (<paramref name="reuse"/>) to be filled again, keeping its lists.</remarks>
    public static WritePlan Plan(WriteBatch batch, bool textIndex = true, WritePlan? reuse = null)
    {
        var plan = reuse ?? new WritePlan();
        plan.Reset(textIndex);
        foreach (var seq in batch.RemovedEdges)
        {
            plan.Add(Row.DeleteEvidence, seq);
            plan.AddText(Row.DeleteQuotes, QuoteRow(seq, 0), QuoteRow(seq + 1, 0) - 1);
            plan.Add(Row.DeleteEdge, seq);
        }

        foreach (var (seq, actor, isNew) in batch.Actors)
        {
            plan.Actors++;
            plan.Add(isNew ? Row.InsertActor : Row.UpdateActor, seq, actor.Id.Value, (int)actor.Kind, actor.Name, actor.Description, TextFields.ToJson(actor.Attributes));
            plan.Mark(Row.ActorDone);
            if (!isNew)
            {
                plan.Add(Row.DeleteAliases, seq);
            }

            for (var i = 0; i < actor.Aliases.Count; i++)
            {
                plan.Add(Row.InsertAlias, seq, i, actor.Aliases[i], NameFolding.Fold(actor.Aliases[i]));
            }
        }

        foreach (var (seq, document, isNew, publisher) in batch.Documents)
        {
            plan.Add(isNew ? Row.InsertDocument : Row.UpdateDocument, seq, document.Id.Value, document.Title, publisher >= 0 ? publisher : SqlValue.Null, document.Url,
                document.Published?.ToString(), document.Text, document.ContentHash);
            if (!isNew)
            {
                plan.AddText(Row.DeleteText, -seq);
            }

            plan.AddText(Row.InsertText, -seq, document.Text, seq, SqlValue.Null);
        }

        foreach (var (key, staged) in batch.Edges)
        {
            plan.Edges++;
            var (seq, edge) = (staged.Seq, staged.Edge);
            var unchanged = staged.KeptEvidence;
            if (staged.IsNew)
            {
                plan.Add(Row.InsertEdge, seq, (int)edge.Type, key.From, key.To, key.Qualifier, staged.AttributesJson);
            }
            else
            {
                plan.Add(Row.UpdateEdge, seq, staged.AttributesJson);
                plan.Add(Row.DeleteEvidenceFrom, seq, unchanged);
                plan.AddText(Row.DeleteQuotes, QuoteRow(seq, unchanged), QuoteRow(seq + 1, 0) - 1);
            }

            var resolved = batch.EvidenceOf(staged);
            for (var i = unchanged; i < resolved.Length; i++)
            {
                var e = edge.Evidence[i];
                ref readonly var r = ref resolved[i];
                plan.Add(Row.InsertEvidence, seq, i, r.Document, e.Start, e.End, e.Quote,
                    r.AttributedTo > 0 ? r.AttributedTo : SqlValue.Null, (int)e.Stance, e.Confidence, e.Extractor, r.AttributesJson);
                plan.AddText(Row.InsertText, QuoteRow(seq, i), e.Quote, r.Document, e.Start);
            }

            plan.Mark(Row.EdgeDone);
        }

        foreach (var seq in batch.RemovedActors)
        {
            plan.Add(Row.DeleteAliases, seq);
            plan.Add(Row.DeleteActor, seq);
        }

        // Rows beside the graph (ingestion records, proposal decisions) commit or roll back with it.
        foreach (var (sql, values) in batch.Statements)
        {
            plan.AddBeside(sql, values);
        }

        return plan;
    }

    /// <summary>Runs a plan in one transaction and returns the file's write count after it (see <see cref="Write"/>).</summary>
    public static long Run(SqliteConnection connection, WritePlan plan, IProgress<ImportProgress>? progress, int interval, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var commands = new Commands(connection);
        var textIndex = plan.TextIndex && commands.TextPending.RunForInt64() == 0;
        int actors = 0, edges = 0;
        foreach (var (row, sql, start, count) in plan.Rows)
        {
            var values = plan.Values(start, count);
            switch (row)
            {
                case Row.ActorDone:
                    cancellationToken.ThrowIfCancellationRequested();
                    Report(progress, "actors", ++actors, plan.Actors, interval);
                    continue;
                case Row.EdgeDone:
                    cancellationToken.ThrowIfCancellationRequested();
                    Report(progress, "relationships", ++edges, plan.Edges, interval);
                    continue;
                case Row.DeleteQuotes or Row.DeleteText or Row.InsertText when !textIndex:
                    continue;
                case Row.Beside:
                    commands.Beside(sql!, values.Length).Run(values);
                    continue;
                default:
                    commands.For(row).Run(values);
                    continue;
            }
        }

        var writes = commands.CountWrite.RunForInt64();
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return writes;
    }

    /// <summary>The full-text rowid of an edge's evidence quote (see <see cref="SqliteSchema.EvidenceRowShift"/>).</summary>
    public static long QuoteRow(int edgeSeq, int ord) => ((long)edgeSeq << SqliteSchema.EvidenceRowShift) + ord;

    private static void Report(IProgress<ImportProgress>? progress, string stage, int done, int total, int interval)
    {
        if (progress is not null && (done % interval == 0 || done == total))
        {
            progress.Report(new ImportProgress(stage, done, total));
        }
    }

    /// <summary>
    /// A prepared statement with positional parameters $p0, $p1, ..., bound and stepped through SQLite's own API: the
    /// ADO.NET command looks every parameter up by name and builds a reader on each run, which took about a quarter of
    /// the row-writing time of a 100k-relationship bulk load (2.7-3.0 s here against 3.6-4.6 s through ADO.NET). Rows
    /// are bound and stepped through <see cref="NativeSqlite"/>.
    /// </summary>
    private sealed class Statement : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;
        private readonly int[] _positions;
        private readonly IntPtr _handle;
        private byte[] _text = new byte[256]; // never empty: an empty text must bind a pointer, or it would be NULL
        private SqlValue[]? _bound; // what each parameter holds since the last bind (SQLite keeps bindings across a reset)

        public Statement(SqliteConnection connection, string sql, int parameters)
        {
            _connection = connection;
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement), sql);
            _handle = _statement.DangerousGetHandle(); // valid until Dispose, which only this class calls

            // SQLite numbers parameters by first appearance, so $p1 may come before $p0: look each one up once.
            _positions = new int[parameters];
            for (var i = 0; i < parameters; i++)
            {
                _positions[i] = raw.sqlite3_bind_parameter_index(_statement, "$p" + i);
                if (_positions[i] == 0)
                {
                    throw new InvalidOperationException($"The statement '{sql}' has no parameter $p{i}.");
                }
            }
        }

        /// <summary>Runs a statement without parameters that returns one integer (an UPDATE ... RETURNING).</summary>
        public long RunForInt64()
        {
            var step = raw.sqlite3_step(_statement);
            if (step != raw.SQLITE_ROW)
            {
                raw.sqlite3_reset(_statement);
                Check(step, null);
                throw new InvalidOperationException("The statement returned no row.");
            }

            var value = raw.sqlite3_column_int64(_statement, 0);
            while (step == raw.SQLITE_ROW)
            {
                step = raw.sqlite3_step(_statement);
            }

            raw.sqlite3_reset(_statement);
            Check(step, null);
            return value;
        }

        public unsafe void Run(ReadOnlySpan<SqlValue> values)
        {
            if (values.Length != _positions.Length)
            {
                throw new ArgumentException($"The statement takes {_positions.Length} values; got {values.Length}.", nameof(values));
            }

            // The row's texts go into one UTF-8 buffer that stays pinned until the step, so SQLite reads them in place.
            var room = 0;
            foreach (ref readonly var value in values)
            {
                if (value.Type == SqlValue.Kind.Text)
                {
                    room += Encoding.UTF8.GetMaxByteCount(value.Text!.Length);
                }
            }

            if (_text.Length < room)
            {
                _text = new byte[Math.Max(room, _text.Length * 2)];
            }

            // A new statement holds NULL in every parameter, as a new record of them does.
            var bound = _bound ??= new SqlValue[values.Length];
            int step;
            fixed (byte* text = _text)
            {
                var used = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    var position = _positions[i];
                    ref readonly var value = ref values[i];
                    if (value.Type != SqlValue.Kind.Text && bound[i].Same(value))
                    {
                        continue; // SQLite still holds it: each bind takes the connection's mutex
                    }

                    bound[i] = value;
                    int code;
                    switch (value.Type)
                    {
                        case SqlValue.Kind.Integer:
                            code = NativeSqlite.BindInt64(_handle, position, value.Integer);
                            break;
                        case SqlValue.Kind.Real:
                            code = NativeSqlite.BindDouble(_handle, position, value.Real);
                            break;
                        case SqlValue.Kind.Text:
                            var bytes = Encoding.UTF8.GetBytes(value.Text, new Span<byte>(text + used, room - used));
                            code = NativeSqlite.BindText(_handle, position, text + used, bytes, NativeSqlite.Static);
                            used += bytes;
                            break;
                        default:
                            code = NativeSqlite.BindNull(_handle, position);
                            break;
                    }

                    if (code != raw.SQLITE_OK)
                    {
                        // Back to a known state: every parameter NULL, as the fresh record of them says.
                        raw.sqlite3_clear_bindings(_statement);
                        _bound = null;
                        Check(code, null);
                    }
                }

                step = NativeSqlite.Step(_handle);
                NativeSqlite.Reset(_handle);
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(step, null);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void Check(int code, string? sql)
        {
            if (code is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                // The same exception the ADO.NET command throws, so callers see constraint failures as before.
                throw new SqliteException($"SQLite Error {code}: '{raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}'{(sql is null ? "" : $" in '{sql}'")}.", code, raw.sqlite3_extended_errcode(_connection.Handle));
            }
        }
    }

    private sealed class Commands(SqliteConnection connection) : IDisposable
    {
        private readonly List<Statement> _created = [];
        private readonly Dictionary<string, Statement> _beside = new(StringComparer.Ordinal);

        /// <summary>A statement on the tables beside the graph, prepared once per write however many rows use it (a document's proposals).</summary>
        public Statement Beside(string sql, int parameters)
        {
            if (!_beside.TryGetValue(sql, out var statement))
            {
                _beside[sql] = statement = Make(sql, parameters);
            }

            return statement;
        }

        public Statement For(Row row) => row switch
        {
            Row.InsertActor => InsertActor,
            Row.UpdateActor => UpdateActor,
            Row.DeleteActor => DeleteActor,
            Row.InsertAlias => InsertAlias,
            Row.DeleteAliases => DeleteAliases,
            Row.InsertDocument => InsertDocument,
            Row.UpdateDocument => UpdateDocument,
            Row.InsertEdge => InsertEdge,
            Row.UpdateEdge => UpdateEdge,
            Row.DeleteEdge => DeleteEdge,
            Row.InsertEvidence => InsertEvidence,
            Row.DeleteEvidence => DeleteEvidence,
            Row.DeleteEvidenceFrom => DeleteEvidenceFrom,
            Row.InsertText => InsertText,
            Row.DeleteText => DeleteText,
            Row.DeleteQuotes => DeleteQuotes,
            _ => throw new ArgumentOutOfRangeException(nameof(row), row, "Not a statement of the graph's tables."),
        };

        public Statement InsertActor => field ??= Make("INSERT INTO actors(seq, id, kind, name, description, attributes) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", 6);

        public Statement UpdateActor => field ??= Make("UPDATE actors SET id = $p1, kind = $p2, name = $p3, description = $p4, attributes = $p5 WHERE seq = $p0", 6);

        public Statement DeleteActor => field ??= Make("DELETE FROM actors WHERE seq = $p0", 1);

        public Statement InsertAlias => field ??= Make("INSERT INTO aliases(actor_seq, ord, alias, folded) VALUES ($p0, $p1, $p2, $p3)", 4);

        public Statement DeleteAliases => field ??= Make("DELETE FROM aliases WHERE actor_seq = $p0", 1);

        public Statement InsertDocument => field ??= Make("INSERT INTO documents(seq, id, title, publisher_seq, url, published, text, content_hash) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)", 8);

        public Statement UpdateDocument => field ??= Make("UPDATE documents SET id = $p1, title = $p2, publisher_seq = $p3, url = $p4, published = $p5, text = $p6, content_hash = $p7 WHERE seq = $p0", 8);

        public Statement InsertEdge => field ??= Make("INSERT INTO relationships(seq, type, from_seq, to_seq, qualifier, attributes) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", 6);

        public Statement UpdateEdge => field ??= Make("UPDATE relationships SET attributes = $p1 WHERE seq = $p0", 2);

        public Statement DeleteEdge => field ??= Make("DELETE FROM relationships WHERE seq = $p0", 1);

        public Statement InsertEvidence => field ??= Make("INSERT INTO evidence(rel_seq, ord, doc_seq, start, \"end\", quote, attributed_seq, stance, confidence, extractor, attributes) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)", 11);

        public Statement DeleteEvidence => field ??= Make("DELETE FROM evidence WHERE rel_seq = $p0", 1);

        public Statement DeleteEvidenceFrom => field ??= Make("DELETE FROM evidence WHERE rel_seq = $p0 AND ord >= $p1", 2);

        public Statement InsertText => field ??= Make("INSERT INTO text_index(rowid, text, doc_seq, start) VALUES ($p0, $p1, $p2, $p3)", 4);

        public Statement DeleteText => field ??= Make("DELETE FROM text_index WHERE rowid = $p0", 1);

        public Statement TextPending => field ??= Make(SqliteSchema.TextPendingQuery, 0);

        public Statement CountWrite => field ??= Make("UPDATE store_state SET writes = writes + 1 WHERE id = 1 RETURNING writes", 0);

        public Statement DeleteQuotes => field ??= Make("DELETE FROM text_index WHERE rowid BETWEEN $p0 AND $p1", 2);

        public void Dispose()
        {
            foreach (var statement in _created)
            {
                statement.Dispose();
            }
        }

        private Statement Make(string sql, int parameters)
        {
            var statement = new Statement(connection, sql, parameters);
            _created.Add(statement);
            return statement;
        }
    }
}

/// <summary>What one planned row does: a statement of the graph's tables, one beside them, or a progress mark.</summary>
internal enum Row : byte
{
    InsertActor,
    UpdateActor,
    DeleteActor,
    InsertAlias,
    DeleteAliases,
    InsertDocument,
    UpdateDocument,
    InsertEdge,
    UpdateEdge,
    DeleteEdge,
    InsertEvidence,
    DeleteEvidence,
    DeleteEvidenceFrom,
    InsertText,
    DeleteText,
    DeleteQuotes,
    Beside,
    ActorDone,
    EdgeDone,
}

/// <summary>
/// A batch's rows in the order they are written, with their values (see <see cref="SqliteWriter.Plan"/>). The values
/// of every row are kept in one list of unboxed <see cref="SqlValue"/>s: an array of boxed values per row cost about
/// 300 bytes of garbage per evidence row, half a gigabyte over a million-relationship bulk load.
/// </summary>
internal sealed class WritePlan
{
    private readonly List<(Row Row, string? Sql, int Start, int Count)> _rows = [];
    private readonly List<SqlValue> _values = [];

    /// <summary>Whether the full-text rows are written with the others (a bulk load leaves them to the first open).</summary>
    public bool TextIndex { get; private set; } = true;

    public IReadOnlyList<(Row Row, string? Sql, int Start, int Count)> Rows => _rows;

    public int Actors { get; set; }

    public int Edges { get; set; }

    /// <summary>The values of one row (<paramref name="start"/> and <paramref name="count"/> from <see cref="Rows"/>).</summary>
    public ReadOnlySpan<SqlValue> Values(int start, int count) => CollectionsMarshal.AsSpan(_values).Slice(start, count);

    public void Add(Row row, params ReadOnlySpan<SqlValue> values)
    {
        _rows.Add((row, null, _values.Count, values.Length));
        _values.AddRange(values);
    }

    /// <summary>
    /// Empties the plan for another batch, keeping its lists' capacity: a bulk load's plans reach megabytes, and a new
    /// large array per batch is a large-object allocation, which starts full collections.
    /// </summary>
    public void Reset(bool textIndex)
    {
        _rows.Clear();
        _values.Clear();
        TextIndex = textIndex;
        Actors = 0;
        Edges = 0;
    }

    /// <summary>A full-text row: not planned at all when the plan leaves the text index out.</summary>
    public void AddText(Row row, params ReadOnlySpan<SqlValue> values)
    {
        if (TextIndex)
        {
            Add(row, values);
        }
    }

    public void AddBeside(string sql, IReadOnlyList<object?> values)
    {
        _rows.Add((Row.Beside, sql, _values.Count, values.Count));
        foreach (var value in values)
        {
            _values.Add(SqlValue.From(value));
        }
    }

    public void Mark(Row mark) => _rows.Add((mark, null, 0, 0));
}

/// <summary>One value bound to a statement's parameter, unboxed: null, an integer, a real or a text.</summary>
internal readonly struct SqlValue
{
    private SqlValue(Kind type, long integer, double real, string? text) => (Type, Integer, Real, Text) = (type, integer, real, text);

    public enum Kind : byte
    {
        Null,
        Integer,
        Real,
        Text,
    }

    /// <summary>SQL NULL.</summary>
    public static SqlValue Null => default;

    /// <summary>True when binding this value would bind what <paramref name="other"/> bound (never for texts, which are bound from a reused buffer).</summary>
    public bool Same(in SqlValue other) => Type == other.Type && Type switch
    {
        Kind.Null => true,
        Kind.Integer => Integer == other.Integer,
        Kind.Real => BitConverter.DoubleToInt64Bits(Real) == BitConverter.DoubleToInt64Bits(other.Real),
        _ => false,
    };

    public Kind Type { get; }

    public long Integer { get; }

    public double Real { get; }

    public string? Text { get; }

    public static implicit operator SqlValue(long value) => new(Kind.Integer, value, 0, null);

    public static implicit operator SqlValue(int value) => new(Kind.Integer, value, 0, null);

    public static implicit operator SqlValue(double value) => new(Kind.Real, 0, value, null);

    public static implicit operator SqlValue(string? value) => value is null ? default : new(Kind.Text, 0, 0, value);

    /// <summary>A value of a statement beside the graph (ingestion records, proposals), as those are staged.</summary>
    public static SqlValue From(object? value) => value switch
    {
        null => default,
        int n => n,
        long n => n,
        double d => d,
        bool b => b ? 1 : 0,
        string text => text,
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
        var other => throw new ArgumentException($"A value of type {other.GetType().Name} cannot be written to SQLite here.", nameof(value)),
    };
}
