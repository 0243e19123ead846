using Graph.Core.Ontology;

namespace Graph.Api.Schema.Actors;

/// <summary>What each node kind is, for the schema's descriptions (from ONTOLOGY.md).</summary>
public static class KindDescriptions
{
    /// <summary>One line saying what actors of the kind are.</summary>
    public static string Of(NodeKind kind) => kind switch
    {
        NodeKind.State => "A sovereign state, e.g. Russia, North Korea, South Korea.",
        NodeKind.Agency => "A body of a state: ministry, intelligence service, army or state news agency, e.g. South Korea's National Intelligence Service.",
        NodeKind.Organization => "An international body, think tank, media outlet or company, e.g. the UN Security Council or Yonhap.",
        NodeKind.Official => "A person acting in a public role, e.g. Kim Jong Un or Vladimir Putin.",
        NodeKind.Person => "Any other named person, e.g. a company director.",
        NodeKind.Treaty => "An agreement between parties, e.g. the DPRK–Russia Comprehensive Strategic Partnership treaty.",
        NodeKind.Resolution => "A resolution of an international body, e.g. UN Security Council Resolution 2397 (2017).",
        NodeKind.Location => "A region, city or area that is not a state, e.g. the Kursk region.",
        NodeKind.Conflict => "A war or armed conflict, e.g. the war in Ukraine.",
        _ => kind.ToString(),
    };
}
