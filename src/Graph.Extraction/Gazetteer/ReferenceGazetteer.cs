using System.Text.Json;
using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Extraction.Gazetteer;

/// <summary>
/// The reference list of actors every article may name: all UN member states (with formal names, acronyms,
/// demonyms and capitals), UN bodies, alliances, agencies, outlets, think tanks, conflicts and key regions. It ships
/// as <c>Data/reference-gazetteer.json</c> (an embedded resource); a caller may add entries from further files.
/// </summary>
public sealed class ReferenceGazetteer
{
    private const string ResourceName = "Graph.Extraction.Data.reference-gazetteer.json";

    private static readonly Lazy<ReferenceGazetteer> s_default = new(() => new ReferenceGazetteer([]));

    private readonly Dictionary<ActorId, GazetteerEntry> _byId = [];
    private readonly Dictionary<string, List<(GazetteerEntry Entry, NameForm Form, string Surface)>> _byFolded = new(StringComparer.Ordinal);

    /// <summary>Loads the shipped list and, after it, each extra file (same JSON shape; later entries with an id already present replace it).</summary>
    public ReferenceGazetteer(IEnumerable<string> extraFiles)
    {
        using (var stream = typeof(ReferenceGazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from Graph.Extraction."))
        {
            Load(JsonDocument.Parse(stream));
        }

        foreach (var file in extraFiles)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            Load(json);
        }

        Index();
    }

    /// <summary>The shipped gazetteer, loaded once.</summary>
    public static ReferenceGazetteer Default => s_default.Value;

    /// <summary>Every entry.</summary>
    public IReadOnlyCollection<GazetteerEntry> Entries => _byId.Values;

    /// <summary>The states.</summary>
    public IEnumerable<GazetteerEntry> States => _byId.Values.Where(e => e.Kind == NodeKind.State);

    /// <summary>Every folded name, acronym, demonym and capital.</summary>
    public IEnumerable<string> FoldedNames => _byFolded.Keys;

    /// <summary>The longest number of words of any name, for longest-match scanning.</summary>
    public int MaxWords { get; private set; }

    /// <summary>The entry with this id, if any.</summary>
    public GazetteerEntry? Find(ActorId id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The entries a folded name refers to and how, with the surface as written in the list (acronyms must match it
    /// with their capitals).
    /// </summary>
    public IReadOnlyList<(GazetteerEntry Entry, NameForm Form, string Surface)> Lookup(string folded) =>
        _byFolded.TryGetValue(folded, out var list) ? list : [];

    private void Load(JsonDocument json)
    {
        var root = json.RootElement;
        if (root.TryGetProperty("states", out var states))
        {
            foreach (var s in states.EnumerateArray())
            {
                var name = s.GetProperty("name").GetString()!;
                var aliases = new List<string>();
                if (s.TryGetProperty("formal", out var formal) && formal.GetString() is { Length: > 0 } f && f != name)
                {
                    aliases.Add(f);
                }

                aliases.AddRange(Strings(s, "aliases"));
                var entry = new GazetteerEntry(
                    ActorId.For(NodeKind.State, name), NodeKind.State, name, aliases, Strings(s, "demonyms"),
                    s.TryGetProperty("capital", out var cap) ? cap.GetString() : null,
                    s.TryGetProperty("capitalIsMetonym", out var m) && m.GetBoolean(),
                    s.TryGetProperty("code", out var code) ? code.GetString() : null, null, null);
                _byId[entry.Id] = entry;
            }
        }

        if (root.TryGetProperty("bodies", out var bodies))
        {
            foreach (var b in bodies.EnumerateArray())
            {
                var kind = GraphOntology.ParseKind(b.GetProperty("kind").GetString()!);
                var name = b.GetProperty("name").GetString()!;
                ActorId? Ref(string key) => b.TryGetProperty(key, out var v) && v.GetString() is { } t ? ActorId.Parse(t) : null;
                var entry = new GazetteerEntry(ActorId.For(kind, name), kind, name, Strings(b, "aliases"), [], null, false, null, Ref("partOf"), Ref("locatedIn"), Ref("leads"));
                _byId[entry.Id] = entry;
            }
        }
    }

    private void Index()
    {
        foreach (var entry in _byId.Values)
        {
            Add(entry.Name, entry, NameForm.Name);
            foreach (var alias in entry.Aliases)
            {
                Add(alias, entry, IsAcronym(alias) ? NameForm.Acronym : NameForm.Name);
            }

            foreach (var demonym in entry.Demonyms)
            {
                Add(demonym, entry, IsAcronym(demonym) ? NameForm.Acronym : NameForm.Demonym);
            }

            if (entry.Capital is { } capital && entry.CapitalIsMetonym)
            {
                Add(capital, entry, NameForm.Capital);
            }
        }
    }

    private void Add(string surface, GazetteerEntry entry, NameForm form)
    {
        // "the UN" is written with its article in the list for people, but matched without it.
        var trimmed = surface.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? surface[4..] : surface;
        var folded = NameFolding.Fold(trimmed);
        if (folded.Length == 0)
        {
            return;
        }

        if (!_byFolded.TryGetValue(folded, out var list))
        {
            _byFolded[folded] = list = [];
        }

        if (!list.Exists(x => x.Entry.Id == entry.Id && x.Form == form))
        {
            list.Add((entry, form, trimmed));
        }

        MaxWords = Math.Max(MaxWords, Tokenizer_WordCount(trimmed));
    }

    private static int Tokenizer_WordCount(string text) => Text.Tokenizer.Tokenize(text, 0, text.Length).Count;

    /// <summary>True for names written in capitals ("NIS", "U.S.", "RFE/RL"), matched only with their capitals.</summary>
    public static bool IsAcronym(string name)
    {
        var letters = 0;
        foreach (var c in name)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters is >= 2 and <= 6;
    }

    private static List<string> Strings(JsonElement e, string key) =>
        e.TryGetProperty(key, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : [];
}
