using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language;

namespace Graph.GraphQL.Pipeline;

/// <summary>Parses the query text when the cache had no document, with the token limit.</summary>
public sealed class ParseStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "parse";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        if (context.Document is not null)
        {
            return ValueTask.CompletedTask;
        }

        var maxTokens = context.Options.Limits.MaxTokens;
        try
        {
            var document = Parser.Parse(context.Request.Query, new ParserOptions { MaxTokens = maxTokens });
            context.Document = new CachedDocument(document);
        }
        catch (GraphQLSyntaxError error) when (error.Code == LimitCodes.MaxTokensExceeded)
        {
            context.Fail([new GraphQLError(
                $"The document has more than {maxTokens} tokens, the maximum allowed.",
                source: error.DocumentSource,
                positions: error.Positions,
                extensions: new Dictionary<string, object?> { ["code"] = LimitCodes.MaxTokensExceeded, ["limit"] = maxTokens })]);
        }
        catch (GraphQLSyntaxError error)
        {
            context.Fail([error]);
        }

        return ValueTask.CompletedTask;
    }
}
