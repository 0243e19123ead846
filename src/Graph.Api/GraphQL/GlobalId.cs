using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Graph.Core.Errors;
using Graph.Core.Model;

namespace Graph.Api.GraphQL;

/// <summary>
/// Opaque global ids for the <c>Node</c> interface: base64 of <c>Type:key</c> (e.g. <c>State:state:russia</c>), so a
/// client can refetch any object with <c>node(id:)</c> without knowing how keys are formed.
/// </summary>
public readonly record struct GlobalId(string TypeName, string Key)
{
    /// <summary>The type name used for relationships.</summary>
    public const string RelationshipType = "Relationship";

    /// <summary>The type name used for documents.</summary>
    public const string DocumentType = "Document";

    /// <summary>The encoded id.</summary>
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(TypeName + ":" + Key));

    /// <summary>The global id of an actor: its GraphQL type name (the kind) and its actor id.</summary>
    public static string ForActor(Actor actor) => new GlobalId(actor.Kind.ToString(), actor.Id.Value).Encode();

    /// <summary>The global id of an actor known only by id (the kind is the id's prefix).</summary>
    public static string ForActor(ActorId id) => new GlobalId(id.Kind.ToString(), id.Value).Encode();

    /// <summary>The global id of a relationship.</summary>
    public static string ForRelationship(Relationship relationship) => new GlobalId(RelationshipType, relationship.Id).Encode();

    /// <summary>The global id of a document.</summary>
    public static string ForDocument(DocumentId id) => new GlobalId(DocumentType, id.Value).Encode();

    /// <summary>Decodes an id, or throws an error that says what a global id looks like.</summary>
    public static GlobalId Decode(string id, string argument = "id") =>
        TryDecode(id, out var decoded)
            ? decoded
            : throw new InvalidArgumentException(argument, $"Malformed id '{Shorten(id)}' for {argument}. Expected an opaque global id as returned in an object's 'id' field (base64 of 'Type:key', e.g. '{new GlobalId("State", "state:russia").Encode()}').");

    /// <summary>Decodes an id; false when it is not base64 of <c>Type:key</c>.</summary>
    public static bool TryDecode([NotNullWhen(true)] string? id, out GlobalId decoded)
    {
        decoded = default;
        if (string.IsNullOrEmpty(id) || id.Length > 4096 || !Base64.IsValid(id))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(id));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var typeName = text[..colon];
        foreach (var c in typeName)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        decoded = new GlobalId(typeName, text[(colon + 1)..]);
        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
