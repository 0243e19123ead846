using System.Text.Json.Nodes;
using Graph.Api.Tests.Browser;
using Graph.Api.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Explorer;

/// <summary>
/// The explorer's review queue over proposals read from an ingested document, on a server of its own (the test
/// decides proposals): edit, accept and reject through the page, each checked again through the API, and the quote
/// of a proposal marked in the document reader.
/// </summary>
public sealed class ExplorerReviewTests(ApiServer server, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<ApiServer>, IClassFixture<ChromiumFixture>
{
    private const float Timeout = ExplorerPage.UiTimeoutMs;

    // An invented article: nothing here comes from the seed documents.
    private const string Article = "Finnish President Alexander Stubb met with Estonian Prime Minister Kristen Michal in Helsinki. "
        + "Russia reportedly supplied drones to Belarus last month, Estonian officials said.";

    private async Task<List<JsonNode>> ProposalsAsync(string status)
    {
        var response = (await server.PostAsync(
            "query($status: ProposalStatus) { proposals(status: $status, first: 100) { nodes { proposalId status type stance quote start end from { name } to { name } } } }",
            new { status })).AssertOk();
        return [.. response.Data!["proposals"]!["nodes"]!.AsArray().Select(n => n!)];
    }

    [Fact]
    public async Task A_proposal_is_edited_accepted_or_rejected_in_the_queue_and_its_quote_is_marked_in_the_document()
    {
        (await server.PostAsync(
            "mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { outcome proposalCount } }",
            new { input = new { text = Article, title = "Explorer review panel test", published = "2025-03-05" } },
            ApiServer.Key)).AssertOk();
        var pending = await ProposalsAsync("PENDING");
        Assert.True(pending.Count >= 3, $"expected at least three proposals, got {pending.Count}");
        var leads = pending.Single(p => (string?)p["type"] == "LEADS" && (string?)p["from"]!["name"] == "Alexander Stubb");
        Assert.Equal("ASSERTS", (string?)leads["stance"]);
        var others = pending.Where(p => p != leads).Select(p => (string)p["proposalId"]!).ToList();

        var explorer = await ExplorerPage.OpenAsync(chromium, server);
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        ILocator Item(string id) => page.Locator($"#panel ul.proposals > li[data-proposal='{id}']");
        await Assertions.Expect(Item((string)leads["proposalId"]!)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.GetByLabel("API key").FillAsync(ApiServer.Key);

        // Edit: "Stubb LEADS Finland" becomes a hedged VISITED (an Official may visit a State).
        var item = Item((string)leads["proposalId"]!);
        await item.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var form = item.GetByRole(AriaRole.Form);
        await form.GetByLabel("Relationship type").SelectOptionAsync("VISITED");
        await form.GetByLabel("Stance").SelectOptionAsync("HEDGED");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-review-edit")}");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the edit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panel [role=status]").First)
            .ToContainTextAsync("Edited Alexander Stubb LEADS Finland: now Alexander Stubb VISITED Finland, hedged.", new() { Timeout = Timeout });

        // Another reading is another proposal: the edit replaces the old id with the new reading's.
        var afterEdit = await ProposalsAsync("PENDING");
        Assert.DoesNotContain(afterEdit, p => (string?)p["proposalId"] == (string?)leads["proposalId"]);
        var edited = afterEdit.Single(p => (string?)p["from"]!["name"] == "Alexander Stubb" && (string?)p["type"] == "VISITED");
        Assert.Equal("HEDGED", (string?)edited["stance"]);
        Assert.Equal((string?)leads["quote"], (string?)edited["quote"]);
        item = Item((string)edited["proposalId"]!);
        await Assertions.Expect(item).ToContainTextAsync("VISITED", new() { Timeout = Timeout });
        await Assertions.Expect(item.Locator(".stance")).ToHaveTextAsync("hedged");

        // Accept one and reject another: each leaves the queue and has its new state in the API.
        await Item(others[0]).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panel [role=status]").First).ToContainTextAsync("Accepted", new() { Timeout = Timeout });
        await Assertions.Expect(Item(others[0])).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Item(others[1]).GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panel [role=status]").First).ToContainTextAsync("Rejected", new() { Timeout = Timeout });
        await Assertions.Expect(Item(others[1])).ToHaveCountAsync(0, new() { Timeout = Timeout });
        Assert.Contains(await ProposalsAsync("ACCEPTED"), p => (string?)p["proposalId"] == others[0]);
        Assert.Contains(await ProposalsAsync("REJECTED"), p => (string?)p["proposalId"] == others[1]);

        // The edited proposal's quote, marked in its document.
        await item.GetByRole(AriaRole.Button, new() { Name = "Explorer review panel test" }).ClickAsync();
        var reader = page.GetByRole(AriaRole.Dialog);
        var marked = reader.Locator("mark.proposed");
        await Assertions.Expect(marked.First).ToBeVisibleAsync(new() { Timeout = Timeout });
        Assert.Equal((string)edited["quote"]!, string.Concat(await marked.AllTextContentsAsync()));
        Assert.True(await marked.First.EvaluateAsync<bool>("m => { const r = m.getBoundingClientRect(); const d = m.closest('[role=dialog]').getBoundingClientRect(); return r.top >= d.top && r.bottom <= d.bottom; }"),
            "the marked quote is scrolled into view");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-review-quote-in-document")}");
    }
}
