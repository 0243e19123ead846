using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Core.Ontology;

namespace Graph.Api.Schema;

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

    /// <summary>The type name used for evidence.</summary>
    public const string EvidenceType = "Evidence";

    /// <summary>The type name used for quantity conflicts.</summary>
    public const string QuantityConflictType = "QuantityConflict";

    /// <summary>The type name used for one claim of a quantity conflict.</summary>
    public const string QuantityClaimType = "QuantityClaim";

    /// <summary>Most actor ids kept encoded; past it the memo starts over (ids are cheap to encode again).</summary>
    private const int MaxMemoizedActors = 100_000;

    // Every drawn node and edge end asks for an actor's id, many times per response and across requests: encode once.
    private static readonly ConcurrentDictionary<string, (NodeKind Kind, string Encoded)> s_actors = new(StringComparer.Ordinal);

    /// <summary>The encoded id.</summary>
    public string Encode() => Encode(TypeName, Key);

    /// <summary>The global id of an actor: its GraphQL type name (the kind) and its actor id.</summary>
    public static string ForActor(Actor actor) => ForActor(actor.Kind, actor.Id.Value);

    /// <summary>The global id of an actor known only by id (the kind is the id's prefix).</summary>
    public static string ForActor(ActorId id) => ForActor(id.Kind, id.Value);

    /// <summary>The global id of a relationship.</summary>
    public static string ForRelationship(Relationship relationship) => new GlobalId(RelationshipType, relationship.Id).Encode();

    /// <summary>The global id of a document.</summary>
    public static string ForDocument(DocumentId id) => new GlobalId(DocumentType, id.Value).Encode();

    /// <summary>
    /// The global id of one piece of evidence: where its quote sits (start, end, document) and the edge it supports. The
    /// document id is length-prefixed so that no character of either id can be mistaken for a separator.
    /// </summary>
    public static string ForEvidence(Evidence evidence, Relationship edge) =>
        new GlobalId(EvidenceType, EvidenceKey(evidence, edge)).Encode();

    /// <summary>The global id of a quantity conflict: the quantity (<c>count</c>, <c>amount</c>) and the edge it is on.</summary>
    public static string ForQuantityConflict(QuantityConflict conflict) =>
        new GlobalId(QuantityConflictType, $"{conflict.Quantity}/{conflict.Relationship.Id}").Encode();

    /// <summary>The global id of one claim of a conflict: the quantity, then the key of the evidence that states it.</summary>
    public static string ForQuantityClaim(string quantity, Evidence evidence, Relationship edge) =>
        new GlobalId(QuantityClaimType, $"{quantity}/{EvidenceKey(evidence, edge)}").Encode();

    private static string EvidenceKey(Evidence evidence, Relationship edge) =>
        $"{evidence.Start}/{evidence.End}/{evidence.DocumentId.Value.Length}/{evidence.DocumentId.Value}{edge.Id}";

    /// <summary>The parts of an evidence key made by <see cref="ForEvidence"/>, or false when it is not one.</summary>
    public static bool TryParseEvidenceKey(string key, out int start, out int end, out string documentId, out string relationshipId)
    {
        (start, end, documentId, relationshipId) = (0, 0, "", "");
        var parts = key.Split('/', 4);
        if (parts.Length != 4 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out start)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out end)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            || length <= 0 || length >= parts[3].Length)
        {
            return false;
        }

        documentId = parts[3][..length];
        relationshipId = parts[3][length..];
        return true;
    }

    /// <summary>Decodes an id, or throws an error that says what a global id looks like.</summary>
    public static GlobalId Decode(string id, string argument = "id") =>
        TryDecode(id, out var decoded)
            ? decoded
            : throw new InvalidArgumentException(argument, $"Malformed id '{Shorten(id)}' for {argument}. Expected an opaque global id as returned in an object's 'id' field (base64 of 'Type:key', e.g. '{new GlobalId("State", "state:russia").Encode()}'), or an actor's readable id such as 'state:russia'.");

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

    private static string ForActor(NodeKind kind, string key)
    {
        if (s_actors.TryGetValue(key, out var known) && known.Kind == kind)
        {
            return known.Encoded;
        }

        var encoded = Encode(kind.ToString(), key);
        if (s_actors.Count >= MaxMemoizedActors)
        {
            s_actors.Clear();
        }

        s_actors[key] = (kind, encoded);
        return encoded;
    }

    /// <summary>Base64 of the UTF-8 of <c>type:key</c>, with the result string as the only allocation.</summary>
    private static string Encode(string typeName, string key)
    {
        var length = Encoding.UTF8.GetByteCount(typeName) + 1 + Encoding.UTF8.GetByteCount(key);
        byte[]? rented = null;
        var bytes = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(typeName, bytes);
        bytes[written++] = (byte)':';
        written += Encoding.UTF8.GetBytes(key, bytes[written..]);
        var encoded = Convert.ToBase64String(bytes[..written]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return encoded;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
