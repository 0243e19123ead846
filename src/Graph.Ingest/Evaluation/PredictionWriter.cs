using System.Globalization;
using System.Text;
using System.Text.Json;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Extraction.Extractors;

namespace Graph.Ingest.Evaluation;

/// <summary>
/// Turns an extractor's output for one document into the curated-knowledge format (formatVersion 1,
/// data/knowledge/README.md): one relationship per proposed (type, from, to) edge with all its evidence, the actors
/// those edges name, and the document. The file loads back with <c>KnowledgeFile.Load</c>.
/// </summary>
public static class PredictionWriter
{
    /// <summary>The prediction as a snapshot (actors, the document, one relationship per edge).</summary>
    public static GraphSnapshot ToSnapshot(ExtractionResult result, Document document)
    {
        var actors = new Dictionary<ActorId, Actor>();
        foreach (var actor in result.Actors)
        {
            actors[actor.Id] = actor.ToActor(document.Id);
        }

        var relationships = new List<Relationship>();
        foreach (var group in result.Proposals.GroupBy(p => new RelationshipKey(p.Type, p.From.Id, p.To.Id).Canonical()))
        {
            var evidence = group.Select(p => p.ToEvidence()).DistinctBy(e => e.Key).ToList();
            relationships.Add(new Relationship(group.Key, EdgeAttributes.None, evidence));
        }

        // Only actors that an edge names (as an end or a credited source) belong in the file.
        var used = new HashSet<ActorId>(relationships.SelectMany(r => r.Evidence.Where(e => e.AttributedTo is not null).Select(e => e.AttributedTo!.Value).Append(r.From).Append(r.To)));
        return new GraphSnapshot([.. actors.Values.Where(a => used.Contains(a.Id))], [document], relationships);
    }

    /// <summary>
    /// The knowledge file text; <paramref name="textFile"/> is the document's path as the file should name it
    /// (relative to where the file will be written).
    /// </summary>
    public static string Write(ExtractionResult result, Document document, string textFile)
    {
        var snapshot = ToSnapshot(result, document);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            json.WriteStartArray("documents");
            json.WriteStartObject();
            json.WriteString("id", document.Id.Value);
            json.WriteString("file", textFile.Replace('\\', '/'));
            json.WriteString("title", document.Title);
            if (document.Url is { } url)
            {
                json.WriteString("url", url);
            }

            if (document.Published is { } published)
            {
                json.WriteString("published", published.ToString());
            }

            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("actors");
            foreach (var actor in snapshot.Actors.OrderBy(a => a.Id))
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
                json.WriteString("description", actor.Description ?? $"{actor.Kind} named in {document.Id}.");
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
                json.WriteStartArray("evidence");
                foreach (var e in edge.Evidence)
                {
                    json.WriteStartObject();
                    json.WriteString("document", e.DocumentId.Value);
                    json.WriteString("quote", e.Quote);
                    json.WriteNumber("start", e.Start);
                    json.WriteNumber("end", e.End);
                    if (e.AttributedTo is { } source)
                    {
                        json.WriteString("attributedTo", source.Value);
                    }

                    json.WriteString("stance", e.Stance.ToString().ToLowerInvariant());
                    json.WriteNumber("confidence", Math.Round((decimal)e.Confidence, 2));
                    json.WriteString("extractor", e.Extractor);
                    if (e.Attributes is { IsEmpty: false } attributes)
                    {
                        json.WriteStartObject("attributes");
                        foreach (var (name, value) in attributes.ToFields())
                        {
                            switch (value)
                            {
                                case long l:
                                    json.WriteNumber(name, l);
                                    break;
                                case decimal d:
                                    json.WriteNumber(name, d);
                                    break;
                                default:
                                    json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                                    break;
                            }
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
