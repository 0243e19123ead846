using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Storage.Embedded.Index;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// Builds the in-memory index from the tables: actors with aliases and documents on the store's connection while two
/// read-only connections scan relationships and evidence (each in seq order) in parallel. Ends, documents and
/// attributed actors are read as the seqs they are stored as, so loading needs no string lookups; neither document texts
/// nor evidence quotes are read (quotes are spans of their document's text, read when asked for).
/// </summary>
internal static class SqliteLoader
{
    public static GraphIndex Load(SqliteConnection connection)
    {
        var index = new GraphIndex();
        var edgeSlots = (int)Scalar(connection, "SELECT coalesce(max(seq), 0) + 1 FROM relationships");
        var actorSlots = (int)Scalar(connection, "SELECT coalesce(max(seq), 0) + 1 FROM actors");
        // Sized once: growing the evidence pool by doubling held the old and the new array together (75 MB at 1M rows).
        var evidenceRows = (int)Scalar(connection, "SELECT count(*) FROM evidence");
        index.Reserve(actorSlots, edgeSlots, evidenceRows);
        index.ReserveLookups(actorSlots, 0);

        var edges = Task.Run(() => WithReader(connection, reader => LoadRelationships(reader, index)));
        var evidence = Task.Run(() => WithReader(connection, reader => LoadEvidence(reader, index, edgeSlots)));
        LoadActors(connection, index);
        LoadDocuments(connection, index);
        var edgeCount = edges.GetAwaiter().GetResult();
        var evidenceCount = evidence.GetAwaiter().GetResult();
        index.CompleteLoad(edgeSlots, edgeCount, evidenceCount);
        return index;
    }

    /// <summary>Runs a scan on its own read-only connection to the same file (WAL lets it read beside the writer's).</summary>
    private static int WithReader(SqliteConnection writer, Func<SqliteConnection, int> scan)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = writer.DataSource,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return scan(connection);
    }

    /// <summary>Every relationship's topology into the edge arrays; returns how many there are.</summary>
    private static int LoadRelationships(SqliteConnection connection, GraphIndex index)
    {
        var count = 0;
        using var reader = new RawRows(connection, "SELECT seq, type, from_seq, to_seq, qualifier, attributes FROM relationships ORDER BY seq");
        var shared = new Dictionary<string, (string Text, (PartialDate? From, PartialDate? To) Validity)>(StringComparer.Ordinal);
        var byChars = shared.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[512];
        while (reader.Read())
        {
            var seq = checked((int)reader.Int64(0));
            var type = (RelationshipType)reader.Int32(1);
            var qualifier = reader.String(4);
            PartialDate? validFrom = null, validTo = null;
            string? json = null;
            if (!reader.IsNull(5))
            {
                // Most edges share a handful of attribute texts (a date, a figure): keep one string and one parse each,
                // and make a string only for a text not seen yet (a string per row was 27 MB of garbage at 1M).
                var utf8 = reader.Utf8(5);
                if (utf8.Length > chars.Length || !byChars.TryGetValue(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)], out var known))
                {
                    var text = reader.String(5);
                    if (!shared.TryGetValue(text, out known))
                    {
                        shared[text] = known = (text, TextFields.ValidityFromJson(text));
                    }
                }

                (json, (validFrom, validTo)) = known;
            }

            index.LoadEdge(
                seq,
                type,
                checked((int)reader.Int64(2)),
                checked((int)reader.Int64(3)),
                qualifier,
                json,
                validFrom is not null || validTo is not null,
                validFrom is { } first ? first.Start.DayNumber : int.MinValue,
                validTo is { } last ? last.End.DayNumber : int.MaxValue);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Every evidence into the pool in (rel_seq, ord) order, with the edge of each row; returns how many there are. The
    /// edges' evidence runs are set afterwards (<see cref="GraphIndex.AttachEvidence"/>) so that this scan never writes
    /// the edge array the relationships scan is filling.
    /// </summary>
    private static int LoadEvidence(SqliteConnection connection, GraphIndex index, int edgeSlots)
    {
        using var reader = new RawRows(connection, "SELECT rel_seq, doc_seq, start, \"end\", attributed_seq, stance, confidence, extractor, attributes FROM evidence ORDER BY rel_seq, ord");
        var lastExtractor = Array.Empty<byte>();
        var lastExtractorId = -1;
        while (reader.Read())
        {
            var seq = checked((int)reader.Int64(0));
            if (seq >= edgeSlots)
            {
                continue; // written after the relationships scan began; cannot happen while the store is opening
            }

            // Rows of one extractor come in long runs: its name is decoded only when it changes.
            var extractor = reader.Utf8(7);
            if (lastExtractorId < 0 || !extractor.SequenceEqual(lastExtractor))
            {
                lastExtractor = extractor.ToArray();
                lastExtractorId = index.ExtractorId(reader.String(7));
            }

            index.AppendLoadedEvidence(seq, new EvidenceData
            {
                Document = checked((int)reader.Int64(1)),
                Start = reader.Int32(2),
                End = reader.Int32(3),
                AttributedTo = reader.IsNull(4) ? 0 : checked((int)reader.Int64(4)),
                Stance = (Stance)reader.Int32(5),
                Confidence = reader.Double(6),
                Extractor = lastExtractorId,
                Attributes = reader.IsNull(8) ? null : reader.String(8),
            });
        }

        return index.EvidenceUsed;
    }

    private static void LoadActors(SqliteConnection connection, GraphIndex index)
    {
        var aliases = new Dictionary<long, List<string>>();
        using (var command = Command(connection, "SELECT actor_seq, alias FROM aliases ORDER BY actor_seq, ord"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var seq = reader.GetInt64(0);
                if (!aliases.TryGetValue(seq, out var list))
                {
                    aliases[seq] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        using (var command = Command(connection, "SELECT seq, id, kind, name, description, attributes FROM actors ORDER BY seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var seq = reader.GetInt64(0);
                var id = ActorId.Parse(reader.GetString(1));
                var actor = new Actor(
                    id,
                    (NodeKind)reader.GetInt32(2),
                    reader.GetString(3),
                    aliases.TryGetValue(seq, out var names) ? names.ToArray() : [],
                    TextFields.ActorFieldsFromJson(reader.IsDBNull(5) ? null : reader.GetString(5)),
                    reader.IsDBNull(4) ? null : reader.GetString(4));
                index.SetActor(checked((int)seq), actor);
            }
        }
    }

    private static void LoadDocuments(SqliteConnection connection, GraphIndex index)
    {
        // Not the texts: they are read when asked for (DocumentTexts).
        using var command = Command(connection, "SELECT seq, id, title, publisher_seq, url, published FROM documents ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            var document = new DocumentEntry(
                DocumentId.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : index.Actors[checked((int)reader.GetInt64(3))]!.Id,
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : PartialDate.Parse(reader.GetString(5)));
            index.SetDocument(checked((int)seq), document);
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
