using System.Globalization;
using System.Text;
using System.Xml;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Ingest.Exchange;

/// <summary>
/// GEXF 1.3 (gexf.net) for Gephi: a static directed graph, actors as nodes with their kind and aliases as declared
/// attributes, relationships as edges with <c>label</c> = type and <c>weight</c> = confidence.
/// </summary>
public static class GexfWriter
{
    /// <summary>The GEXF 1.3 namespace.</summary>
    public const string Ns = "http://gexf.net/1.3";

    /// <summary>Declared attributes: (class, id, title, type).</summary>
    internal static readonly (string Class, string Id, string Title, string Type)[] Attributes =
    [
        ("node", "kind", "kind", "string"),
        ("node", "aliases", "aliases", "string"),
        ("node", "description", "description", "string"),
        ("edge", "qualifier", "qualifier", "string"),
        ("edge", "evidenceCount", "evidenceCount", "integer"),
        ("edge", "validFrom", "validFrom", "string"),
        ("edge", "validTo", "validTo", "string"),
        ("edge", "documents", "documents", "string"),
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
        xml.WriteStartElement("gexf", Ns);
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Ns);
        xml.WriteElementString("creator", Ns, "graph relationship explorer");
        xml.WriteElementString("description", Ns, "Actors and the relationships news documents state between them.");
        xml.WriteEndElement();
        xml.WriteStartElement("graph", Ns);
        xml.WriteAttributeString("mode", "static");
        xml.WriteAttributeString("defaultedgetype", "directed");
        foreach (var group in Attributes.GroupBy(a => a.Class))
        {
            xml.WriteStartElement("attributes", Ns);
            xml.WriteAttributeString("class", group.Key);
            foreach (var attribute in group)
            {
                xml.WriteStartElement("attribute", Ns);
                xml.WriteAttributeString("id", attribute.Id);
                xml.WriteAttributeString("title", attribute.Title);
                xml.WriteAttributeString("type", attribute.Type);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        var actors = snapshot.Actors.Select(a => a.Id).ToHashSet();
        xml.WriteStartElement("nodes", Ns);
        foreach (var actor in snapshot.Actors)
        {
            xml.WriteStartElement("node", Ns);
            xml.WriteAttributeString("id", actor.Id.Value);
            xml.WriteAttributeString("label", actor.Name);
            Values(xml, ("kind", actor.Kind.ToString()), ("aliases", List(actor.Aliases)), ("description", actor.Description));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("edges", Ns);
        foreach (var edge in snapshot.Relationships.Where(e => actors.Contains(e.From) && actors.Contains(e.To)))
        {
            xml.WriteStartElement("edge", Ns);
            xml.WriteAttributeString("id", edge.Id);
            xml.WriteAttributeString("source", edge.From.Value);
            xml.WriteAttributeString("target", edge.To.Value);
            xml.WriteAttributeString("label", GraphOntology.RuleFor(edge.Type).Name);
            xml.WriteAttributeString("weight", edge.Confidence.ToString("R", CultureInfo.InvariantCulture));
            Values(xml, ("qualifier", edge.Key.Qualifier.Length == 0 ? null : edge.Key.Qualifier), ("evidenceCount", edge.Evidence.Count.ToString(CultureInfo.InvariantCulture)),
                ("validFrom", edge.Attributes.ValidFrom?.ToString()), ("validTo", edge.Attributes.ValidTo?.ToString()),
                ("documents", List(edge.Evidence.Select(e => e.DocumentId.Value).Distinct().Order(StringComparer.Ordinal))));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // Lists as one string joined by "; " (as in the GraphML): every GEXF reader takes a string.
    private static string List(IEnumerable<string> items) => string.Join("; ", items);

    private static void Values(XmlWriter xml, params (string For, string? Value)[] values)
    {
        var present = values.Where(v => !string.IsNullOrEmpty(v.Value)).ToList();
        if (present.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("attvalues", Ns);
        foreach (var (key, value) in present)
        {
            xml.WriteStartElement("attvalue", Ns);
            xml.WriteAttributeString("for", key);
            xml.WriteAttributeString("value", value);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
