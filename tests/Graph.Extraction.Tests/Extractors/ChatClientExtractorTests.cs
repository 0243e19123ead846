using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Extractors;
using Graph.Extraction.Extractors.Model;
using Microsoft.Extensions.AI;

namespace Graph.Extraction.Tests.Extractors;

/// <summary>
/// The model extractor's checks, with a fake chat client that returns crafted answers: no model runs here.
/// </summary>
public sealed class ChatClientExtractorTests
{
    private const string Text =
        "Seoul, Oct. 18 (Yonhap) -- North Korea has sent about 10,000 troops to Russia, according to the National Intelligence Service.\n\n" +
        "Kim Jong Un met Vladimir Putin in Pyongyang in June.\n\n" +
        "The UN Security Council adopted Resolution 2397 in 2017.\n";

    private const string Troops = "North Korea has sent about 10,000 troops to Russia, according to the National Intelligence Service.";
    private const string Meeting = "Kim Jong Un met Vladimir Putin in Pyongyang in June.";

    private const string Actors = """
        "actors": [
          { "name": "North Korea", "kind": "State", "aliases": ["DPRK", "Pyongyang"] },
          { "name": "Russia", "kind": "State" },
          { "name": "National Intelligence Service", "kind": "Agency", "aliases": ["NIS"] },
          { "name": "Kim Jong Un", "kind": "Official" },
          { "name": "Vladimir Putin", "kind": "Official" },
          { "name": "UN Security Council", "kind": "Organization" },
          { "name": "Resolution 2397", "kind": "Resolution" }
        ]
        """;

    private static readonly DocumentId s_document = DocumentId.Parse("doc:model-test");

    [Fact]
    public void A_good_answer_becomes_proposals_with_exact_offsets_and_the_models_name()
    {
        var answer = $$"""
            { {{Actors}},
              "relationships": [
                { "type": "DEPLOYED", "from": "North Korea", "to": "Russia", "quote": "{{Troops}}",
                  "attributedTo": "NIS", "stance": "hedged", "confidence": 0.8,
                  "figures": { "personnel": "troops", "countMin": 10000, "count": "10,000" } },
                { "type": "metWith", "from": "Kim Jong Un", "to": "Vladimir Putin", "quote": "{{Meeting}}", "confidence": 1.7 }
              ] }
            """;
        var client = new FakeChatClient(answer);
        var extractor = new ChatClientExtractor(client, []);

        var result = extractor.Extract(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken);

        Assert.Empty(result.Dropped);
        Assert.Equal(2, result.Proposals.Count);
        var deployed = result.Proposals[0];
        Assert.Equal(RelationshipType.Deployed, deployed.Type);
        Assert.Equal(Text.IndexOf(Troops, StringComparison.Ordinal), deployed.Start);
        Assert.Equal(deployed.Start + Troops.Length, deployed.End);
        Assert.Equal(Troops, Text[deployed.Start..deployed.End]);
        Assert.Equal(ActorId.Parse("state:north-korea"), deployed.From.Id);
        Assert.Equal(ActorId.Parse("state:russia"), deployed.To.Id);
        Assert.Equal(ActorId.Parse("agency:national-intelligence-service"), deployed.AttributedTo?.Id);
        Assert.Equal(Stance.Hedged, deployed.Stance);
        Assert.Equal(0.8, deployed.Confidence);
        Assert.Equal("troops", deployed.Attributes?.Personnel);
        Assert.Equal(10000, deployed.Attributes?.Count);
        Assert.Equal(10000, deployed.Attributes?.CountMin);
        Assert.Equal("model", deployed.Rule);
        Assert.Equal("model/test-model", deployed.Extractor);
        Assert.Equal(s_document, deployed.Document);
        deployed.ToEvidence().Validate(new Document(s_document, "Test", null, null, null, Text));

        var met = result.Proposals[1];
        Assert.Equal(RelationshipType.MetWith, met.Type);
        Assert.Equal(Text.IndexOf(Meeting, StringComparison.Ordinal), met.Start);
        Assert.Equal(1.0, met.Confidence);
        Assert.Equal(Stance.Asserts, met.Stance);
        Assert.Null(met.AttributedTo);

        // Every actor a proposal names, once; listed actors no proposal names are left out.
        Assert.Equal(
            ["state:north-korea", "state:russia", "agency:national-intelligence-service", "official:kim-jong-un", "official:vladimir-putin"],
            result.Actors.Select(a => a.Id.Value));
        Assert.All(result.Actors, a => Assert.False(a.Known));
        Assert.Equal(["DPRK", "Pyongyang"], result.Actors[0].Aliases);

        Assert.Equal("model", extractor.Name);
        Assert.Equal("1.0+test-model", extractor.Version);
        Assert.Equal(1, client.Calls);
    }

