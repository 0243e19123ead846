using System.Text;
using Graph.Core.Ontology;

namespace Graph.Extraction.Extractors.Model;

/// <summary>
/// The instructions sent with every chunk. Built from <see cref="GraphOntology"/> so a type or direction rule added to
/// the ontology reaches the model without editing text here.
/// </summary>
internal static class ExtractionPrompt
{
    private static readonly Lazy<string> s_system = new(BuildSystem);

    /// <summary>The system message: task, ontology, output schema.</summary>
    public static string System => s_system.Value;

    /// <summary>The user message for one chunk of a document.</summary>
    public static string User(string chunk, int index, int count) =>
        (count > 1 ? $"Document text, part {index + 1} of {count}:\n" : "Document text:\n") + "<<<\n" + chunk + "\n>>>";

    private static string BuildSystem()
    {
        var b = new StringBuilder();
        b.AppendLine("You read one news document and list the actors it names and the relationships it states between them.");
        b.AppendLine("Report only what the text itself says. Do not add background knowledge. An empty list is a correct answer.");
        b.AppendLine();
        b.AppendLine("ACTOR KINDS (use exactly these names):");
        foreach (var kind in GraphOntology.Kinds)
        {
            b.Append("- ").Append(kind).Append(": ").AppendLine(KindMeaning(kind));
        }

        b.AppendLine("A city name used for its government (\"Moscow said\", \"Pyongyang denied\") is the State, not a Location.");
        b.AppendLine();
        b.AppendLine("RELATIONSHIP TYPES (use exactly these names; \"from\" is the actor doing it, \"to\" the one it is done to):");
        foreach (var rule in GraphOntology.Rules)
        {
            b.Append("- ").Append(rule.Name).Append(": ").Append(rule.Meaning).Append(". From ")
                .Append(string.Join(" or ", rule.From.Order())).Append(" to ").Append(string.Join(" or ", rule.To.Order()))
                .AppendLine(rule.Symmetric ? " (symmetric: either order)." : ".");
        }

        b.AppendLine("A relationship whose kinds do not fit the type's from/to rule will be thrown away: pick another type or leave it out.");
        b.AppendLine();
        b.AppendLine("EVIDENCE RULES:");
        b.AppendLine("- quote: copy the sentence or clause that states the relationship character for character from the document,");
        b.AppendLine("  keeping its spelling, punctuation and quotation marks. Never shorten, reword or join sentences.");
        b.AppendLine("  A quote that is not an exact substring of the document is discarded.");
        b.AppendLine("- attributedTo: the actor the document credits with the claim (\"according to the NIS\", \"Zelensky said\"),");
        b.AppendLine("  or null when the document states it in its own voice. It must also appear in the actors list.");
        b.AppendLine("- stance: \"asserts\" when the source states it as fact; \"hedged\" when it is qualified (\"reportedly\", \"may have\",");
        b.AppendLine("  \"is believed to\", \"would violate\"); \"denies\" when the source denies it (keep denials: they are evidence too).");
        b.AppendLine("- confidence: a number from 0 to 1, how sure you are that the quote states this relationship.");
        b.AppendLine("- figures: only numbers and dates the quote gives, with these keys: personnel (\"workers\", \"troops\"), count, countMin,");
        b.AppendLine("  countMax, amount, amountMin, amountMax, currency (ISO 4217), period (\"month\", \"year\"), casualties, note,");
        b.AppendLine("  validFrom, validTo (ISO 8601 dates of any precision: 2024, 2024-10, 2025-02-09). Omit keys the quote does not give.");
        b.AppendLine();
        b.AppendLine("ANSWER with one JSON object and nothing else, in this form:");
        b.AppendLine("""
            {
              "actors": [
                { "name": "North Korea", "kind": "State", "aliases": ["DPRK", "Pyongyang"] }
              ],
              "relationships": [
                {
                  "type": "DEPLOYED",
                  "from": "North Korea",
                  "to": "Russia",
                  "quote": "exact sentence from the document",
                  "attributedTo": "National Intelligence Service",
                  "stance": "hedged",
                  "confidence": 0.8,
                  "figures": { "personnel": "troops", "count": 10000 }
                }
              ]
            }
            """);
        b.AppendLine("\"from\", \"to\" and \"attributedTo\" name actors from the \"actors\" list, by their \"name\".");
        return b.ToString();
    }

    private static string KindMeaning(NodeKind kind) => kind switch
    {
        NodeKind.State => "a sovereign state",
        NodeKind.Agency => "a body of a state: ministry, intelligence service, army, parliament, state news agency",
        NodeKind.Organization => "an international body, think tank, media outlet or company",
        NodeKind.Official => "a person acting in a public role",
        NodeKind.Person => "any other named person",
        NodeKind.Treaty => "an agreement between parties",
        NodeKind.Resolution => "a resolution of an international body",
        NodeKind.Location => "a region, city or area that is not a state, when the place itself is meant",
        NodeKind.Conflict => "a war or armed conflict",
        _ => kind.ToString(),
    };
}
