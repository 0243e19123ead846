using System.Collections.Frozen;
using Graph.Core.Ontology;

namespace Graph.Extraction.Mentions;

/// <summary>Word lists that tell what a phrase names: titles, kind cues, personnel nouns, words that are never names.</summary>
public static class Cues
{
    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Titles of the head of a state or government: "President X" leads the state.</summary>
    public static readonly FrozenSet<string> LeaderTitles = Set("president", "leader", "premier", "chancellor", "king", "queen", "emperor", "dictator", "supreme");

    /// <summary>Titles of other officials: "Foreign Minister X" is a member of the state.</summary>
    public static readonly FrozenSet<string> OfficialTitles = Set(
        "minister", "secretary", "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman", "general", "gen.", "admiral",
        "commander", "chief", "director", "governor", "senator", "sen.", "rep.", "representative", "lawmaker", "mayor", "deputy",
        "vice", "prime", "foreign", "defense", "defence", "chairman", "chairwoman", "chair", "head", "official", "diplomat",
        "colonel", "col.", "lt.", "lieutenant", "major", "captain", "marshal", "politician", "secretary-general", "attorney",
        "speaker", "adviser", "advisor", "councillor", "spy", "intelligence", "interior", "finance", "justice", "trade",
        "economy", "energy", "health", "education", "culture", "agriculture", "labor", "labour", "unification", "national");

    /// <summary>Role nouns after a name ("X, a former member of the panel") that make the person an Official.</summary>
    public static readonly FrozenSet<string> OfficialRoles = Set(
        "politician", "ambassador", "minister", "official", "diplomat", "commander", "spokesperson", "spokesman", "spokeswoman",
        "general", "envoy", "lawmaker", "senator", "president", "leader", "governor", "secretary", "adviser", "advisor");

    /// <summary>Heads of unnamed sources ("a senior Western official", "Ukrainian officials").</summary>
    public static readonly FrozenSet<string> SourceHeads = Set(
        "official", "officials", "commander", "commanders", "spokesperson", "spokesman", "spokeswoman", "diplomat", "diplomats",
        "source", "sources", "analyst", "analysts", "expert", "experts", "minister", "lawmaker", "lawmakers", "ambassador", "envoy",
        "authorities", "officer", "officers", "intelligence");

    /// <summary>Plural groups that news credits without naming anyone ("Observers have noted", "Analysts say").</summary>
    public static readonly FrozenSet<string> GroupSources = Set(
        "observers", "analysts", "experts", "critics", "leaders", "economists", "researchers", "investigators", "diplomats",
        "employers", "residents", "witnesses", "activists", "monitors", "scholars", "commentators");

    /// <summary>Qualifiers that make a source specific enough to be an actor.</summary>
    public static readonly FrozenSet<string> SourceQualifiers = Set(
        "senior", "former", "top", "high-ranking", "unnamed", "anonymous", "western", "military", "government", "defense",
        "defence", "intelligence", "security", "deputy", "prime", "foreign", "local", "regional", "two", "several", "some", "and", "other");

    /// <summary>Personnel nouns: a state followed by one acts through its people ("North Korean troops").</summary>
    public static readonly FrozenDictionary<string, string> Personnel = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["troops"] = "troops",
        ["soldiers"] = "troops",
        ["forces"] = "troops",
        ["force"] = "troops",
        ["servicemen"] = "troops",
        ["fighters"] = "troops",
        ["army"] = "troops",
        ["military"] = "troops",
        ["units"] = "troops",
        ["personnel"] = "troops",
        ["reinforcements"] = "troops",
        ["workers"] = "workers",
        ["laborers"] = "workers",
        ["labourers"] = "workers",
        ["labor"] = "workers",
        ["labour"] = "workers",
        ["migrants"] = "workers",
        ["workforce"] = "workers",
        ["worker"] = "workers",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns after a demonym that stand for the state itself ("the North Korean government").</summary>
    public static readonly FrozenSet<string> GovernmentNouns = Set("government", "regime", "authorities", "state", "leadership", "administration");