    [Fact]
    public void A_paraphrased_quote_is_dropped_and_counted()
    {
        var answer = Answer(
            Relationship("DEPLOYED", "North Korea", "Russia", "North Korea sent around 10,000 troops to Russia, the NIS said."),
            Relationship("MET_WITH", "Kim Jong Un", "Vladimir Putin", Meeting),
            // One character changed (the final stop) is enough to fail.
            Relationship("MET_WITH", "Kim Jong Un", "Vladimir Putin", "Kim Jong Un met Vladimir Putin in Pyongyang in June!"));

        var result = Extract(answer);

        Assert.Equal(2, result.Dropped["quote-not-verbatim"]);
        var only = Assert.Single(result.Proposals);
        Assert.Equal(RelationshipType.MetWith, only.Type);
        Assert.Equal(Meeting, only.Quote);
    }

    [Fact]
    public void A_type_the_ontology_lacks_is_dropped_and_counted()
    {
        var answer = Answer(
            Relationship("THREATENED", "North Korea", "Russia", Troops),
            Relationship("DEPLOYED", "North Korea", "Russia", Troops));

        var result = Extract(answer);

        Assert.Equal(1, result.Dropped["unknown-type"]);
        Assert.Equal(RelationshipType.Deployed, Assert.Single(result.Proposals).Type);
    }

    [Fact]
    public void A_direction_the_ontology_forbids_is_dropped_and_counted()
    {
        var answer = Answer(
            // ADOPTED goes from an Organization; a State may not adopt a resolution, however verbatim the quote.
            Relationship("ADOPTED", "North Korea", "Resolution 2397", "The UN Security Council adopted Resolution 2397 in 2017."),
            // DEPLOYED goes from a State: reversed ends (Resolution to State) are refused too.
            Relationship("DEPLOYED", "Resolution 2397", "Russia", Troops),
            Relationship("ADOPTED", "UN Security Council", "Resolution 2397", "The UN Security Council adopted Resolution 2397 in 2017."));

        var result = Extract(answer);

        Assert.Equal(2, result.Dropped["direction"]);
        var adopted = Assert.Single(result.Proposals);
        Assert.Equal(ActorId.Parse("organization:un-security-council"), adopted.From.Id);
        Assert.Equal(ActorId.Parse("resolution:resolution-2397"), adopted.To.Id);
    }

