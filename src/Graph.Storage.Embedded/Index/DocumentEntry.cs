using Graph.Core.Model;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// What the index keeps of a document: everything but its text, which stays in the file and is read through
/// <see cref="DocumentTexts"/> (texts were a third of the live heap at a million edges).
/// </summary>
internal sealed record DocumentEntry(DocumentId Id, string Title, ActorId? Publisher, string? Url, PartialDate? Published)
{
    public static DocumentEntry Of(Document document) =>
        new(document.Id, document.Title, document.Publisher, document.Url, document.Published);

    public Document WithText(string text) => new(Id, Title, Publisher, Url, Published, text);
}
