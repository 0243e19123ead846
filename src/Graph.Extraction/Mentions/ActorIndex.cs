using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Gazetteer;

namespace Graph.Extraction.Mentions;

/// <summary>
/// The names an extractor links to, built once: the graph's known actors (by folded id slug, name and alias) over the
/// reference gazetteer. Shared by every document the extractor reads.
/// </summary>
public sealed class ActorIndex
{
    private readonly Dictionary<string, Actor> _knownByFolded = new(StringComparer.Ordinal);
    private readonly Dictionary<ActorId, Actor> _knownById = [];

    /// <summary>Indexes the known actors over the gazetteer.</summary>
    public ActorIndex(IReadOnlyCollection<Actor> knownActors, ReferenceGazetteer gazetteer)
    {
        Gazetteer = gazetteer;
        foreach (var actor in knownActors)
        {
            _knownById[actor.Id] = actor;
            foreach (var name in actor.AllNames)
            {
                var folded = NameFolding.Fold(name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name);
                if (folded.Length > 0)
                {
                    _knownByFolded.TryAdd(folded, actor);
                }
            }

            MaxWords = Math.Max(MaxWords, actor.AllNames.Max(n => n.Count(c => c == ' ') + 1));
        }

        MaxWords = Math.Max(MaxWords, gazetteer.MaxWords);
        foreach (var folded in _knownByFolded.Keys.Concat(gazetteer.FoldedNames))
        {
            var words = folded.Split(' ');
            _firstWords[words[0]] = Math.Max(_firstWords.GetValueOrDefault(words[0]), words.Length);
        }
    }

    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);

    /// <summary>
    /// The most words a name starting with this folded word has, or 0 when no name starts with it: a cheap test that
    /// spares the longest-match scan on most words.
    /// </summary>
    public int MaxWordsStartingWith(string foldedWord) => _firstWords.GetValueOrDefault(foldedWord);

    /// <summary>The reference gazetteer.</summary>
    public ReferenceGazetteer Gazetteer { get; }

    /// <summary>The longest name in words.</summary>
    public int MaxWords { get; }

    /// <summary>The known actor with this folded name or alias.</summary>
    public Actor? KnownByFolded(string folded) => _knownByFolded.GetValueOrDefault(folded);

    /// <summary>The known actor with this id.</summary>
    public Actor? KnownById(ActorId id) => _knownById.GetValueOrDefault(id);

    /// <summary>
    /// A known actor whose folded name is within one edit of <paramref name="folded"/> (names of 7 letters or more),
    /// of the wanted kind: "Zelenskyy" finds "Zelensky".
    /// </summary>
    public Actor? KnownFuzzy(string folded, NodeKind kind)
    {
        if (folded.Length < 7)
        {
            return null;
        }

        foreach (var (name, actor) in _knownByFolded)
        {
            if (actor.Kind == kind && Math.Abs(name.Length - folded.Length) <= 1 && WithinOneEdit(name, folded))
            {
                return actor;
            }
        }

        return null;
    }

    private static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length == b.Length)
            {
                i++;
            }

            j++;
        }

        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }
}