    [Theory]
    [InlineData("fenced", "```json\n{0}\n```")]
    [InlineData("fenced with prose", "Here is what I found:\n\n```json\n{0}\n```\nLet me know if you need more.")]
    [InlineData("prose around bare JSON", "Sure! The extraction is {0} -- hope this helps.")]
    [InlineData("trailing commas and snake_case keys", "{0}")]
    public void JSON_inside_fences_or_prose_is_read(string form, string wrapper)
    {
        var json = form.StartsWith("trailing", StringComparison.Ordinal)
            ? $$"""{ {{Actors}}, "relationships": [ { "type": "deployed", "from": "north korea", "to": "RUSSIA", "quote": "{{Troops}}", "attributed_to": "NIS", }, ], }"""
            : Answer(Relationship("DEPLOYED", "North Korea", "Russia", Troops));

        var result = Extract(wrapper.Replace("{0}", json, StringComparison.Ordinal));

        Assert.Empty(result.Dropped);
        var deployed = Assert.Single(result.Proposals);
        Assert.Equal(RelationshipType.Deployed, deployed.Type);
        Assert.Equal(ActorId.Parse("state:north-korea"), deployed.From.Id);
        Assert.Equal(Text.IndexOf(Troops, StringComparison.Ordinal), deployed.Start);
        if (form.StartsWith("trailing", StringComparison.Ordinal))
        {
            Assert.Equal(ActorId.Parse("agency:national-intelligence-service"), deployed.AttributedTo?.Id);
        }
    }

    [Theory]
    [InlineData("{ \"actors\": [ { \"name\": \"North Korea\", \"kind\": \"State\" ], \"relationships\": [")]
    [InlineData("I could not find any relationships in this document.")]
    [InlineData("")]
    [InlineData("[ { \"type\": \"DEPLOYED\" } ]")]
    public void A_malformed_answer_gives_an_empty_result_counted_as_malformed(string answer)
    {
        var result = Extract(answer);

        Assert.Empty(result.Proposals);
        Assert.Empty(result.Actors);
        Assert.Equal(new Dictionary<string, int> { ["malformed"] = 1 }, result.Dropped);
    }

    [Fact]
    public void Malformed_entries_unknown_kinds_and_unknown_actors_are_dropped_and_counted_each()
    {
        var answer = $$"""
            { "actors": [
                { "name": "North Korea", "kind": "State" },
                { "name": "Russia", "kind": "Country" },
                { "name": "Kim Jong Un", "kind": "Official" },
                { "name": "Vladimir Putin", "kind": "Official" } ],
              "relationships": [
                { "type": "DEPLOYED", "from": "North Korea", "to": "Russia", "quote": "{{Troops}}" },
                { "type": "DEPLOYED", "from": "North Korea", "to": "Mongolia", "quote": "{{Troops}}" },
                { "type": "DEPLOYED", "from": "North Korea", "quote": "{{Troops}}" },
                "North Korea deployed troops",
                { "type": "MET_WITH", "from": "Kim Jong Un", "to": "Vladimir Putin", "quote": "{{Meeting}}", "stance": "probably" },
                { "type": "MET_WITH", "from": "Kim Jong Un", "to": "Vladimir Putin", "quote": "{{Meeting}}", "confidence": -3, "stance": "Denies" },
                { "type": "MET_WITH", "from": "Vladimir Putin", "to": "Kim Jong Un", "quote": "{{Meeting}}" }
              ] }
            """;

        var result = Extract(answer);

        Assert.Equal(1, result.Dropped["unknown-kind"]);
        Assert.Equal(1, result.Dropped["unknown-actor"]);
        Assert.Equal(2, result.Dropped["malformed"]);
        Assert.Equal(1, result.Dropped["unknown-stance"]);
        // MET_WITH is symmetric: the reversed reading of the same quote is the same proposal.
        Assert.Equal(1, result.Dropped["duplicate"]);
        Assert.Equal(6, result.Dropped.Values.Sum());
        var denied = Assert.Single(result.Proposals);
        Assert.Equal(RelationshipType.MetWith, denied.Type);
        Assert.Equal(0, denied.Confidence);
        Assert.Equal(Stance.Denies, denied.Stance);
    }

