using System.Diagnostics.CodeAnalysis;
using Graph.Core.Errors;
using Graph.Core.Ontology;

namespace Graph.Core.Model;

/// <summary>A stable actor id: <c>kind:slug</c>, e.g. <c>state:north-korea</c>. A strong type so ids never mix with names.</summary>
public readonly record struct ActorId : IComparable<ActorId>
{
    private ActorId(string value) => Value = value;

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>The kind named by the id's prefix.</summary>
    public NodeKind Kind =>
        GraphOntology.TryParseIdPrefix(Value.AsSpan(0, Math.Max(0, Value.IndexOf(':', StringComparison.Ordinal))), out var kind)
            ? kind
            : GraphOntology.ParseKind(Value[..Value.IndexOf(':', StringComparison.Ordinal)]);

    /// <summary>Parses an id, or throws an error that says the expected form.</summary>
    public static ActorId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new InvalidArgumentException("id", $"Malformed actor id '{value}'. Expected 'kind:slug' where kind is one of {string.Join(", ", GraphOntology.Kinds.Select(GraphOntology.IdPrefix))} and slug is lower-case letters, digits and hyphens (e.g. 'state:north-korea').");

    /// <summary>Parses an id; false when malformed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out ActorId id)
    {
        id = default;
        if (value is null)
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !GraphOntology.TryParseIdPrefix(value.AsSpan(0, colon), out _) || !Slug.IsValid(value.AsSpan(colon + 1)))
        {
            return false;
        }

        id = new ActorId(value);
        return true;
    }

    /// <summary>Makes the id for a kind and a display name: <c>For(State, "North Korea")</c> is <c>state:north-korea</c>.</summary>
    public static ActorId For(NodeKind kind, string name) => new($"{GraphOntology.IdPrefix(kind)}:{Slug.From(name)}");

    /// <inheritdoc />
    public int CompareTo(ActorId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}

/// <summary>A document id: <c>doc:slug</c>.</summary>
public readonly record struct DocumentId : IComparable<DocumentId>
{
    private DocumentId(string value) => Value = value;

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Parses an id, or throws an error that says the expected form.</summary>
    public static DocumentId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new InvalidArgumentException("documentId", $"Malformed document id '{value}'. Expected 'doc:slug' with a slug of lower-case letters, digits and hyphens (e.g. 'doc:nis-workers-2025').");

    /// <summary>Parses an id; false when malformed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out DocumentId id)
    {
        id = default;
        if (value is null || !value.StartsWith("doc:", StringComparison.Ordinal) || !Slug.IsValid(value.AsSpan(4)))
        {
            return false;
        }

        id = new DocumentId(value);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(DocumentId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}

/// <summary>
/// The identity of an assertion: type, the two actors and an optional qualifier that separates two different
/// assertions of one type between one pair (workers vs troops). Symmetric types order their ends, so
/// A ALLIED_WITH B and B ALLIED_WITH A are one edge.
/// </summary>
public readonly record struct RelationshipKey(RelationshipType Type, ActorId From, ActorId To, string Qualifier = "")
{
    /// <summary>The key with symmetric ends in canonical order.</summary>
    public RelationshipKey Canonical() =>
        GraphOntology.RuleFor(Type).Symmetric && From.CompareTo(To) > 0 ? this with { From = To, To = From } : this;

    /// <summary>A stable text id, e.g. <c>DEPLOYED:state:north-korea-&gt;state:russia#workers</c>.</summary>
    public string ToId()
    {
        var key = Canonical();
        var id = $"{GraphOntology.RuleFor(key.Type).Name}:{key.From.Value}->{key.To.Value}";
        return key.Qualifier.Length == 0 ? id : id + "#" + key.Qualifier;
    }

    /// <summary>Parses what <see cref="ToId"/> wrote, or throws an error that shows the form.</summary>
    public static RelationshipKey ParseId(string id)
    {
        static Exception Bad(string id) => new InvalidArgumentException("relationshipId", $"Malformed relationship id '{id}'. Expected 'TYPE:fromId->toId' with an optional '#qualifier' (e.g. 'DEPLOYED:state:north-korea->state:russia#workers').");

        var colon = id.IndexOf(':', StringComparison.Ordinal);
        var arrow = id.IndexOf("->", StringComparison.Ordinal);
        if (colon <= 0 || arrow < colon || !GraphOntology.TryParseType(id[..colon], out var type))
        {
            throw Bad(id);
        }

        var hash = id.IndexOf('#', arrow);
        var to = hash < 0 ? id[(arrow + 2)..] : id[(arrow + 2)..hash];
        var qualifier = hash < 0 ? "" : id[(hash + 1)..];
        if (!ActorId.TryParse(id[(colon + 1)..arrow], out var fromId) || !ActorId.TryParse(to, out var toId) || (qualifier.Length > 0 && !Slug.IsValid(qualifier)))
        {
            throw Bad(id);
        }

        return new RelationshipKey(type, fromId, toId, qualifier).Canonical();
    }

    /// <inheritdoc />
    public override string ToString() => ToId();
}
