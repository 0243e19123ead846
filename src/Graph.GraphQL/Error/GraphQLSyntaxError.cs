using Graph.GraphQL.Language;

namespace Graph.GraphQL.Error;

/// <summary>
/// A document that is not valid GraphQL text; the message starts "Syntax Error: " and the error carries
/// the one position where reading stopped.
/// </summary>
public sealed class GraphQLSyntaxError : GraphQLError
{
    public GraphQLSyntaxError(Source source, int position, string description)
        : base("Syntax Error: " + description, source: source, positions: new[] { position })
    {
        Description = description;
    }

    /// <summary>The message without the "Syntax Error: " prefix.</summary>
    public string Description { get; }
}
