using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Storage.Embedded.Storage;

/// <summary>A proposal as the JSON of its row: written and read by hand, so ids and enums keep their text forms.</summary>
internal static class ProposalJson
{
    public static string Write(Proposal proposal)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("document", proposal.Document.Value);
            writer.WriteString("type", proposal.Type.ToString());
            WriteActor(writer, "from", proposal.From);
            WriteActor(writer, "to", proposal.To);
            writer.WriteString("quote", proposal.Quote);
            writer.WriteNumber("start", proposal.Start);
            writer.WriteNumber("end", proposal.End);
            if (proposal.AttributedTo is { } attributed)
            {
                WriteActor(writer, "attributedTo", attributed);
            }

            writer.WriteString("stance", proposal.Stance.ToString());
            writer.WriteNumber("confidence", proposal.Confidence);
            writer.WriteString("rule", proposal.Rule);
            writer.WriteString("extractor", proposal.Extractor);
            if (proposal.Attributes is { IsEmpty: false } attributes)
            {
                writer.WriteStartObject("attributes");
                foreach (var (name, value) in attributes.ToText())
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteString("qualifier", proposal.Qualifier);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Proposal Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        EdgeAttributes? attributes = null;
        if (root.TryGetProperty("attributes", out var fields))
        {
            attributes = EdgeAttributes.FromText(fields.EnumerateObject().Select(f => KeyValuePair.Create(f.Name, f.Value.GetString()!)));
        }

        return new Proposal(
            DocumentId.Parse(root.GetProperty("document").GetString()!),
            GraphOntology.ParseType(root.GetProperty("type").GetString()!),
            ReadActor(root.GetProperty("from")),
            ReadActor(root.GetProperty("to")),
            root.GetProperty("quote").GetString()!,
            root.GetProperty("start").GetInt32(),
            root.GetProperty("end").GetInt32(),
            root.TryGetProperty("attributedTo", out var attributed) ? ReadActor(attributed) : null,
            Enum.Parse<Stance>(root.GetProperty("stance").GetString()!),
            root.GetProperty("confidence").GetDouble(),
            root.GetProperty("rule").GetString()!,
            root.GetProperty("extractor").GetString()!,
            attributes,
            root.TryGetProperty("qualifier", out var qualifier) ? qualifier.GetString()! : "");
    }

    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void WriteActor(Utf8JsonWriter writer, string name, ProposedActor actor)
    {
        writer.WriteStartObject(name);
        writer.WriteString("id", actor.Id.Value);
        writer.WriteString("kind", actor.Kind.ToString());
        writer.WriteString("name", actor.Name);
        writer.WriteStartArray("aliases");
        foreach (var alias in actor.Aliases)
        {
            writer.WriteStringValue(alias);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("known", actor.Known);
        writer.WriteEndObject();
    }

    private static ProposedActor ReadActor(JsonElement element) => new(
        ActorId.Parse(element.GetProperty("id").GetString()!),
        Enum.Parse<NodeKind>(element.GetProperty("kind").GetString()!),
        element.GetProperty("name").GetString()!,
        [.. element.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!)],
        element.GetProperty("known").GetBoolean());
}
