using System.Text;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Ingest.Synthetic;

/// <summary>
/// Generates a deterministic synthetic graph for benchmarks and load tests: actors of every node kind, edges whose
/// types obey the ontology's direction rules, a skewed (preferential-attachment) degree distribution, and one
/// verbatim evidence per edge quoted from a synthetic document. The graph is streamed in batches, actors first, so
/// a million edges never sit in memory at once.
/// </summary>
/// <remarks>
/// Actors arrive over the stream (a kind's available actors grow with the edges written), and each edge end is either
/// an actor drawn in proportion to its degree so far or a newly arrived (else uniformly drawn) actor of the wanted
/// kind: the classic growth-plus-preferential-attachment recipe, which gives a heavy-tailed degree distribution.
/// </remarks>
public sealed class SyntheticGraphGenerator
{
    /// <summary>The extractor name every synthetic evidence carries.</summary>
    public const string Extractor = "synthetic-generator/1";

    // Share of actors per kind (Person is most common, Conflict and State rare, as in news).
    private static readonly (NodeKind Kind, double Share)[] s_kindShares =
    [
        (NodeKind.State, 0.02), (NodeKind.Agency, 0.08), (NodeKind.Organization, 0.14), (NodeKind.Official, 0.16),
        (NodeKind.Person, 0.35), (NodeKind.Treaty, 0.05), (NodeKind.Resolution, 0.06), (NodeKind.Location, 0.10),
        (NodeKind.Conflict, 0.04),
    ];

    // How common each relationship type is, relative to the others.
    private static readonly Dictionary<RelationshipType, int> s_typeWeights = new()
    {
        [RelationshipType.VotedFor] = 5,
        [RelationshipType.Vetoed] = 1,
        [RelationshipType.Violates] = 3,
        [RelationshipType.Reported] = 14,
        [RelationshipType.Deployed] = 3,
        [RelationshipType.WithdrewFrom] = 1,
        [RelationshipType.Ratified] = 2,
        [RelationshipType.PartyTo] = 3,
        [RelationshipType.Signed] = 3,
        [RelationshipType.Adopted] = 2,
        [RelationshipType.Targets] = 2,
        [RelationshipType.AlliedWith] = 2,
        [RelationshipType.Supports] = 10,
        [RelationshipType.SuppliesArmsTo] = 2,
        [RelationshipType.Sanctions] = 5,
        [RelationshipType.Attacked] = 2,
        [RelationshipType.AtWarWith] = 1,
        [RelationshipType.Leads] = 3,
        [RelationshipType.MemberOf] = 12,
        [RelationshipType.LocatedIn] = 3,
        [RelationshipType.Employs] = 2,
        [RelationshipType.Gifted] = 1,
        [RelationshipType.MetWith] = 12,
        [RelationshipType.Visited] = 3,
    };

