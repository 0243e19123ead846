using Graph.Api.Schema.Relationships;
using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>addRelationship</c> mutation: adds a relationship with its evidence, or the evidence to the same edge.</summary>
internal static class AddRelationshipField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("addRelationship", Types.Ref("AddRelationshipPayload"), f => f
            .Description("Adds a relationship with its evidence, or adds the evidence to the same existing edge. Refused without evidence, with a quote that is not verbatim in its document, or when the ends' kinds break the type's rule (RULE_VIOLATION).")
            .Argument("input", Types.Ref("AddRelationshipInput").NonNull(), a => a.Description("The relationship and its evidence."))
            .Resolve(MutationObject.Write(AddRelationshipAsync)));

    private static async Task<object?> AddRelationshipAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var type = input.Value("type") is RelationshipType t ? t : (RelationshipType?)null;
        var from = await MutationObject.ResolveInputActorAsync(c, context, input, "from").ConfigureAwait(false);
        var to = await MutationObject.ResolveInputActorAsync(c, context, input, "to").ConfigureAwait(false);
        var qualifier = input.Text("qualifier", maxLength: 64) ?? "";
        if (qualifier.Length > 0 && !Slug.IsValid(qualifier))
        {
            input.Problem("qualifier", $"'{qualifier}' must be a slug: lower-case letters, digits and single hyphens (e.g. 'troops').");
        }

        var attributes = input.Object("attributes") is { } a ? RelationshipAttributesInput.Read(a) : EdgeAttributes.None;
        var evidenceInputs = input.Objects("evidence");
        if (evidenceInputs.Count == 0)
        {
            input.Problem("evidence", "at least one evidence is required: every relationship needs a verbatim quote from a stored document.");
        }
        else if (evidenceInputs.Count > AddRelationshipInput.MaxEvidencePerWrite)
        {
            input.Problem("evidence", $"at most {AddRelationshipInput.MaxEvidencePerWrite} evidences per call; got {evidenceInputs.Count}.");
        }

        var evidence = new List<Evidence>();
        foreach (var item in evidenceInputs.Take(AddRelationshipInput.MaxEvidencePerWrite))
        {
            if (await EvidenceInput.ReadAsync(c, context, item).ConfigureAwait(false) is { } e)
            {
                evidence.Add(e);
            }
        }

        input.ThrowIfAny();
        var relationship = new Relationship(type!.Value, from!.Id, to!.Id, attributes, evidence, qualifier);
        // The store counts what it created inside its write, so concurrent calls for one new edge report it created once.
        var written = await context.Store.UpsertRelationshipsAsync([relationship], c.CancellationToken).ConfigureAwait(false);
        var stored = await context.Store.GetRelationshipAsync(relationship.Key, c.CancellationToken).ConfigureAwait(false) ?? relationship;
        context.Relationships(c).Clear(stored.From);
        context.Relationships(c).Clear(stored.To);
        return new WriteResult(new RelationshipView(stored), written.Created > 0);
    }
}
