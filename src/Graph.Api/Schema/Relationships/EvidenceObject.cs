using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Relationships;

/// <summary>The <c>Evidence</c> object type: one source's support for a relationship.</summary>
internal static class EvidenceObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<EvidenceView>("Evidence", t => t
        .Description("One source's support for a relationship: the verbatim quote, where it sits in its document, whom the document credits and how sure it is.")
        .Implements(Types.Ref("Node"))
        .IsTypeOf()
        .Field("id", Scalars.ID.NonNull(), "Opaque global id (base64 of `Evidence:key`); refetch with `node(id:)`.", e => GlobalId.ForEvidence(e.Evidence, e.Edge))
        .Field("quote", Scalars.String.NonNull(), "The sentence or clause that states the relationship, verbatim from the document.", e => e.Evidence.Quote)
        .Field("document", Types.Ref("Document").NonNull(), f => f
            .Description("The document the quote is read from.")
            .ResolveAsync(async (e, c) => await GraphRequestContext.Of(c).Documents(c).LoadAsync(e.Evidence.DocumentId).ConfigureAwait(false)))
        .Field("documentId", Scalars.String.NonNull(), "The document's readable id, without fetching it.", e => e.Evidence.DocumentId.Value)
        .Field("documentPublished", Types.Ref("PartialDate"), f => f
            .Description("When the document was published, at the precision known (its `published`); null when it carries no date. Dates the evidence on a time line without selecting the document.")
            .ResolveAsync(async (e, c) => (await GraphRequestContext.Of(c).Documents(c).LoadAsync(e.Evidence.DocumentId).ConfigureAwait(false))?.Published))
        .Field("start", Scalars.Int.NonNull(), "Offset of the quote's first character in the document text (UTF-16 code units).", e => e.Evidence.Start)
        .Field("end", Scalars.Int.NonNull(), "Offset just past the quote's last character.", e => e.Evidence.End)
        .Field("attributedTo", Types.Ref("Actor"), f => f
            .Description("The actor the document credits with the claim (e.g. the NIS), if any.")
            .ResolveAsync(async (e, c) => e.Evidence.AttributedTo is { } id ? await GraphRequestContext.Of(c).Actors(c).LoadAsync(id).ConfigureAwait(false) : null))
        .Field("stance", Types.Ref("Stance").NonNull(), "Whether the source asserts, hedges or denies it.", e => e.Evidence.Stance)
        .Field("confidence", Scalars.Float.NonNull(), "How sure the extraction is, 0..1 (1.0 for curated, asserted text).", e => e.Evidence.Confidence)
        .Field("extractor", Scalars.String.NonNull(), "Who read it out: `curated`, an analyst, or an extractor's name and version.", e => e.Evidence.Extractor)
        .Field("sourceFacts", Types.Ref("RelationshipAttributes"), "The figures this source gives when they differ from the edge's own (e.g. one source's count); null when it gives none of its own.", e => e.Evidence.Attributes is { IsEmpty: false } a ? a : null)
        .Field("relationship", Types.Ref("Relationship").NonNull(), "The relationship this evidence supports.", e => new RelationshipView(e.Edge)));
}
