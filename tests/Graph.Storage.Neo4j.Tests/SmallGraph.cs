using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>A few actors, one document and edges of several kinds (symmetric, qualified, disputed figures), built in code.</summary>
internal static class SmallGraph
{
    public static readonly ActorId NorthKorea = ActorId.Parse("state:north-korea");
    public static readonly ActorId Russia = ActorId.Parse("state:russia");
    public static readonly ActorId Resolution2397 = ActorId.Parse("resolution:unsc-2397");
    public static readonly ActorId Nis = ActorId.Parse("agency:nis");
    public static readonly ActorId Yonhap = ActorId.Parse("organization:yonhap");
    public static readonly DocumentId Report = DocumentId.Parse("doc:nis-report");

    public const string Text =
        "North Korea sent 13,221 workers to Russia in 2024. About 15,000 North Korean workers arrived, others say. " +
        "Russia's use of them violates Resolution 2397. The NIS reported on North Korea's dispatches. Moscow and Pyongyang are allies.";

    public static readonly Document Document = new(Report, "NIS: workers sent to Russia", Yonhap, "https://example.org/nis", PartialDate.Parse("2025-02-09"), Text);

    public static IReadOnlyList<Actor> Actors =>
    [
        new(NorthKorea, NodeKind.State, "North Korea", ["DPRK", "Pyongyang"], new Dictionary<string, string> { ["countryCode"] = "KP" }, "A state in East Asia"),
        new(Russia, NodeKind.State, "Russia", ["Moscow"], new Dictionary<string, string> { ["countryCode"] = "RU" }),
        new(Resolution2397, NodeKind.Resolution, "UN Security Council Resolution 2397", ["UNSCR 2397"], new Dictionary<string, string> { ["adopted"] = "2017-12-22" }),
        new(Nis, NodeKind.Agency, "National Intelligence Service", ["NIS"], new Dictionary<string, string>()),
        new(Yonhap, NodeKind.Organization, "Yonhap", [], new Dictionary<string, string>()),
    ];

    public static IReadOnlyList<Relationship> Relationships =>
    [
        new(RelationshipType.Deployed, NorthKorea, Russia,
            new EdgeAttributes { Personnel = "workers", ValidFrom = PartialDate.Parse("2024"), ValidTo = PartialDate.Parse("2024-12") },
            [
                Quote("North Korea sent 13,221 workers to Russia in 2024.", Nis, Stance.Asserts, new EdgeAttributes { Count = 13221 }),
                Quote("About 15,000 North Korean workers arrived, others say.", null, Stance.Hedged, new EdgeAttributes { CountMin = 14000, CountMax = 16000 }),
            ],
            "workers"),
        new(RelationshipType.Violates, Russia, Resolution2397, EdgeAttributes.None, [Quote("Russia's use of them violates Resolution 2397.", null, Stance.Hedged)]),
        new(RelationshipType.Reported, Nis, NorthKorea, new EdgeAttributes { ValidFrom = PartialDate.Parse("2025-02-09"), Note = "it's \"quoted\"" }, [Quote("The NIS reported on North Korea's dispatches.", Nis, Stance.Asserts)]),
        new(RelationshipType.AlliedWith, Russia, NorthKorea, new EdgeAttributes { Amount = 1.5m, Currency = "USD" }, [Quote("Moscow and Pyongyang are allies.", null, Stance.Asserts)]),
    ];

    public static GraphSnapshot Snapshot => new(Actors, [Document], Relationships);

    public static Evidence Quote(string quote, ActorId? source, Stance stance, EdgeAttributes? attributes = null)
    {
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"'{quote}' is not in the text.");
        }

        return new Evidence(Report, quote, start, start + quote.Length, source, stance, stance == Stance.Hedged ? 0.6 : 1.0, "curated", attributes);
    }
}