    private static readonly string[] s_syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "za", "bri", "den", "fal", "gor", "hal", "jun", "kes",
        "lin", "mar", "nov", "pel", "qua", "ros", "sul", "tor", "ul", "vin", "wes", "yar", "an", "el", "or", "is",
    ];

    private static readonly Lazy<PartialDate[]> s_dates = new(BuildDates);
    private static readonly Lazy<PartialDate[]> s_years = new(() => [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(PartialDate.OfYear)]);

    private readonly SyntheticGraphOptions _options;
    private readonly int[] _kindStart = new int[KindCount];
    private readonly int[] _kindCount = new int[KindCount];

    /// <summary>A generator for the given options (checked now, so a bad option fails before any work).</summary>
    public SyntheticGraphGenerator(SyntheticGraphOptions options)
    {
        _options = options.Validated();
        var wanted = Math.Max(KindCount * 3, (int)Math.Round(2.0 * options.Relationships / options.AverageDegree));
        var start = 0;
        for (var k = 0; k < KindCount; k++)
        {
            // At least three of each kind, so every rule (State AT_WAR_WITH State...) has distinct ends to link.
            _kindCount[k] = Math.Max(3, (int)(wanted * s_kindShares[k].Share));
            _kindStart[k] = start;
            start += _kindCount[k];
        }

        ActorCount = start;
    }

    private static int KindCount => s_kindShares.Length;

    /// <summary>How many actors the graph has.</summary>
    public int ActorCount { get; }

    /// <summary>How many relationships the graph has.</summary>
    public int RelationshipCount => _options.Relationships;

    /// <summary>How many documents the graph has.</summary>
    public int DocumentCount => (_options.Relationships + _options.EdgesPerDocument - 1) / _options.EdgesPerDocument;

    /// <summary>The whole graph at once: for small graphs and tests.</summary>
    public GraphSnapshot GenerateSnapshot()
    {
        var actors = new List<Actor>(ActorCount);
        var documents = new List<Document>(DocumentCount);
        var relationships = new List<Relationship>(RelationshipCount);
        foreach (var batch in Generate())
        {
            actors.AddRange(batch.Actors);
            documents.AddRange(batch.Documents);
            relationships.AddRange(batch.Relationships);
        }

        return new GraphSnapshot(actors, documents, relationships);
    }

    /// <summary>
    /// The graph as a stream of batches: first every actor (batches with only actors), then documents with the
    /// relationships they state. Importing the batches in order satisfies every store check (ends exist, quotes are
    /// verbatim in their documents).
    /// </summary>
    public IEnumerable<GraphSnapshot> Generate()
    {
        var ids = new ActorId[ActorCount];
        var names = new string[ActorCount];
        var kinds = new byte[ActorCount];
        var batchSize = _options.BatchSize;
        var actorBatch = new List<Actor>(Math.Min(batchSize, ActorCount));
        for (var k = 0; k < KindCount; k++)
        {
            var kind = s_kindShares[k].Kind;
            for (var local = 0; local < _kindCount[k]; local++)
            {
                var index = _kindStart[k] + local;
                names[index] = NameOf(kind, local);
                ids[index] = ActorId.For(kind, names[index]);
                kinds[index] = (byte)k;
                actorBatch.Add(new Actor(ids[index], kind, names[index]));
                if (actorBatch.Count == batchSize)
                {
                    yield return new GraphSnapshot(actorBatch, [], []);
                    actorBatch = new List<Actor>(batchSize);
                }
            }
        }

        if (actorBatch.Count > 0)
        {
            yield return new GraphSnapshot(actorBatch, [], []);
        }

        var edges = new EdgeDrawer(this, kinds);
        var organizations = (Start: _kindStart[IndexOf(NodeKind.Organization)], Count: _kindCount[IndexOf(NodeKind.Organization)]);
        var documents = new List<Document>();
        var relationships = new List<Relationship>(batchSize);
        var text = new StringBuilder();
        var pending = new List<(int From, int To, RelationshipType Type, string Quote, int Start, Stance Stance, EdgeAttributes Attributes)>(_options.EdgesPerDocument);
        var random = new SyntheticRandom(_options.Seed ^ 0x5EED_D0C5UL);
        var dates = s_dates.Value;
        for (var written = 0; written < _options.Relationships;)
        {
            var docNumber = written / _options.EdgesPerDocument;
            var documentId = DocumentId.Parse($"doc:synthetic-{docNumber:D7}");
            var publisher = ids[organizations.Start + random.Next(organizations.Count)];
            text.Clear().Append("Synthetic report ").Append(docNumber).Append(".\n");
            pending.Clear();
            var inDocument = Math.Min(_options.EdgesPerDocument, _options.Relationships - written);
            for (var i = 0; i < inDocument; i++)
            {
                var (from, to, type) = edges.Next(written + i);
                var rule = GraphOntology.RuleFor(type);
                var roll = random.NextDouble();
                var stance = roll < 0.80 ? Stance.Asserts : roll < 0.95 ? Stance.Hedged : Stance.Denies;
                var quote = stance switch
                {
                    Stance.Hedged => string.Concat("Reportedly, ", names[from], " ", rule.Meaning, " ", names[to], "."),
                    Stance.Denies => string.Concat("Officials deny that ", names[from], " ", rule.Meaning, " ", names[to], "."),
                    _ => string.Concat(names[from], " ", rule.Meaning, " ", names[to], "."),
                };
                text.Append(' ');
                pending.Add((from, to, type, quote, text.Length, stance, Attributes(type, ref random, dates)));
                text.Append(quote);
            }

            var body = text.ToString();
            documents.Add(new Document(documentId, $"Synthetic report {docNumber}", publisher, null, dates[random.Next(dates.Length)], body));
            foreach (var edge in pending)
            {
                var attributedTo = random.Next(10) < 3 ? publisher : (ActorId?)null;
                var confidence = edge.Stance switch { Stance.Asserts => 0.9, Stance.Hedged => 0.6, _ => 0.8 };
                var evidence = new Evidence(documentId, edge.Quote, edge.Start, edge.Start + edge.Quote.Length, attributedTo, edge.Stance, confidence, Extractor);
                relationships.Add(new Relationship(edge.Type, ids[edge.From], ids[edge.To], edge.Attributes, [evidence]));
            }

            written += inDocument;
            var nextDocument = Math.Min(_options.EdgesPerDocument, _options.Relationships - written);
            // A document never straddles two batches, so a batch holds at most max(batch size, edges per document).
            if (written == _options.Relationships || relationships.Count + nextDocument > batchSize)
            {
                yield return new GraphSnapshot([], documents, relationships);
                documents = [];
                relationships = new List<Relationship>(batchSize);
            }
        }
    }

    private EdgeAttributes Attributes(RelationshipType type, ref SyntheticRandom random, PartialDate[] dates)
    {
        var attributes = EdgeAttributes.None;
        if (random.NextDouble() < _options.DatedFraction)
        {
            var from = dates[random.Next(dates.Length)];
            // A third of dated edges also end: in the same year or up to four years later, so the range stays ordered.
            var to = random.Next(3) == 0 ? s_years.Value[Math.Min(from.Year + random.Next(5), LastYear) - FirstYear] : (PartialDate?)null;
            attributes = new EdgeAttributes { ValidFrom = from, ValidTo = to };
        }

        if (type == RelationshipType.Deployed && random.Next(2) == 0)
        {
            attributes = attributes with { Personnel = random.Next(2) == 0 ? "troops" : "workers", Count = 100 + random.Next(20_000) };
        }

        return attributes;
    }

    private const int FirstYear = 1991;
    private const int LastYear = 2025;

    private static PartialDate[] BuildDates()
    {
        // Half day precision, a third month precision, the rest year precision: sources give all three.
        var dates = new List<PartialDate>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            for (var i = 0; i < 6; i++)
            {
                dates.Add(PartialDate.OfYear(year));
            }

            for (var month = 1; month <= 12; month++)
            {
                dates.Add(PartialDate.OfMonth(year, month));
                dates.Add(PartialDate.OfMonth(year, month));
                for (var day = 1; day <= 28; day += 9)
                {
                    dates.Add(PartialDate.OfDay(year, month, day));
                }
            }
        }

        return [.. dates];
    }

    private static int IndexOf(NodeKind kind) => Array.FindIndex(s_kindShares, s => s.Kind == kind);

    /// <summary>A unique, pronounceable display name for the n-th actor of a kind.</summary>
    private static string NameOf(NodeKind kind, int n)
    {
        var stem = Stem(n);
        return kind switch
        {
            NodeKind.State => stem + "ia",
            NodeKind.Agency => stem + " Security Service",
            NodeKind.Organization => stem + " Institute",
            NodeKind.Official => "Minister " + stem,
            NodeKind.Person => stem + " Citizen",
            NodeKind.Treaty => stem + " Accord",
            NodeKind.Resolution => "Resolution " + (1000 + n),
            NodeKind.Location => stem + " Region",
            _ => stem + " War",
        };
    }

    // Base-32 digits of n as syllables (at least two), so names are unique within a kind.
    private static string Stem(int n)
    {
        var builder = new StringBuilder();
        var digits = 0;
        do
        {
            builder.Insert(0, s_syllables[n % s_syllables.Length]);
            n /= s_syllables.Length;
            digits++;
        }
        while (n > 0 || digits < 2);

        builder[0] = char.ToUpperInvariant(builder[0]);
        return builder.ToString();
    }

    /// <summary>Draws edge ends and types; holds the growing degree lists and the set of keys already drawn.</summary>
    private sealed class EdgeDrawer
    {
        private readonly SyntheticGraphGenerator _graph;
        private readonly byte[] _kinds;
        private readonly int[][] _endpoints = new int[KindCount][];
        private readonly int[] _endpointCount = new int[KindCount];
        private readonly int[] _fresh = new int[KindCount];
        private readonly (RelationshipType Type, int Cumulative)[][] _typesBySource = new (RelationshipType, int)[KindCount][];
        private readonly (int Kind, int Cumulative)[][] _targetKinds;
        private readonly HashSet<long> _keys;
        private SyntheticRandom _random;

        public EdgeDrawer(SyntheticGraphGenerator graph, byte[] kinds)
        {
            _graph = graph;
            _kinds = kinds;
            _random = new SyntheticRandom(graph._options.Seed);
            _keys = new HashSet<long>(graph._options.Relationships);
            for (var k = 0; k < KindCount; k++)
            {
                _endpoints[k] = new int[Math.Max(16, graph._kindCount[k] * 2)];
                var kind = s_kindShares[k].Kind;
                var total = 0;
                _typesBySource[k] = [.. GraphOntology.Rules.Where(r => r.From.Contains(kind)).Select(r => (r.Type, total += s_typeWeights[r.Type]))];
            }

            _targetKinds = new (int, int)[GraphOntology.Rules.Count][];
            foreach (var rule in GraphOntology.Rules)
            {
                var total = 0;
                _targetKinds[(int)rule.Type] = [.. Enumerable.Range(0, KindCount).Where(k => rule.To.Contains(s_kindShares[k].Kind)).Select(k => (k, total += graph._kindCount[k]))];
            }
        }

        /// <summary>The <paramref name="edge"/>-th edge: distinct ends, allowed by its rule, a key not drawn before.</summary>
        public (int From, int To, RelationshipType Type) Next(int edge)
        {
            var progress = (edge + 1.0) / _graph._options.Relationships;
            var bias = _graph._options.PreferentialBias;
            while (true)
            {
                var from = _random.NextDouble() < bias ? Preferential(SourceKindByDegree(), progress) : Arriving(SourceKindByCount(), progress);
                var sourceTypes = _typesBySource[_kinds[from]];
                for (var attempt = 0; attempt < 8; attempt++)
                {
                    var type = Pick(sourceTypes, _random.Next(sourceTypes[^1].Cumulative));
                    var targets = _targetKinds[(int)type];
                    var targetKind = Pick(targets, _random.Next(targets[^1].Cumulative));
                    var to = _random.NextDouble() < bias ? Preferential(targetKind, progress) : Arriving(targetKind, progress);
                    if (to == from)
                    {
                        continue;
                    }

                    var symmetric = GraphOntology.RuleFor(type).Symmetric;
                    var (a, b) = symmetric && to < from ? (to, from) : (from, to);
                    if (_keys.Add(((long)type << 58) | ((long)a << 29) | (uint)b))
                    {
                        Remember(from);
                        Remember(to);
                        return (from, to, type);
                    }
                }
            }
        }

        private static T Pick<T>((T Value, int Cumulative)[] table, int roll)
        {
            foreach (var (value, cumulative) in table)
            {
                if (roll < cumulative)
                {
                    return value;
                }
            }

            return table[^1].Value;
        }

        private int SourceKindByDegree()
        {
            var total = 0;
            foreach (var count in _endpointCount)
            {
                total += count;
            }

            if (total == 0)
            {
                return SourceKindByCount();
            }

            var roll = _random.Next(total);
            for (var k = 0; k < KindCount; k++)
            {
                roll -= _endpointCount[k];
                if (roll < 0)
                {
                    return k;
                }
            }

            return KindCount - 1;
        }

        private int SourceKindByCount()
        {
            var roll = _random.Next(_graph.ActorCount);
            for (var k = 0; k < KindCount; k++)
            {
                roll -= _graph._kindCount[k];
                if (roll < 0)
                {
                    return k;
                }
            }

            return KindCount - 1;
        }

        /// <summary>An actor of the kind drawn in proportion to its degree so far.</summary>
        private int Preferential(int kind, double progress) =>
            _endpointCount[kind] == 0 ? Arriving(kind, progress) : _endpoints[kind][_random.Next(_endpointCount[kind])];

        /// <summary>The next actor of the kind not yet linked, once it has arrived; else any arrived actor of the kind.</summary>
        private int Arriving(int kind, double progress)
        {
            var count = _graph._kindCount[kind];
            var arrived = Math.Clamp((int)Math.Ceiling(count * progress), Math.Min(3, count), count);
            var local = _fresh[kind] < arrived ? _fresh[kind]++ : _random.Next(arrived);
            return _graph._kindStart[kind] + local;
        }

        private void Remember(int actor)
        {
            var kind = _kinds[actor];
            if (_endpointCount[kind] == _endpoints[kind].Length)
            {
                Array.Resize(ref _endpoints[kind], _endpoints[kind].Length * 2);
            }

            _endpoints[kind][_endpointCount[kind]++] = actor;
        }
    }
}
