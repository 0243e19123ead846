using System.Security.Cryptography;
using System.Text;

namespace Graph.Core.Model;

/// <summary>A source document: the verbatim text every quote is read from. Not an actor.</summary>
/// <param name="Id">Stable id, <c>doc:slug</c>.</param>
/// <param name="Title">Headline.</param>
/// <param name="Publisher">The organization that published it, when known.</param>
/// <param name="Url">Where it was published.</param>
/// <param name="Published">When, at the precision known.</param>
/// <param name="Text">The full text, verbatim; evidence offsets index into it.</param>
public sealed record Document(DocumentId Id, string Title, ActorId? Publisher, string? Url, PartialDate? Published, string Text)
{
    /// <summary>The full text, verbatim; a copy made with another text (<c>with { Text = ... }</c>) gets its own hash.</summary>
    public string Text
    {
        get;
        init
        {
            field = value;
            ContentHash = Hash(value);
        }
    } = Text;

    /// <summary>SHA-256 of the UTF-8 text, lower-case hex: tells two copies of one text apart from two texts.</summary>
    public string ContentHash { get; private set; } = Hash(Text);

    /// <summary>The SHA-256 hex digest of a text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
