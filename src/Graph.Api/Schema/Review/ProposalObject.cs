using System.Globalization;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Review;

/// <summary>The <c>Proposal</c> object type: a relationship an extractor read from a document, waiting for review.</summary>
internal static class ProposalObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<ProposalRecord>("Proposal", t => t
        .Description("A relationship an extractor read from a document, with the verbatim quote that states it and the rule that fired. Proposals are not facts: accepting one writes its evidence to the graph.")
        .Field("proposalId", Scalars.ID.NonNull(), "Stable id (`proposal:` and 16 hex digits) of this reading of this sentence; the same reading gets the same id.", p => p.Id)
        .Field("status", Types.Ref("ProposalStatus").NonNull(), "Where it stands in review.", p => p.Status)
        .Field("type", Types.Ref("RelationshipType").NonNull(), "The relationship type proposed.", p => p.Proposal.Type)
        .Field("from", Types.Ref("ProposedActor").NonNull(), "The source actor.", p => p.Proposal.From)
        .Field("to", Types.Ref("ProposedActor").NonNull(), "The target actor.", p => p.Proposal.To)
        .Field("qualifier", Scalars.String, "What separates this assertion from another of its type between the same pair; null when none.", p => p.Proposal.Qualifier is { Length: > 0 } q ? q : null)
        .Field("quote", Scalars.String.NonNull(), "The sentence or clause that states it, verbatim from the document.", p => p.Proposal.Quote)
        .Field("start", Scalars.Int.NonNull(), "Offset of the quote in the document text (UTF-16 code units).", p => p.Proposal.Start)
        .Field("end", Scalars.Int.NonNull(), "Offset just past the quote.", p => p.Proposal.End)
        .Field("attributedTo", Types.Ref("ProposedActor"), "Whom the document credits with the claim, if anyone.", p => p.Proposal.AttributedTo)
        .Field("stance", Types.Ref("Stance").NonNull(), "Whether the source asserts, hedges or denies it.", p => p.Proposal.Stance)
        .Field("confidence", Scalars.Float.NonNull(), "How sure the extractor is, 0..1.", p => p.Proposal.Confidence)
        .Field("rule", Scalars.String.NonNull(), "The extractor rule that fired (see `rulePrecision` for how analysts have judged it).", p => p.Proposal.Rule)
        .Field("extractor", Scalars.String.NonNull(), "The extractor's name and version.", p => p.Proposal.Extractor)
        .Field("attributes", Types.Ref("RelationshipAttributes"), "Figures and dates the quote gives; null when none.", p => p.Proposal.Attributes is { IsEmpty: false } a ? a : null)
        .Field("document", Types.Ref("Document"), f => f
            .Description("The document it was read from.")
            .ResolveAsync(async (p, c) => await GraphRequestContext.Of(c).Documents(c).LoadAsync(p.Proposal.Document).ConfigureAwait(false)))
        .Field("documentId", Scalars.String.NonNull(), "The document's readable id.", p => p.Proposal.Document.Value)
        .Field("createdAt", Scalars.String.NonNull(), "When it was proposed (ISO 8601, UTC).", p => p.CreatedAt.ToString("O", CultureInfo.InvariantCulture))
        .Field("reviewedAt", Scalars.String, "When it was accepted or rejected; null while pending.", p => p.ReviewedAt?.ToString("O", CultureInfo.InvariantCulture))
        .Field("reviewNote", Scalars.String, "The reviewer's note, if any.", p => p.ReviewNote)
        .Field("edited", Scalars.Boolean.NonNull(), "True when an analyst changed it before deciding.", p => p.Edited));
}
