using Graph.Core.Model;

namespace Graph.Core.Tests;

public sealed class DocumentTests
{
    private static readonly Document s_document = new(DocumentId.Parse("doc:a"), "A", null, null, null, "First text.");

    [Fact]
    public void The_content_hash_is_the_sha256_of_the_utf8_text()
    {
        Assert.Equal(64, s_document.ContentHash.Length);
        Assert.Equal(Document.Hash("First text."), s_document.ContentHash);
        Assert.NotEqual(Document.Hash("First text"), s_document.ContentHash);
    }

    [Fact]
    public void A_copy_with_another_text_gets_the_hash_of_its_own_text()
    {
        // Before, `with` copied the original's hash beside the new text, so two different texts looked like one.
        var copy = s_document with { Text = "Second text." };
        Assert.Equal(Document.Hash("Second text."), copy.ContentHash);
        Assert.NotEqual(s_document, copy);
        Assert.Equal(s_document, s_document with { Title = "A" });
        Assert.Equal(s_document.ContentHash, (s_document with { Title = "B" }).ContentHash);
    }
}
