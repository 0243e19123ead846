using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using static Graph.Storage.Tests.Contract.GraphBuilder;

namespace Graph.Storage.Tests.Contract;

// Lookups, search, listing order and the errors bad arguments get.
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task Search_ranks_exact_then_prefix_then_substring_and_counts_the_same_set()
    {
        var store = Store;
        await store.UpsertActorsAsync(
            [State("korea"), State("korea-north", "Korean north"), State("south-korea"), Actor(NodeKind.Organization, "herald", "The Korea Herald"), State("france")],
            Ct);

        var matches = await store.SearchActorsAsync(new ActorSearch("KOREA"), Ct);

        // Ties within a kind of match go by display name: "Herald" before "South Korea".
        Assert.Equal(["state:korea", "state:korea-north", "organization:herald", "state:south-korea"], matches.Select(m => m.Actor.Id.Value));
        Assert.Equal([MatchKind.Exact, MatchKind.Prefix, MatchKind.Substring, MatchKind.Substring], matches.Select(m => m.Match));
        Assert.Equal("The Korea Herald", matches[2].MatchedName);
        Assert.Equal(4, await store.CountActorsAsync(new ActorSearch("korea"), Ct));
        Assert.Equal(["state:korea-north", "organization:herald"], (await store.SearchActorsAsync(new ActorSearch("korea", Limit: 2, After: matches[0].Key), Ct)).Select(m => m.Actor.Id.Value));
        var organizations = new HashSet<NodeKind> { NodeKind.Organization };
        Assert.Equal(1, await store.CountActorsAsync(new ActorSearch("korea", organizations), Ct));
    }

    [Fact]
    public async Task Search_pages_resume_after_the_last_key_while_actors_are_written_between_pages()
    {
        var store = Store;
        Actor Named(string slug, string name) => State(slug) with { Name = name };
        await store.UpsertActorsAsync([Named("b-land", "B Land"), Named("d-land", "D Land"), Named("f-land", "F Land"), Named("h-land", "H Land")], Ct);

        var first = await store.SearchActorsAsync(new ActorSearch("land", Limit: 2), Ct);
        Assert.Equal(["state:b-land", "state:d-land"], first.Select(m => m.Actor.Id.Value));

        // Before the key: a new first name, one in between, and a same-name tie with a lower id; after it: a same-name tie
        // with a higher id and two names further on. An offset would now repeat D Land; the key resumes right after it.
        await store.UpsertActorsAsync(
            [Named("a-land", "A Land"), Named("c-land", "C Land"), Named("d-lan", "D Land"), Named("d-land-2", "D Land"), Named("e-land", "E Land"), Named("g-land", "G Land")],
            Ct);
        var second = await store.SearchActorsAsync(new ActorSearch("land", Limit: 3, After: first[^1].Key), Ct);
        Assert.Equal(["state:d-land-2", "state:e-land", "state:f-land"], second.Select(m => m.Actor.Id.Value));
        var third = await store.SearchActorsAsync(new ActorSearch("land", Limit: 3, After: second[^1].Key), Ct);
        Assert.Equal(["state:g-land", "state:h-land"], third.Select(m => m.Actor.Id.Value));
        Assert.Empty(await store.SearchActorsAsync(new ActorSearch("land", Limit: 3, After: third[^1].Key), Ct));

        // The count is the whole list's, whatever the key.
        Assert.Equal(10, await store.CountActorsAsync(new ActorSearch("land", After: third[^1].Key), Ct));
    }

    [Fact]
    public async Task Seed_search_results_are_ordered_and_counted_consistently()
    {
        var store = await SeededAsync();
        foreach (var text in new[] { "korea", "russia", "un", "Kim", "news agency", "" })
        {
            var all = await store.SearchActorsAsync(new ActorSearch(text, Limit: ActorSearch.MaxLimit), Ct);
            Assert.Equal(all.Count, await store.CountActorsAsync(new ActorSearch(text), Ct));
            for (var i = 1; i < all.Count; i++)
            {
                var (a, b) = (all[i - 1], all[i]);
                Assert.True(a.Match < b.Match || (a.Match == b.Match && string.CompareOrdinal(a.Actor.Name, b.Actor.Name) <= 0), $"'{text}': {a.Actor.Id} before {b.Actor.Id}");
            }
        }

        Assert.Equal(SeedKnowledge.Actors.Count, await store.CountActorsAsync(new ActorSearch(""), Ct));
    }

    [Fact]
    public async Task An_actors_relationships_are_listed_by_type_then_date_then_other_actor()
    {
        var store = await SeededAsync();
        var edges = await store.GetRelationshipsAsync(A("state:russia"), RelationshipFilter.All, Ct);

        Assert.Equal(SeedKnowledge.Relationships.Count(r => r.From == A("state:russia") || r.To == A("state:russia")), edges.Count);
        for (var i = 1; i < edges.Count; i++)
        {
            var (a, b) = (edges[i - 1], edges[i]);
            Assert.True(a.Type <= b.Type, $"{a.Id} before {b.Id}");
            if (a.Type == b.Type && a.Date is { } da && b.Date is { } db)
            {
                Assert.True(da <= db, $"{a.Id} before {b.Id}");
            }

            if (a.Type == b.Type && a.Date is null)
            {
                Assert.Null(b.Date); // undated last
            }
        }

        var batch = await store.GetRelationshipsForAsync([A("state:russia"), A("state:ukraine"), A("state:nowhere")], RelationshipFilter.All, Ct);
        Assert.Equal(edges, batch[A("state:russia")]);
        Assert.False(batch.ContainsKey(A("state:nowhere")));
    }

    [Fact]
    public async Task Filters_select_by_type_direction_window_confidence_and_document()
    {
        var store = await SeededAsync();
        var northKorea = A("state:north-korea");
        var deployedOut = await store.GetRelationshipsAsync(northKorea, new RelationshipFilter { Types = new HashSet<RelationshipType> { RelationshipType.Deployed }, Direction = Direction.Outgoing }, Ct);
        Assert.Equal(7, deployedOut.Count);
        Assert.All(deployedOut, e => Assert.Equal(northKorea, e.From));

        var incoming = await store.GetRelationshipsAsync(northKorea, new RelationshipFilter { Direction = Direction.Incoming }, Ct);
        Assert.All(incoming, e => Assert.True(e.To == northKorea || e.Rule.Symmetric));

        var hedgedOnly = await store.GetRelationshipsAsync(northKorea, new RelationshipFilter { MinConfidence = 0.9 }, Ct);
        Assert.DoesNotContain(hedgedOnly, e => e.Id == "DEPLOYED:state:north-korea->state:russia#troops"); // only hedged evidence, 0.7

        var fromTheTimes = await store.GetRelationshipsAsync(northKorea, new RelationshipFilter { Document = D("doc:kim-bolsters-russia-workforce") }, Ct);
        Assert.All(fromTheTimes, e => Assert.True(e.CitesDocument(D("doc:kim-bolsters-russia-workforce"))));
        Assert.NotEmpty(fromTheTimes);

        var in2017 = await store.GetRelationshipsAsync(northKorea, new RelationshipFilter { From = PartialDate.OfYear(2017), To = PartialDate.OfYear(2017) }, Ct);
        Assert.Equal(["DEPLOYED:state:north-korea->state:russia#workers-before-2019", "TARGETS:resolution:unsc-resolution-2397->state:north-korea"], in2017.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lookups_of_unknown_things_answer_null_or_not_found()
    {
        var store = await SeededAsync();
        Assert.Null(await store.GetActorAsync(A("state:atlantis"), Ct));
        Assert.Null(await store.GetDocumentAsync(D("doc:nothing"), Ct));
        Assert.Null(await store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Vetoed, A("state:russia"), A("resolution:unsc-resolution-2397")), Ct));
        Assert.Empty(await store.GetActorsAsync([A("state:atlantis")], Ct));
        Assert.Equal(2, (await store.GetActorsAsync([A("state:russia"), A("state:ukraine"), A("state:atlantis")], Ct)).Count);
        Assert.Equal(["doc:kim-bolsters-russia-workforce", "doc:nis-north-korean-workers-russia"], (await store.GetDocumentsAsync(Ct)).Select(d => d.Id.Value));
    }

    [Fact]
    public async Task Unknown_actors_in_traversals_are_not_found_with_close_suggestions()
    {
        var store = await SeededAsync();
        var error = await Assert.ThrowsAsync<NotFoundException>(() => store.GetNeighbourhoodAsync(new NeighbourhoodRequest(A("state:north-kora")), Ct));
        Assert.Equal("actor", error.Entity);
        Assert.Equal("North Korea (state:north-korea)", error.Suggestions[0]);
        Assert.Contains("state:north-kora", error.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<NotFoundException>(() => store.FindPathsAsync(new PathRequest(A("state:russia"), A("state:atlantis")), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.GetTimelineAsync(A("state:atlantis"), null, null, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.GetRelationshipsAsync(A("state:atlantis"), RelationshipFilter.All, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.GetCommonNeighboursAsync(A("state:russia"), A("state:atlantis"), RelationshipFilter.All, Ct));
    }

    [Theory]
    [InlineData(0, "depth")]
    [InlineData(5, "depth")]
    [InlineData(9, "depth")]
    [InlineData(-1, "depth")]
    public async Task Neighbourhood_depth_out_of_range_is_refused(int depth, string argument)
    {
        var store = await SeededAsync();
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => store.GetNeighbourhoodAsync(new NeighbourhoodRequest(A("state:russia"), depth), Ct));
        Assert.Equal(argument, error.Argument);
        Assert.Contains("between 1 and", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_the_argument_named()
    {
        var store = await SeededAsync();
        var russia = A("state:russia");
        async Task Refused(string argument, Func<Task> call) => Assert.Equal(argument, (await Assert.ThrowsAsync<InvalidArgumentException>(call)).Argument);

        await Refused("maxDepth", () => store.FindPathsAsync(new PathRequest(russia, A("state:ukraine"), MaxDepth: 0), Ct));
        await Refused("maxDepth", () => store.FindPathsAsync(new PathRequest(russia, A("state:ukraine"), MaxDepth: 9), Ct));
        await Refused("limit", () => store.FindPathsAsync(new PathRequest(russia, A("state:ukraine"), Limit: -1), Ct));
        await Refused("to", () => store.FindPathsAsync(new PathRequest(russia, russia), Ct));
        await Refused("limit", () => store.GetNeighbourhoodAsync(new NeighbourhoodRequest(russia, NodeLimit: 0), Ct));
        await Refused("first", () => store.SearchActorsAsync(new ActorSearch("russia", Limit: -5), Ct));
        await Refused("after", () => store.SearchActorsAsync(new ActorSearch("russia", After: new ActorSearchKey((MatchKind)7, "Russia", russia)), Ct));
        await Refused("minConfidence", () => store.GetRelationshipsAsync(russia, new RelationshipFilter { MinConfidence = 1.5 }, Ct));
        await Refused("to", () => store.GetTimelineAsync(russia, PartialDate.OfYear(2024), PartialDate.OfYear(2020), Ct));
        await Refused("limit", () => store.SearchEvidenceAsync("workers", 0, Ct));
        await Refused("text", () => store.SearchEvidenceAsync("  ", 10, Ct));
    }

    [Fact]
    public async Task Stats_count_kinds_types_and_degrees()
    {
        var store = await SeededAsync();
        var stats = await store.GetStatsAsync(Ct);

        Assert.Equal(SeedKnowledge.Actors.Count, stats.ActorsByKind.Values.Sum());
        Assert.Equal(5, stats.ActorsByKind["State"]);
        Assert.Equal(SeedKnowledge.Relationships.Count, stats.RelationshipsByType.Values.Sum());
        Assert.Equal(SeedKnowledge.Relationships.Count(r => r.Type == RelationshipType.Deployed), stats.RelationshipsByType["DEPLOYED"]);
        var degrees = SeedKnowledge.Actors.Select(a => SeedKnowledge.Relationships.Count(r => r.From == a.Id || r.To == a.Id)).ToList();
        Assert.Equal(degrees.Max(), stats.Degree.Max);
        Assert.Equal(degrees.Min(), stats.Degree.Min);
        Assert.Equal(degrees.Average(), stats.Degree.Mean, 6);
        Assert.Equal(A("state:north-korea"), stats.Degree.Top[0].Actor);
        Assert.Equal(degrees.Max(), stats.Degree.Top[0].Degree);
    }

    [Fact]
    public async Task An_empty_store_answers_empty()
    {
        var store = Store;
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal(0, stats.Actors + stats.Relationships + stats.Evidence + stats.Documents);
        Assert.Empty(await store.GetConflictsAsync(Ct));
        var snapshot = await store.ExportAsync(Ct);
        Assert.Empty(snapshot.Actors);
        Assert.Empty(snapshot.Relationships);
    }
}
