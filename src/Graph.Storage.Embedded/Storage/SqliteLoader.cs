using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Storage.Embedded.Index;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// Builds the in-memory index from the tables in four ordered scans (actors with aliases, documents, relationships
/// joined with their evidence by seq). Ids are turned into strings once per actor and document and shared by every edge.
/// </summary>
internal static class SqliteLoader
{
    public static GraphIndex Load(SqliteConnection connection)
    {
        var index = new GraphIndex();
        var actorIds = new Dictionary<long, ActorId>();
        LoadActors(connection, index, actorIds);
        var documentIds = LoadDocuments(connection, index, actorIds);
        LoadEdges(connection, index, actorIds, documentIds);
        return index;
    }

    private static void LoadActors(SqliteConnection connection, GraphIndex index, Dictionary<long, ActorId> actorIds)
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
                    TextFields.FromJson(reader.IsDBNull(5) ? null : reader.GetString(5)),
                    reader.IsDBNull(4) ? null : reader.GetString(4));
                actorIds[seq] = id;
                index.SetActor(checked((int)seq), actor);
            }
        }
    }

    private static Dictionary<long, DocumentId> LoadDocuments(SqliteConnection connection, GraphIndex index, Dictionary<long, ActorId> actorIds)
    {
        var documentIds = new Dictionary<long, DocumentId>();
        using var command = Command(connection, "SELECT seq, id, title, publisher_seq, url, published, text FROM documents ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            var document = new Document(
                DocumentId.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : actorIds[reader.GetInt64(3)],
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : PartialDate.Parse(reader.GetString(5)),
                reader.GetString(6));
            documentIds[seq] = document.Id;
            index.SetDocument(checked((int)seq), document);
        }

        return documentIds;
    }

    private static void LoadEdges(SqliteConnection connection, GraphIndex index, Dictionary<long, ActorId> actorIds, Dictionary<long, DocumentId> documentIds)
    {
        var extractors = new Dictionary<string, string>(StringComparer.Ordinal);
        using var edges = Command(connection, "SELECT seq, type, from_seq, to_seq, qualifier, attributes FROM relationships ORDER BY seq");
        using var evidence = Command(connection, "SELECT rel_seq, doc_seq, start, \"end\", quote, attributed_seq, stance, confidence, extractor, attributes FROM evidence ORDER BY rel_seq, ord");
        using var edgeReader = edges.ExecuteReader();
        using var evidenceReader = evidence.ExecuteReader();
        var hasEvidence = evidenceReader.Read();
        var list = new List<Evidence>();
        while (edgeReader.Read())
        {
            var seq = edgeReader.GetInt64(0);
            list.Clear();

            // Both scans are ordered by relationship seq: a merge join. Evidence of no relationship cannot exist (foreign key).
            while (hasEvidence && evidenceReader.GetInt64(0) < seq)
            {
                hasEvidence = evidenceReader.Read();
            }

            while (hasEvidence && evidenceReader.GetInt64(0) == seq)
            {
                var extractor = evidenceReader.GetString(8);
                if (!extractors.TryGetValue(extractor, out var shared))
                {
                    extractors[extractor] = shared = extractor;
                }

                list.Add(new Evidence(
                    documentIds[evidenceReader.GetInt64(1)],
                    evidenceReader.GetString(4),
                    evidenceReader.GetInt32(2),
                    evidenceReader.GetInt32(3),
                    evidenceReader.IsDBNull(5) ? null : actorIds[evidenceReader.GetInt64(5)],
                    (Stance)evidenceReader.GetInt32(6),
                    evidenceReader.GetDouble(7),
                    shared,
                    TextFields.EvidenceFromJson(evidenceReader.IsDBNull(9) ? null : evidenceReader.GetString(9))));
                hasEvidence = evidenceReader.Read();
            }

            var key = new RelationshipKey((RelationshipType)edgeReader.GetInt32(1), actorIds[edgeReader.GetInt64(2)], actorIds[edgeReader.GetInt64(3)], edgeReader.GetString(4));
            var attributes = TextFields.EdgeFromJson(edgeReader.IsDBNull(5) ? null : edgeReader.GetString(5));
            index.SetEdge(checked((int)seq), new Relationship(key, attributes, list.ToArray()));
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