    [Fact]
    public void A_known_actor_keeps_its_graph_id_by_name_or_alias()
    {
        IReadOnlyCollection<Actor> known =
        [
            new(ActorId.Parse("state:dprk"), NodeKind.State, "Democratic People's Republic of Korea", ["North Korea", "DPRK"], new Dictionary<string, string>()),
            new(ActorId.Parse("official:putin"), NodeKind.Official, "Vladimir Putin", ["Putin"], new Dictionary<string, string>()),
        ];
        var answer = Answer(
            Relationship("DEPLOYED", "North Korea", "Russia", Troops),
            Relationship("MET_WITH", "Kim Jong Un", "Vladimir Putin", Meeting));

        var result = new ChatClientExtractor(new FakeChatClient(answer), known).Extract(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken);

        Assert.Empty(result.Dropped);
        var deployed = result.Proposals[0];
        Assert.Equal(ActorId.Parse("state:dprk"), deployed.From.Id);
        Assert.True(deployed.From.Known);
        Assert.Equal("Democratic People's Republic of Korea", deployed.From.Name);
        Assert.Equal(ActorId.Parse("state:russia"), deployed.To.Id);
        Assert.False(deployed.To.Known);
        var met = result.Proposals[1];
        Assert.Equal(ActorId.Parse("official:putin"), met.To.Id);
        Assert.True(met.To.Known);
        Assert.False(met.From.Known);
        Assert.Equal(4, result.Actors.Count);
    }

    [Fact]
    public void A_new_name_whose_id_the_graph_already_holds_is_that_known_actor()
    {
        IReadOnlyCollection<Actor> known =
            [new(ActorId.Parse("state:russia"), NodeKind.State, "Russian Federation", [], new Dictionary<string, string>())];

        var result = new ChatClientExtractor(new FakeChatClient(Answer(Relationship("DEPLOYED", "North Korea", "Russia", Troops))), known)
            .Extract(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken);

        var russia = Assert.Single(result.Proposals).To;
        Assert.True(russia.Known);
        Assert.Equal("Russian Federation", russia.Name);
        Assert.Equal(2, result.Actors.Count);
    }

    [Fact]
    public void A_known_actor_the_answer_does_not_list_is_still_linked()
    {
        IReadOnlyCollection<Actor> known =
            [new(ActorId.Parse("state:russia"), NodeKind.State, "Russian Federation", ["Russia", "Moscow"], new Dictionary<string, string>())];
        var answer = $$"""{ "actors": [ { "name": "North Korea", "kind": "State" } ], "relationships": [ { "type": "DEPLOYED", "from": "North Korea", "to": "Russia", "quote": "{{Troops}}" } ] }""";

        var result = new ChatClientExtractor(new FakeChatClient(answer), known).Extract(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken);

        var deployed = Assert.Single(result.Proposals);
        Assert.Equal(ActorId.Parse("state:russia"), deployed.To.Id);
        Assert.True(deployed.To.Known);
    }

