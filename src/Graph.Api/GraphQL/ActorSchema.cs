using Graph.Core.Errors;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>
/// The actor schema, built code-first with the project's GraphQL engine: Node and Actor interfaces, one object type per
/// node kind with typed relationship fields derived from the ontology's rules, traversal queries shaped for drawing,
/// Relay connections and the analysts' mutations. Every type, field, argument and enum value carries a description.
/// </summary>
public static class ActorSchema
{
    private static readonly Lazy<GraphQLSchema> s_schema = new(() => new ActorSchemaBuilder().Build());

    /// <summary>The schema (built once; it holds no per-request state).</summary>
    public static GraphQLSchema Instance => s_schema.Value;
}

/// <summary>Builds the types of the actor schema; split over several files by area (actors, edges, traversals, ...).</summary>
internal sealed partial class ActorSchemaBuilder
{
    private readonly ScalarType _partialDate = ScalarAndEnumTypes.CreatePartialDate();
    private readonly EnumType _actorKind = ScalarAndEnumTypes.CreateActorKind();
    private readonly EnumType _relationshipType = ScalarAndEnumTypes.CreateRelationshipType();
    private readonly EnumType _direction = ScalarAndEnumTypes.CreateDirection();
    private readonly EnumType _pathMode = ScalarAndEnumTypes.CreatePathMode();
    private readonly EnumType _stance = ScalarAndEnumTypes.CreateStance();
    private readonly EnumType _quantity = ScalarAndEnumTypes.CreateQuantity();
    private readonly EnumType _matchKind = ScalarAndEnumTypes.CreateMatchKind();

    /// <summary>Builds and validates the schema.</summary>
    public GraphQLSchema Build()
    {
        CreateNodeTypes();
        CreateEdgeTypes();
        CreateTraversalTypes();
        CreateReportTypes();
        CreateIngestionTypes();
        var query = CreateQueryType();
        var mutation = CreateMutationType();
        return new GraphQLSchema(
            query,
            mutation,
            types: [.. _kindTypes.Values],
            description: "The relationship explorer: actors (states, agencies, officials, treaties, resolutions, ...) and the relationships between them, each backed by verbatim quotes from source documents.");
    }

    /// <summary>A resolver that turns the graph's errors into coded GraphQL errors.</summary>
    private static FieldResolver Run(Func<IResolveFieldContext, Task<object?>> body) => async context =>
    {
        try
        {
            return await body(context).ConfigureAwait(false);
        }
        catch (GraphException e)
        {
            throw ApiErrors.From(e);
        }
    };

    /// <summary>A synchronous resolver that turns the graph's errors into coded GraphQL errors.</summary>
    private static FieldResolver RunSync(Func<IResolveFieldContext, object?> body) => context =>
    {
        try
        {
            return new ValueTask<object?>(body(context));
        }
        catch (GraphException e)
        {
            throw ApiErrors.From(e);
        }
    };
}
