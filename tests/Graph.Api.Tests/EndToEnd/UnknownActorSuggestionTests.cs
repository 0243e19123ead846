using Graph.Api.Composition;
using Graph.Api.Tests.Cli;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Ingest.Ingestion;

namespace Graph.Api.Tests.EndToEnd;

/// <summary>
/// One resolver of actor names (Graph.Core's ActorNames): the API, the command line and ingestion answer the same
/// unknown actor with the same suggestions.
/// </summary>
public sealed class UnknownActorSuggestionTests(ApiServer server) : IClassFixture<ApiServer>, IAsyncLifetime
{
    private const string Unknown = "state:rusia";

    private readonly string _dir = Directory.CreateTempSubdirectory("graph-suggest-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_API_the_command_line_and_ingestion_suggest_the_same_actors_for_an_unknown_one()
    {
        // The API: a NOT_FOUND error with the suggestions in its extensions.
        var response = await server.PostAsync($$"""{ actor(id: "{{Unknown}}") { name } }""");
        Assert.Equal("NOT_FOUND", response.Code);
        var fromApi = response.Errors[0]!["extensions"]!["suggestions"]!.AsArray().Select(s => (string)s!).ToList();
        Assert.Equal("Russia (state:russia)", fromApi[0]);

        // The command line, on its own database seeded with the same knowledge.
        var db = Path.Combine(_dir, "graph.db");
        Assert.Equal(0, (await GraphProcess.RunAsync(_dir, db, null, "seed")).ExitCode);
        var cli = await GraphProcess.RunAsync(_dir, db, null, "neighbourhood", Unknown);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains($"Unknown actor '{Unknown}'. Did you mean: {string.Join(", ", fromApi)}?", cli.Error, StringComparison.Ordinal);

        // Ingestion: pointing a proposal under review at the unknown actor.
        var ingested = (await server.PostAsync(
            "mutation($text: String!) { ingestDocument(input: {text: $text, title: \"Suggestions\"}) { proposals { proposalId status } } }",
            new { text = "North Korea deployed 13,221 workers to Russia last year, the NIS said." },
            ApiServer.Key)).AssertOk();
        var proposal = ingested.Data!["ingestDocument"]!["proposals"]!.AsArray().First(p => (string?)p!["status"] == "PENDING")!;
        var review = new ReviewService(server.Store, IngestionComposition.IngestionStoreOf(server.Store));
        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            review.EditAsync((string)proposal["proposalId"]!, new ProposalEdit(From: ActorChoice.Of(ActorId.Parse(Unknown))), Ct));
        Assert.Equal(fromApi, error.Suggestions);
    }
}