    [Fact]
    public void Chunks_split_on_paragraphs_cover_the_text_and_a_quote_in_a_later_chunk_gets_whole_text_offsets()
    {
        var paragraphs = Enumerable.Range(1, 12)
            .Select(i => $"Paragraph {i}: officials in Seoul discussed the matter at length during the briefing on day {i}.")
            .ToList();
        // The same sentence in the second and the tenth paragraph: the chunk that reads the tenth gets the tenth's offsets.
        const string Repeated = "North Korea has sent about 10,000 troops to Russia.";
        paragraphs[1] += " " + Repeated;
        paragraphs[9] += " " + Repeated;
        var text = string.Join("\n\n", paragraphs) + "\n";
        var late = paragraphs[10];
        var client = new FakeChatClient(user =>
        {
            var chunk = ChunkOf(user);
            List<string> found = [];
            if (chunk.Contains("Paragraph 10:", StringComparison.Ordinal))
            {
                found.Add(Relationship("DEPLOYED", "North Korea", "Russia", Repeated));
            }

            if (chunk.Contains("Paragraph 11:", StringComparison.Ordinal))
            {
                found.Add(Relationship("MET_WITH", "North Korea", "Russia", late));
            }

            return Answer([.. found]);
        });
        var options = new ModelExtractorOptions { MaxChunkChars = 250, Model = "chunk-model" };

        var result = new ChatClientExtractor(client, [], options).Extract(new ExtractionInput(s_document, text, null), TestContext.Current.CancellationToken);

        Assert.True(client.Calls > 3, $"expected several chunks, got {client.Calls}");
        var chunks = client.UserMessages.Select(ChunkOf).ToList();
        Assert.Equal(text, string.Concat(chunks));
        Assert.All(chunks, c => Assert.True(c.Length <= 250, $"chunk of {c.Length} characters"));
        Assert.All(chunks, c => Assert.True(c.StartsWith("Paragraph ", StringComparison.Ordinal), $"chunk starts mid-paragraph: {c[..20]}"));
        Assert.Equal(2, result.Proposals.Count);
        var deployed = result.Proposals.Single(p => p.Type == RelationshipType.Deployed);
        var tenth = text.IndexOf(paragraphs[9], StringComparison.Ordinal) + paragraphs[9].Length - Repeated.Length;
        Assert.Equal(tenth, deployed.Start);
        Assert.NotEqual(text.IndexOf(Repeated, StringComparison.Ordinal), deployed.Start);
        Assert.Equal(Repeated, text[deployed.Start..deployed.End]);
        var met = result.Proposals.Single(p => p.Type == RelationshipType.MetWith);
        Assert.Equal(text.IndexOf(late, StringComparison.Ordinal), met.Start);
        Assert.Equal("model/chunk-model", met.Extractor);
        Assert.All(client.Options, o => Assert.Equal("chunk-model", o?.ModelId));
    }

    [Fact]
    public void A_paragraph_longer_than_a_chunk_is_cut_at_sentence_ends_and_an_empty_document_asks_nothing()
    {
        var text = string.Concat(Enumerable.Range(1, 20).Select(i => $"Sentence number {i} says little. "));
        var client = new FakeChatClient("""{ "actors": [], "relationships": [] }""");

        var result = new ChatClientExtractor(client, [], new ModelExtractorOptions { MaxChunkChars = 100 })
            .Extract(new ExtractionInput(s_document, text, null), TestContext.Current.CancellationToken);

        var chunks = client.UserMessages.Select(ChunkOf).ToList();
        Assert.Equal(text, string.Concat(chunks));
        Assert.All(chunks, c => Assert.True(c.Length <= 100, $"chunk of {c.Length} characters"));
        Assert.All(chunks, c => Assert.EndsWith("little. ", c, StringComparison.Ordinal));
        Assert.Empty(result.Dropped);

        var empty = new FakeChatClient("{}");
        var nothing = new ChatClientExtractor(empty, []).Extract(new ExtractionInput(s_document, "", null), TestContext.Current.CancellationToken);
        Assert.Equal(0, empty.Calls);
        Assert.Empty(nothing.Proposals);
        Assert.Empty(nothing.Dropped);
    }

    [Fact]
    public void A_quote_occurring_twice_in_one_chunk_takes_the_first_occurrence()
    {
        const string Sentence = "Russia denied it.";
        var text = $"North Korea sent troops. {Sentence} Later, {Sentence}";

        var result = new ChatClientExtractor(new FakeChatClient(Answer(Relationship("DEPLOYED", "North Korea", "Russia", Sentence))), [])
            .Extract(new ExtractionInput(s_document, text, null), TestContext.Current.CancellationToken);

        Assert.Equal(text.IndexOf(Sentence, StringComparison.Ordinal), Assert.Single(result.Proposals).Start);
    }