    /// <summary>Words that start a capitalised run but are never part of a name.</summary>
    public static readonly FrozenSet<string> NotNames = Set(
        "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "as", "by", "to", "from", "with", "after", "before",
        "according", "however", "meanwhile", "despite", "during", "while", "since", "following", "under", "over", "last", "this",
        "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "his", "her", "their", "our", "many", "some", "both",
        "earlier", "later", "moreover", "lastly", "currently", "historically", "simultaneously", "commenting", "in", "when", "if",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.",
        "nov.", "dec.", "video", "comments", "post", "leave", "original", "source", "there", "such", "all", "one", "two", "three",
        "hundreds", "thousands", "several", "what", "who", "which", "where", "why", "how", "not", "no", "yes", "mr", "mr.", "mrs.",
        "ms.", "dr.", "north", "south", "east", "west", "new", "western", "eastern", "also");

    /// <summary>Words that never belong to a person's name ("Black Sea Fleet", "Pacific Ocean", "Red Square").</summary>
    public static readonly FrozenSet<string> NotPersonWords = Set(
        "sea", "ocean", "river", "fleet", "street", "square", "airport", "base", "station", "island", "islands", "mountains",
        "gulf", "bay", "strait", "canal", "cup", "games", "day", "party", "church", "hospital", "road", "bridge", "palace", "hall",
        "plant", "port", "harbour", "harbor", "lake", "valley", "desert", "forest", "park", "museum", "stadium", "tower", "house",
        "hotel", "summit", "forum", "conference", "act", "bill", "law", "plan", "program", "programme", "project", "initiative",
        "operation", "exercise", "brigade", "battalion", "regiment", "fund", "index", "exchange", "market", "street", "avenue");

    /// <summary>Capitalised words that make a run an Agency.</summary>
    public static readonly FrozenSet<string> AgencyCues = Set(
        "ministry", "agency", "service", "department", "forces", "army", "navy", "guard", "guards", "police", "command",
        "directorate", "bureau", "corps", "parliament", "assembly", "duma", "cabinet", "office", "intelligence", "marines", "brigade",
        "regiment", "division", "battalion");

    /// <summary>Capitalised words that make a run an Organization.</summary>
    public static readonly FrozenSet<string> OrganizationCues = Set(
        "institute", "council", "committee", "panel", "times", "news", "post", "herald", "journal", "organization", "organisation",
        "foundation", "center", "centre", "commission", "association", "union", "bank", "fund", "group", "company", "corporation",
        "tribune", "daily", "press", "broadcasting", "network", "alliance", "coalition", "university", "observatory", "monitor",
        "television", "radio", "telegraph", "gazette", "review", "inc", "ltd", "mission", "court");

    /// <summary>Words that make a run a Location.</summary>
    public static readonly FrozenSet<string> LocationCues = Set("region", "province", "oblast", "krai", "district", "peninsula", "island", "islands", "city", "county", "territory", "state");

    /// <summary>Words that make a run a Conflict.</summary>
    public static readonly FrozenSet<string> ConflictCues = Set("war", "invasion", "conflict", "offensive", "uprising");

    /// <summary>Words that make a run a Treaty.</summary>
    public static readonly FrozenSet<string> TreatyCues = Set("treaty", "agreement", "accord", "accords", "pact", "convention", "protocol", "memorandum", "deal");

    /// <summary>The kind a cue word gives, if any.</summary>
    public static NodeKind? KindOf(string word) =>
        TreatyCues.Contains(word) ? NodeKind.Treaty
        : ConflictCues.Contains(word) ? NodeKind.Conflict
        : LocationCues.Contains(word) ? NodeKind.Location
        : AgencyCues.Contains(word) ? NodeKind.Agency
        : OrganizationCues.Contains(word) ? NodeKind.Organization
        : null;

    /// <summary>Lower-case words that may sit inside a capitalised name ("Institute for the Study of War").</summary>
    public static readonly FrozenSet<string> NameConnectors = Set("of", "for", "the", "and", "on", "de", "al", "in");
}
