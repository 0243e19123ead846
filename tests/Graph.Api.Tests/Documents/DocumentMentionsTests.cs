using Graph.Api.Tests.EndToEnd;
using Graph.Core.Model;

namespace Graph.Api.Tests.Documents;

/// <summary>
/// <c>Document.mentions</c>: the places a document's text names the graph's actors, found on the server over the seed
/// graph (names and aliases, folded for case and accents, longest first, never overlapping).
/// </summary>
public sealed class DocumentMentionsTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string Query = """
        query($id: ID!) { document(id: $id) { text mentions { start end text actor { actorId name } } } }
        """;

    private const string TestDocumentPrefix = "doc:mentions-";

    private sealed record Found(int Start, int End, string Text, string ActorId);

    private async Task<(string Text, List<Found> Mentions)> MentionsAsync(string documentId)
    {
        var response = (await server.PostAsync(Query, new { id = documentId })).AssertOk();
        var document = response.Data!["document"]!;
        var mentions = document["mentions"]!.AsArray()
            .Select(m => new Found((int)m!["start"]!, (int)m["end"]!, (string)m["text"]!, (string)m["actor"]!["actorId"]!))
            .ToList();
        return ((string)document["text"]!, mentions);
    }

    private async Task<string> SeedDocumentNamingAsync(string name)
    {
        var documents = (await server.PostAsync("{ documents { nodes { documentId text } } }")).AssertOk().Data!["documents"]!["nodes"]!.AsArray();
        return documents.Select(d => (string)d!["documentId"]!).First(id => documents.Any(d => (string)d!["documentId"]! == id && ((string)d["text"]!).Contains(name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_seed_document_names_North_Korea_at_offsets_whose_substring_is_the_mention_text()
    {
        var id = await SeedDocumentNamingAsync("North Korea");
        var (text, mentions) = await MentionsAsync(id);

        var expected = new List<int>();
        for (var at = text.IndexOf("North Korea", StringComparison.Ordinal); at >= 0; at = text.IndexOf("North Korea", at + 1, StringComparison.Ordinal))
        {
            var end = at + "North Korea".Length;
            if (end == text.Length || !char.IsLetterOrDigit(text[end]))
            {
                expected.Add(at); // a whole word: "North Korean" is another word
            }
        }

        // Every "North Korea" is a mention of North Korea, unless a longer name starting there took it ("North Korean Ministry...").
        var northKorea = mentions.Where(m => m.ActorId == "state:north-korea" && m.Text == "North Korea").Select(m => m.Start).ToList();
        Assert.NotEmpty(northKorea);
        Assert.All(northKorea, start => Assert.Contains(start, expected));
        Assert.All(expected.Except(northKorea), start => Assert.Contains(mentions, m => m.Start == start && m.End > start + "North Korea".Length));
        Assert.All(mentions, m => Assert.Equal(text[m.Start..m.End], m.Text));
    }

    [Fact]
    public async Task Mentions_are_in_text_order_and_never_overlap()
    {
        var documents = (await server.PostAsync("{ documents { nodes { documentId } } }")).AssertOk().Data!["documents"]!["nodes"]!.AsArray();
        Assert.NotEmpty(documents);
        // The seed documents only: other tests in this class add short documents of their own to the shared server.
        foreach (var document in documents.Where(d => !((string)d!["documentId"]!).StartsWith(TestDocumentPrefix, StringComparison.Ordinal)))
        {
            var (text, mentions) = await MentionsAsync((string)document!["documentId"]!);
            Assert.True(mentions.Count >= 10, $"{document["documentId"]}: only {mentions.Count} mentions");
            for (var i = 1; i < mentions.Count; i++)
            {
                Assert.True(mentions[i].Start >= mentions[i - 1].End, $"{mentions[i - 1]} overlaps {mentions[i]}");
            }

            Assert.All(mentions, m => Assert.Equal(text[m.Start..m.End], m.Text));
        }
    }

    [Fact]
    public async Task Names_in_another_case_or_with_accents_are_found_and_the_longest_name_wins()
    {
        const string Text = "Seoul said the democratic people's republic of korea sent workers. WÍ SUNG-LAC met officials of the north korean ministry of national defense; they told us nothing.";
        await server.Store.UpsertDocumentsAsync([new Document(DocumentId.Parse("doc:mentions-folding"), "Folding test", null, null, null, Text)], TestContext.Current.CancellationToken);

        var (_, mentions) = await MentionsAsync("doc:mentions-folding");

        Assert.Contains(new Found(0, 5, "Seoul", "state:south-korea"), mentions);
        Assert.Contains(mentions, m => m.Text == "democratic people's republic of korea" && m.ActorId == "state:north-korea");
        Assert.Contains(mentions, m => m.Text == "WÍ SUNG-LAC" && m.ActorId == "official:wi-sung-lac");
        Assert.Contains(mentions, m => m.Text == "north korean ministry of national defense" && m.ActorId == "agency:north-korean-ministry-of-national-defense");
        Assert.DoesNotContain(mentions, m => m.ActorId == "state:north-korea" && m.Text.StartsWith("north korean", StringComparison.Ordinal));
        Assert.DoesNotContain(mentions, m => m.Text == "us"); // "U.S." is an acronym: only its capitals name the United States
    }

    [Fact]
    public async Task Mentions_weigh_in_the_cost_analysis()
    {
        // 200 documents, each with the assumed 200 mentions of an actor: far over the server's cost limit.
        var response = await server.PostAsync("{ documents(first: 1000) { nodes { mentions { actor { name } } } } }");
        Assert.Equal("MAX_COST_EXCEEDED", response.Code);
    }
}