    [Fact]
    public void The_prompt_names_every_relationship_type_kind_and_rule_and_carries_the_text()
    {
        var client = new FakeChatClient("""{ "actors": [], "relationships": [] }""");

        new ChatClientExtractor(client, []).Extract(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken);

        var system = Assert.Single(client.SystemMessages);
        Assert.All(GraphOntology.Rules, rule =>
        {
            Assert.Contains(rule.Name, system, StringComparison.Ordinal);
            Assert.Contains(rule.Meaning, system, StringComparison.Ordinal);
        });
        Assert.All(GraphOntology.Kinds, kind => Assert.Contains(kind.ToString(), system, StringComparison.Ordinal));
        Assert.Contains("DEPLOYED: sent personnel (workers, troops) to. From State to State or Location or Conflict.", system, StringComparison.Ordinal);
        Assert.Contains("ALLIED_WITH: alliance. From State to State (symmetric", system, StringComparison.Ordinal);
        Assert.Contains("attributedTo", system, StringComparison.Ordinal);
        Assert.Contains("hedged", system, StringComparison.Ordinal);
        Assert.Contains("denies", system, StringComparison.Ordinal);
        Assert.Equal(Text, ChunkOf(Assert.Single(client.UserMessages)));
        Assert.Equal(ChatResponseFormat.Json, client.Options.Single()?.ResponseFormat);
    }

    [Fact]
    public void Without_a_model_id_the_version_is_plain_and_proposals_say_unknown()
    {
        var client = new FakeChatClient(Answer(Relationship("DEPLOYED", "North Korea", "Russia", Troops))) { ModelId = null };
        var extractor = new ChatClientExtractor(client, []);

        var result = extractor.Extract(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken);

        Assert.Equal("1.0", extractor.Version);
        Assert.Equal("model/unknown", Assert.Single(result.Proposals).Extractor);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_fails_with_a_timeout()
    {
        var client = new FakeChatClient(_ => "{}") { Delay = TimeSpan.FromSeconds(30) };
        var extractor = new ChatClientExtractor(client, [], new ModelExtractorOptions { Timeout = TimeSpan.FromMilliseconds(100) });

        await Assert.ThrowsAsync<TimeoutException>(() => extractor.ExtractAsync(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken));
    }

    private static ExtractionResult Extract(string answer) =>
        new ChatClientExtractor(new FakeChatClient(answer), []).Extract(new ExtractionInput(s_document, Text, null), TestContext.Current.CancellationToken);

    private static string Answer(params string[] relationships) =>
        $$"""{ {{Actors}}, "relationships": [ {{string.Join(", ", relationships)}} ] }""";

    private static string Relationship(string type, string from, string to, string quote) =>
        $$"""{ "type": "{{type}}", "from": "{{from}}", "to": "{{to}}", "quote": "{{quote}}", "stance": "asserts", "confidence": 0.9 }""";

    /// <summary>The document text inside a user message (between the markers the prompt puts around it).</summary>
    private static string ChunkOf(string user)
    {
        var start = user.IndexOf("<<<\n", StringComparison.Ordinal) + 4;
        var end = user.LastIndexOf("\n>>>", StringComparison.Ordinal);
        return user[start..end];
    }

    /// <summary>A chat client that answers from a script and records what it was asked.</summary>
    private sealed class FakeChatClient(Func<string, string> answer) : IChatClient
    {
        public FakeChatClient(string answer)
            : this(_ => answer)
        {
        }

        public string? ModelId { get; init; } = "test-model";

        public TimeSpan Delay { get; init; }

        public int Calls { get; private set; }

        public List<string> SystemMessages { get; } = [];

        public List<string> UserMessages { get; } = [];

        public List<ChatOptions?> Options { get; } = [];

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            Options.Add(options);
            var list = messages.ToList();
            SystemMessages.AddRange(list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
            var user = list.Single(m => m.Role == ChatRole.User).Text;
            UserMessages.Add(user);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(user)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The extractor asks for whole answers.");

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) && ModelId is not null ? new ChatClientMetadata("fake", null, ModelId) : null;

        public void Dispose()
        {
        }
    }
}
