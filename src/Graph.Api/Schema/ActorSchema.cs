using Graph.Api.Schema.Actors;
using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Documents;
using Graph.Api.Schema.LeafTypes;
using Graph.Api.Schema.Mutation;
using Graph.Api.Schema.Query;
using Graph.Api.Schema.Relationships;
using Graph.Api.Schema.Review;
using Graph.Api.Schema.Statistics;
using Graph.Api.Schema.Subscription;
using Graph.Api.Schema.Traversals;
using Graph.Core.Ontology;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema;

/// <summary>
/// The actor schema, built code-first with the project's GraphQL engine: Node and Actor interfaces, one object type per
/// node kind with typed relationship fields derived from the ontology's rules, traversal queries shaped for drawing,
/// Relay connections and the analysts' mutations. Every type, field, argument and enum value carries a description.
/// Each GraphQL type is declared in its own file, named after it, in the folder of its area; types refer to each other
/// by name, and the names are resolved when the schema is built.
/// </summary>
public static class ActorSchema
{
    private static readonly Lazy<GraphQLSchema> s_schema = new(Build);

    /// <summary>The schema (built once; it holds no per-request state).</summary>
    public static GraphQLSchema Instance => s_schema.Value;

    /// <summary>Builds and validates the schema.</summary>
    private static GraphQLSchema Build()
    {
        var query = QueryObject.Create();
        var mutation = MutationObject.Create();
        var subscription = SubscriptionObject.Create();
        return new GraphQLSchema(
            query,
            mutation,
            subscription,
            types: AllTypes(query, mutation).Concat(SubscriptionTypes(subscription)),
            description: "The relationship explorer: actors (states, agencies, officials, treaties, resolutions, ...) and the relationships between them, each backed by verbatim quotes from source documents.");
    }

    /// <summary>
    /// Every type of the schema: the table of contents. The order is the order the schema lists its types in
    /// (introspection and schema.graphql), kept as it was when the types still referred to each other by value.
    /// </summary>
    private static IEnumerable<NamedType> AllTypes(ObjectType query, ObjectType mutation)
    {
        var kinds = GraphOntology.Kinds.ToDictionary(kind => kind, ActorKindObjects.Create);
        yield return kinds[NodeKind.State];
        yield return NodeInterface.Create();
        yield return Scalars.ID;
        yield return ActorInterface.Create();
        yield return Scalars.String;
        yield return ActorKindEnum.Create();
        yield return ActorAttributeObject.Create();
        yield return ConnectionTypes.Connection("Relationship");
        yield return ConnectionTypes.Edge("Relationship");
        yield return RelationshipObject.Create();
        yield return RelationshipTypeEnum.Create();
        yield return Scalars.Boolean;
        yield return DirectionEnum.Create();
        yield return PartialDateScalar.Create();
        yield return RelationshipAttributesObject.Create();
        yield return Scalars.Float;
        yield return Scalars.Int;
        yield return ConnectionTypes.Connection("Evidence");
        yield return ConnectionTypes.Edge("Evidence");
        yield return EvidenceObject.Create();
        yield return DocumentObject.Create();
        yield return ActorMentionObject.Create();
        yield return DocumentIngestionObject.Create();
        yield return ConnectionTypes.Connection("Proposal");
        yield return ConnectionTypes.Edge("Proposal");
        yield return ProposalObject.Create();
        yield return ProposalStatusEnum.Create();
        yield return ProposedActorObject.Create();
        yield return StanceEnum.Create();
        yield return PageInfoObject.Create();
        yield return QuantityConflictObject.Create();
        yield return QuantityEnum.Create();
        yield return QuantityClaimObject.Create();
        foreach (var kind in GraphOntology.Kinds.Where(k => k != NodeKind.State))
        {
            yield return kinds[kind];
        }

        yield return query;
        yield return ConnectionTypes.Connection("Actor");
        yield return ConnectionTypes.Edge("Actor");
        yield return SubgraphObject.Create();
        yield return GraphNodeObject.Create();
        yield return GraphEdgeObject.Create();
        yield return PathResultObject.Create();
        yield return PathObject.Create();
        yield return PathStepObject.Create();
        yield return PathModeEnum.Create();
        yield return ConnectionTypes.Connection("CommonNeighbour");
        yield return ConnectionTypes.Edge("CommonNeighbour");
        yield return CommonNeighbourObject.Create();
        yield return ConnectionTypes.Connection("Document");
        yield return ConnectionTypes.Edge("Document");
        yield return ConnectionTypes.Connection("QuantityConflict");
        yield return ConnectionTypes.Edge("QuantityConflict");
        yield return GraphStatsObject.Create();
        yield return KindCountObject.Create();
        yield return TypeCountObject.Create();
        yield return DegreeStatsObject.Create();
        yield return ActorDegreeObject.Create();
        yield return TextHitObject.Create();
        yield return RulePrecisionObject.Create();
        foreach (var type in Exchange.ExportTypes.Create())
        {
            yield return type;
        }

        yield return mutation;
        yield return UpsertActorPayloadObject.Create();
        yield return UpsertActorInput.Create();
        yield return ActorAttributeInput.Create();
        yield return AddAliasPayloadObject.Create();
        yield return AddAliasInput.Create();
        yield return MergeActorsPayloadObject.Create();
        yield return MergeActorsInput.Create();
        yield return AddRelationshipPayloadObject.Create();
        yield return AddRelationshipInput.Create();
        yield return RelationshipAttributesInput.Create();
        yield return EvidenceInput.Create();
        yield return RemoveEvidencePayloadObject.Create();
        yield return RemoveEvidenceInput.Create();
        yield return IngestDocumentPayloadObject.Create();
        yield return IngestOutcomeEnum.Create();
        yield return IngestDocumentInput.Create();
        yield return ReviewProposalsPayloadObject.Create();
        yield return EditProposalInput.Create();
    }

    /// <summary>The subscription root and its event types (Schema/Subscription), listed after the others.</summary>
    private static IEnumerable<NamedType> SubscriptionTypes(ObjectType subscription)
    {
        yield return subscription;
        yield return RelationshipChangedEventObject.Create();
        yield return SubscriptionEnums.RelationshipChangeEnum();
        yield return DocumentIngestedEventObject.Create();
        yield return ProposalsChangedEventObject.Create();
        yield return SubscriptionEnums.ProposalsChangeEnum();
    }
}
