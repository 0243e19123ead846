using Graph.GraphQL.Analysis;

namespace Graph.GraphQL.Error;

/// <summary>
/// The <c>extensions.code</c> values the engine itself sets, one per kind of failure, so that clients and hosts test a
/// code rather than a message. Limit codes are in <see cref="LimitCodes"/>.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Code of a document that is not GraphQL text (a syntax error).</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>Code of a document that breaks a validation rule of the specification.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>Code of a request with no document, or an operation name that does not choose one operation.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>Code of an operation of a type the request does not allow (e.g. a mutation sent where only queries may run).</summary>
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";

    /// <summary>Code of variable values that do not fit the operation's variable definitions.</summary>
    public const string BadVariables = "BAD_USER_INPUT";

    /// <summary>A resolver failed with an unexpected exception.</summary>
    public static IReadOnlyDictionary<string, object?> InternalServerError { get; } = Code("INTERNAL_SERVER_ERROR");

    /// <summary>The request was cancelled by the caller.</summary>
    public static IReadOnlyDictionary<string, object?> Cancelled { get; } = Code("CANCELLED");

    /// <summary>The request ran longer than its timeout.</summary>
    public static IReadOnlyDictionary<string, object?> Timeout { get; } = Code("TIMEOUT");

    /// <summary>The operation name does not choose one operation of the document.</summary>
    public static IReadOnlyDictionary<string, object?> OperationNotFound { get; } = Code(BadRequest);

    /// <summary>A dictionary holding just <c>code</c>.</summary>
    public static IReadOnlyDictionary<string, object?> Code(string code) => new Dictionary<string, object?> { ["code"] = code };

    /// <summary>The error of a request stopped by its deadline.</summary>
    public static GraphQLError TimeoutError(TimeSpan? timeout) => new(
        timeout is { } t ? $"The request exceeded its timeout of {t.TotalMilliseconds:0} ms and was stopped." : "The request exceeded its time limit and was stopped.",
        extensions: Timeout);

    /// <summary>The error of a request whose caller went away.</summary>
    public static GraphQLError CancelledError() => new("The request was cancelled.", extensions: Cancelled);

    /// <summary>The code in an error's extensions, or null.</summary>
    public static string? Of(GraphQLError error) => error.Extensions?.GetValueOrDefault("code") as string;
}
