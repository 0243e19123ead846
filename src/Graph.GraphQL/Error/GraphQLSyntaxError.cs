using Graph.GraphQL.Analysis;
using Graph.GraphQL.Language;

namespace Graph.GraphQL.Error;

/// <summary>
/// A document that is not valid GraphQL text; the message starts "Syntax Error: " and the error carries
/// the one position where reading stopped, and a code: <see cref="ErrorCodes.ParseFailed"/>, or
/// <see cref="LimitCodes.MaxTokensExceeded"/> when the parser stopped at its token limit.
/// </summary>
public sealed class GraphQLSyntaxError : GraphQLError
{
    private static readonly IReadOnlyDictionary<string, object?> s_parseFailed = ErrorCodes.Code(ErrorCodes.ParseFailed);

    public GraphQLSyntaxError(Source source, int position, string description)
        : this(source, position, description, ErrorCodes.ParseFailed)
    {
    }

    /// <summary>A syntax error with the given <c>extensions.code</c>.</summary>
    public GraphQLSyntaxError(Source source, int position, string description, string code)
        : base("Syntax Error: " + description, source: source, positions: new[] { position }, extensions: code == ErrorCodes.ParseFailed ? s_parseFailed : ErrorCodes.Code(code))
    {
        Description = description;
        Code = code;
    }

    /// <summary>The message without the "Syntax Error: " prefix.</summary>
    public string Description { get; }

    /// <summary>What kind of syntax error: <see cref="ErrorCodes.ParseFailed"/> or <see cref="LimitCodes.MaxTokensExceeded"/>.</summary>
    public string Code { get; }
}
