using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Extractors;
using Graph.Extraction.Reading;
using Graph.Ingest.Ingestion;
using Graph.Storage.Embedded;

namespace Graph.Ingest.Tests.Ingestion;

// Open XML's root namespace is also called DocumentFormat (this project builds real .docx files).
using DocumentFormat = Graph.Extraction.Reading.DocumentFormat;

/// <summary>One line of what <see cref="ScriptedExtractor"/> proposes whenever its quote occurs in a text.</summary>
internal sealed record ScriptLine(RelationshipType Type, string From, NodeKind FromKind, string To, NodeKind ToKind, string Quote, string Rule, double Confidence, EdgeAttributes? Attributes = null);

/// <summary>
/// A test extractor: proposes each script line whose quote occurs in the text, naming the graph's actors by name (known)
/// or new ones. The script is read at each extraction, so a test can change what a re-extraction finds.
/// </summary>
internal sealed class ScriptedExtractor(IReadOnlyCollection<Actor> known, Func<IReadOnlyList<ScriptLine>> script, Func<bool> fail) : IExtractor
{
    public string Name => "scripted";

    public string Version => "1";

    public IReadOnlyCollection<Actor> Known => known;

    public ExtractionResult Extract(ExtractionInput input, CancellationToken cancellationToken = default)
    {
        if (fail())
        {
            throw new InvalidOperationException("The extractor broke.");
        }

        var proposals = new List<Proposal>();
        foreach (var line in script())
        {
            var start = input.Text.IndexOf(line.Quote, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            proposals.Add(new Proposal(input.Document, line.Type, Actor(line.From, line.FromKind), Actor(line.To, line.ToKind), line.Quote, start, start + line.Quote.Length,
                null, Stance.Asserts, line.Confidence, line.Rule, "scripted/1", line.Attributes));
        }

        var actors = proposals.SelectMany(p => new[] { p.From, p.To }).DistinctBy(a => a.Id).ToList();
        return new ExtractionResult(actors, proposals, new Dictionary<string, int>());
    }

    private ProposedActor Actor(string name, NodeKind kind) =>
        known.FirstOrDefault(a => a.Name == name) is { } actor
            ? new ProposedActor(actor.Id, actor.Kind, actor.Name, actor.Aliases, true)
            : new ProposedActor(ActorId.For(kind, name), kind, name, [], false);
}

/// <summary>A clock that stands still unless moved.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>An embedded store on a temp SQLite file with the three actors the texts name, and the two services over it.</summary>
internal sealed class IngestionFixture : IAsyncDisposable
{
    public const string TextA = "The NIS said North Korea deployed 13,221 workers to Russia last year. Pyongyang also sent troops to Kursk.";
    public const string TextB = "South Korea's spy agency NIS says North Korea deployed about 15,000 workers to Russia.";
    public const string TextC = "Officials confirmed North Korea deployed 13,221 workers to Russia.";

    public static readonly ActorId NorthKorea = ActorId.Parse("state:north-korea");
    public static readonly ActorId Russia = ActorId.Parse("state:russia");
    public static readonly ActorId Nis = ActorId.Parse("agency:nis");
    public static readonly ActorId Kursk = ActorId.Parse("location:kursk");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graph-tests", Guid.NewGuid().ToString("N"));

    private IngestionFixture()
    {
    }

    public EmbeddedGraphStore Store { get; private set; } = null!;

    public IngestionService Ingestion { get; private set; } = null!;

    public ReviewService Review { get; private set; } = null!;

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public List<ScriptLine> Script { get; } =
    [
        new(RelationshipType.Deployed, "North Korea", NodeKind.State, "Russia", NodeKind.State, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9, new EdgeAttributes { Count = 13221 }),
        new(RelationshipType.Deployed, "North Korea", NodeKind.State, "Russia", NodeKind.State, "North Korea deployed about 15,000 workers to Russia", "deploy-verb", 0.9, new EdgeAttributes { Count = 15000 }),
        new(RelationshipType.Deployed, "North Korea", NodeKind.State, "Kursk", NodeKind.Location, "Pyongyang also sent troops to Kursk", "sent-to", 0.6),
        new(RelationshipType.Reported, "NIS", NodeKind.Agency, "North Korea", NodeKind.State, "The NIS said North Korea", "said-report", 0.7),
    ];

    public bool Fail { get; set; }

    public int FactoryCalls { get; private set; }

    public static async Task<IngestionFixture> CreateAsync(IngestionOptions? options = null)
    {
        var fixture = new IngestionFixture();
        fixture.Store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(fixture._folder, "graph.db"), TimeProvider = fixture.Clock });
        await fixture.Store.UpsertActorsAsync(
        [
            new Actor(NorthKorea, NodeKind.State, "North Korea", ["DPRK"], new Dictionary<string, string>()),
            new Actor(Russia, NodeKind.State, "Russia"),
            new Actor(Nis, NodeKind.Agency, "NIS"),
            new Actor(ActorId.Parse("organization:yonhap"), NodeKind.Organization, "Yonhap News Agency", ["Yonhap"], new Dictionary<string, string>()),
        ]);
        fixture.Ingestion = new IngestionService(fixture.Store, fixture.Store, fixture.MakeExtractor, fixture.Clock, options);
        fixture.Review = new ReviewService(fixture.Store, fixture.Store);
        return fixture;
    }

    public static ReadDocument Read(string text, string? title = null, string? url = null, string? publisher = null) =>
        new("test.txt", DocumentFormat.Text, text, new DocumentMetadata(title, publisher, url, PartialDate.Parse("2026-02-10"), "en"));

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    private IExtractor MakeExtractor(IReadOnlyCollection<Actor> actors)
    {
        FactoryCalls++;
        return new ScriptedExtractor(actors, () => Script, () => Fail);
    }
}
