using System.Text;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Error;

/// <summary>
/// An error in a GraphQL request or its execution, shaped like the spec's response "errors" entry:
/// message, locations (line/column), path (field names and list indexes) and extensions.
/// </summary>
public class GraphQLError : Exception
{
    private static readonly IReadOnlyList<SourceLocation> s_noLocations = Array.Empty<SourceLocation>();

    public GraphQLError(
        string message,
        IReadOnlyList<Node>? nodes = null,
        Source? source = null,
        IReadOnlyList<int>? positions = null,
        IReadOnlyList<object>? path = null,
        Exception? originalError = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message, originalError)
    {
        Nodes = nodes is { Count: > 0 } ? nodes : null;
        Path = path;
        Extensions = extensions ?? (originalError as GraphQLError)?.Extensions;

        // Positions and source come either from the arguments or from the nodes' locations.
        if (source is null && Nodes is not null)
        {
            foreach (var node in Nodes)
            {
                if (node.Location is { } loc)
                {
                    source = loc.Source;
                    break;
                }
            }
        }

        DocumentSource = source;
        if (positions is null && Nodes is not null)
        {
            var list = new List<int>(Nodes.Count);
            foreach (var node in Nodes)
            {
                if (node.Location is { } loc)
                {
                    list.Add(loc.Start);
                }
            }

            positions = list;
        }

        Positions = positions is { Count: > 0 } ? positions : null;

        if (Positions is not null && source is not null)
        {
            var locations = new SourceLocation[Positions.Count];
            for (var i = 0; i < locations.Length; i++)
            {
                locations[i] = source.GetLocation(Positions[i]);
            }

            Locations = locations;
        }
        else if (Nodes is not null)
        {
            var locations = new List<SourceLocation>();
            foreach (var node in Nodes)
            {
                if (node.Location is { } loc)
                {
                    locations.Add(loc.StartLocation);
                }
            }

            Locations = locations.Count > 0 ? locations : null;
        }
    }

    /// <summary>The AST nodes the error refers to, if any.</summary>
    public IReadOnlyList<Node>? Nodes { get; }

    /// <summary>The document the <see cref="Positions"/> are offsets into (named so as not to hide <see cref="Exception.Source"/>).</summary>
    public Source? DocumentSource { get; }

    /// <summary>Character offsets into <see cref="DocumentSource"/>.</summary>
    public IReadOnlyList<int>? Positions { get; }

    /// <summary>1-based line/column of each position; null when the error has no location.</summary>
    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>Response path of the field the error happened in: field names (string) and list indexes (int).</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extra entries for the response's "extensions" key; null when there are none.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The exception that caused this error, if it wraps one (for example a resolver's exception).</summary>
    public Exception? OriginalError => InnerException;

    /// <summary>Locations as a list that is never null (empty when there are none).</summary>
    public IReadOnlyList<SourceLocation> LocationsOrEmpty => Locations ?? s_noLocations;

    /// <summary>
    /// Wraps any exception as a GraphQLError located at the given nodes and path (graphql-js "locatedError").
    /// A GraphQLError that already has a path is returned unchanged.
    /// </summary>
    public static GraphQLError Located(Exception error, IReadOnlyList<Node>? nodes, IReadOnlyList<object>? path)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is GraphQLError { Path: not null } graphQLError)
        {
            return graphQLError;
        }

        if (error is GraphQLError inner)
        {
            return new GraphQLError(
                inner.Message,
                inner.Nodes ?? nodes,
                inner.DocumentSource,
                inner.Positions,
                path,
                inner.OriginalError ?? inner,
                inner.Extensions);
        }

        return new GraphQLError(error.Message, nodes, path: path, originalError: error);
    }

    /// <summary>The message followed by each location, the way graphql-js's toString reads.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Message);
        if (Locations is not null)
        {
            foreach (var location in Locations)
            {
                builder.Append("\n    at ").Append(DocumentSource?.Name ?? "GraphQL request").Append(':').Append(location.Line).Append(':').Append(location.Column);
            }
        }

        return builder.ToString();
    }
}
