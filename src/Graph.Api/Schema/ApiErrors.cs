using Graph.Core.Errors;
using Graph.GraphQL.Error;

namespace Graph.Api.Schema;

/// <summary>
/// Turns the graph's errors into GraphQL errors a client can act on: <c>extensions.code</c> says the kind of problem
/// (BAD_USER_INPUT, NOT_FOUND, RULE_VIOLATION, UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE) and further entries say where.
/// </summary>
public static class ApiErrors
{
    /// <summary>Error code of bad arguments and inputs.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>Error code of unknown actors, documents and relationships.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Error code of writes that break a rule of the ontology or the evidence model.</summary>
    public const string RuleViolation = "RULE_VIOLATION";

    /// <summary>Error code of a mutation sent without a valid API key.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>Error code of a mutation sent to a read-only server.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>Error code of a part of the store that cannot answer for now (a full-text index not yet filled); try again later.</summary>
    public const string Unavailable = "UNAVAILABLE";

    /// <summary>The GraphQL error for a graph error, with its code and details in extensions.</summary>
    public static GraphQLError From(GraphException exception)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = exception.Code };
        switch (exception)
        {
            case InvalidArgumentException invalid:
                extensions["argument"] = invalid.Argument;
                break;
            case NotFoundException notFound:
                extensions["entity"] = notFound.Entity;
                extensions["id"] = notFound.Id;
                extensions["suggestions"] = notFound.Suggestions.ToList();
                break;
            case RuleViolationException rule:
                extensions["rule"] = rule.Rule;
                break;
            case UnavailableException unavailable:
                extensions["part"] = unavailable.Part;
                break;
            case InputValidationException input:
                extensions["fields"] = input.Problems
                    .Select(p => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = p.Field, ["message"] = p.Message })
                    .ToList();
                break;
        }

        return new GraphQLError(exception.Message, extensions: extensions);
    }

    /// <summary>A GraphQL error with a code and no further details.</summary>
    public static GraphQLError Coded(string code, string message) =>
        new(message, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });
}

/// <summary>One problem with one field of a mutation's input, named by its path (e.g. <c>input.evidence[0].quote</c>).</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>A mutation input with one or more bad fields; nothing was written. The message lists every problem.</summary>
public sealed class InputValidationException(IReadOnlyList<FieldProblem> problems)
    : GraphException(ApiErrors.BadUserInput, Format(problems))
{
    /// <summary>Every problem found, in input order.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;

    private static string Format(IReadOnlyList<FieldProblem> problems) =>
        problems.Count == 1
            ? $"Invalid input: {problems[0].Field}: {problems[0].Message}"
            : $"Invalid input ({problems.Count} problems): " + string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}"));
}
