namespace Graph.Core.Errors;

/// <summary>
/// Base of the errors the graph reports for bad input. Each carries a stable <see cref="Code"/> so the API can map it
/// to a GraphQL error code and a message that says what was wrong and what is allowed.
/// </summary>
public abstract class GraphException(string code, string message) : Exception(message)
{
    /// <summary>A stable machine-readable code, e.g. <c>BAD_USER_INPUT</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>An argument was out of range or malformed.</summary>
public sealed class InvalidArgumentException(string argument, string message) : GraphException("BAD_USER_INPUT", message)
{
    /// <summary>The argument that was wrong.</summary>
    public string Argument { get; } = argument;
}

/// <summary>An actor, document or relationship does not exist.</summary>
public sealed class NotFoundException(string entity, string id, IReadOnlyList<string>? suggestions = null)
    : GraphException("NOT_FOUND", Format(entity, id, suggestions))
{
    /// <summary>What kind of thing was looked for (actor, document, relationship).</summary>
    public string Entity { get; } = entity;

    /// <summary>The id or name that was not found.</summary>
    public string Id { get; } = id;

    /// <summary>Close matches, best first.</summary>
    public IReadOnlyList<string> Suggestions { get; } = suggestions ?? [];

    private static string Format(string entity, string id, IReadOnlyList<string>? suggestions) =>
        suggestions is { Count: > 0 }
            ? $"Unknown {entity} '{id}'. Did you mean: {string.Join(", ", suggestions)}?"
            : $"Unknown {entity} '{id}'.";
}

/// <summary>An assertion breaks a rule of the ontology or the evidence model; <see cref="Rule"/> names it.</summary>
public sealed class RuleViolationException(string rule, string message) : GraphException("RULE_VIOLATION", message)
{
    /// <summary>The name of the rule broken, e.g. <c>direction</c> or <c>evidence-required</c>.</summary>
    public string Rule { get; } = rule;
}

/// <summary>
/// A part of the store cannot answer for now (a full-text index still being filled); the request may succeed later, and
/// the message says what is missing and what still works.
/// </summary>
public sealed class UnavailableException(string part, string message) : GraphException("UNAVAILABLE", message)
{
    /// <summary>The part that cannot answer, e.g. <c>textIndex</c>.</summary>
    public string Part { get; } = part;
}
