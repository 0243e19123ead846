using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;

namespace Graph.Ingest.Exchange;

/// <summary>
/// Writes a graph as a knowledge file (the format <see cref="KnowledgeFile"/> reads, data/knowledge/README.md): the
/// JSON, and each document's text as a file in <c>&lt;name&gt;.texts/</c> beside it, named by the file's <c>file</c> entry.
/// </summary>
public static class KnowledgeJsonWriter
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="path"/> and its texts folder; returns the files written.</summary>
    public static IReadOnlyList<string> Write(GraphSnapshot snapshot, string path)
    {
        snapshot = CanonicalSnapshot.Of(snapshot);
        var full = Path.GetFullPath(path);
        var textsName = Path.GetFileNameWithoutExtension(full) + ".texts";
        var texts = Path.Combine(Path.GetDirectoryName(full)!, textsName);
        Directory.CreateDirectory(texts);
        var written = new List<string> { full };
        using (var stream = File.Create(full))
        using (var json = new Utf8JsonWriter(stream, s_options))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", KnowledgeFile.FormatVersion);
            json.WriteStartArray("documents");
            foreach (var document in snapshot.Documents)
            {
                var file = FileName(document.Id);
                File.WriteAllText(Path.Combine(texts, file), document.Text);
                written.Add(Path.Combine(texts, file));
                json.WriteStartObject();
                json.WriteString("id", document.Id.Value);
                json.WriteString("file", textsName + "/" + file);
                json.WriteString("title", document.Title);
                Optional(json, "publisher", document.Publisher?.Value);
                Optional(json, "url", document.Url);
                Optional(json, "published", document.Published?.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("actors");
            foreach (var actor in snapshot.Actors)
            {
                json.WriteStartObject();
                json.WriteString("id", actor.Id.Value);
                json.WriteString("kind", actor.Kind.ToString());
                json.WriteString("name", actor.Name);
                json.WriteStartArray("aliases");
                foreach (var alias in actor.Aliases)
                {
                    json.WriteStringValue(alias);
                }

                json.WriteEndArray();
                json.WriteStartObject("attributes");
                foreach (var (key, value) in actor.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
                Optional(json, "description", actor.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("relationships");
            foreach (var edge in snapshot.Relationships)
            {
                json.WriteStartObject();
                json.WriteString("type", GraphOntology.RuleFor(edge.Type).Name);
                json.WriteString("from", edge.From.Value);
                json.WriteString("to", edge.To.Value);
                if (edge.Key.Qualifier.Length > 0)
                {
                    json.WriteString("qualifier", edge.Key.Qualifier);
                }

                Attributes(json, edge.Attributes);
                json.WritePropertyName("evidence");
                WriteEvidence(json, edge.Evidence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return written;
    }

    /// <summary>Evidence as the knowledge file states it (also the CSV's evidence column).</summary>
    internal static void WriteEvidence(Utf8JsonWriter json, IReadOnlyList<Evidence> evidence)
    {
        json.WriteStartArray();
        foreach (var e in CanonicalSnapshot.Ordered(evidence))
        {
            json.WriteStartObject();
            json.WriteString("document", e.DocumentId.Value);
            json.WriteString("quote", e.Quote);
            json.WriteNumber("start", e.Start);
            json.WriteNumber("end", e.End);
            Optional(json, "attributedTo", e.AttributedTo?.Value);
            json.WriteString("stance", e.Stance.ToString().ToLowerInvariant());
            json.WriteNumber("confidence", e.Confidence);
            json.WriteString("extractor", e.Extractor);
            if (e.Attributes is { IsEmpty: false } attributes)
            {
                Attributes(json, attributes);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The text file of a document: its id with the kind's colon made a dash.</summary>
    internal static string FileName(DocumentId id) => id.Value.Replace(':', '-') + ".txt";

    private static void Attributes(Utf8JsonWriter json, EdgeAttributes attributes)
    {
        var fields = attributes.ToText();
        if (fields.Count == 0)
        {
            return;
        }

        json.WriteStartObject("attributes");
        foreach (var name in EdgeAttributes.FieldNames)
        {
            if (fields.TryGetValue(name, out var value))
            {
                json.WriteString(name, value);
            }
        }

        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
