using System.Globalization;
using System.Text;
using System.Xml;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Ingest.Exchange;

/// <summary>
/// GraphML (graphml.graphdrawing.org) for Gephi, yEd and NetworkX: actors as nodes (id = actor id), relationships as
/// directed edges (id = relationship id), every data key declared with its <c>attr.type</c>. Documents are not nodes:
/// the edges name the documents they cite.
/// </summary>
public static class GraphMlWriter
{
    private const string Ns = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>The keys: (id, for, attr.name, attr.type).</summary>
    internal static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("aliases", "node", "aliases", "string"),
        ("description", "node", "description", "string"),
        ("elabel", "edge", "label", "string"),
        ("type", "edge", "type", "string"),
        ("qualifier", "edge", "qualifier", "string"),
        ("confidence", "edge", "confidence", "double"),
        ("weight", "edge", "weight", "double"),
        ("evidenceCount", "edge", "evidenceCount", "int"),
        ("validFrom", "edge", "validFrom", "string"),
        ("validTo", "edge", "validTo", "string"),
        ("documents", "edge", "documents", "string"),
    ];

    /// <summary>Writes the document to a file.</summary>
    public static void Write(GraphSnapshot snapshot, string path)
    {
        using var stream = File.Create(path);
        Write(snapshot, stream);
    }

    /// <summary>Writes the document (UTF-8, indented, LF line ends).</summary>
    public static void Write(GraphSnapshot snapshot, Stream stream)
    {
        snapshot = CanonicalSnapshot.Of(snapshot);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Ns);
        foreach (var (id, target, name, type) in Keys)
        {
            xml.WriteStartElement("key", Ns);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", target);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("graph", Ns);
        xml.WriteAttributeString("id", "G");
        xml.WriteAttributeString("edgedefault", "directed");
        var actors = snapshot.Actors.Select(a => a.Id).ToHashSet();
        foreach (var actor in snapshot.Actors)
        {
            xml.WriteStartElement("node", Ns);
            xml.WriteAttributeString("id", actor.Id.Value);
            Data(xml, "label", actor.Name);
            Data(xml, "kind", actor.Kind.ToString());
            Data(xml, "aliases", string.Join("; ", actor.Aliases));
            Data(xml, "description", actor.Description);
            xml.WriteEndElement();
        }

        foreach (var edge in snapshot.Relationships.Where(e => actors.Contains(e.From) && actors.Contains(e.To)))
        {
            var type = GraphOntology.RuleFor(edge.Type).Name;
            var confidence = edge.Confidence.ToString("R", CultureInfo.InvariantCulture);
            xml.WriteStartElement("edge", Ns);
            xml.WriteAttributeString("id", edge.Id);
            xml.WriteAttributeString("source", edge.From.Value);
            xml.WriteAttributeString("target", edge.To.Value);
            Data(xml, "elabel", type);
            Data(xml, "type", type);
            Data(xml, "qualifier", edge.Key.Qualifier.Length == 0 ? null : edge.Key.Qualifier);
            Data(xml, "confidence", confidence);
            Data(xml, "weight", confidence);
            Data(xml, "evidenceCount", edge.Evidence.Count.ToString(CultureInfo.InvariantCulture));
            Data(xml, "validFrom", edge.Attributes.ValidFrom?.ToString());
            Data(xml, "validTo", edge.Attributes.ValidTo?.ToString());
            Data(xml, "documents", string.Join("; ", edge.Evidence.Select(e => e.DocumentId.Value).Distinct().Order(StringComparer.Ordinal)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        xml.WriteStartElement("data", Ns);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
