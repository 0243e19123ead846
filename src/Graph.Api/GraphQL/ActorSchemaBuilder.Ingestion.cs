using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>
/// Ingestion and review: documents as ingested, full-text search, the proposal queue and per-rule precision (queries);
/// the mutations live in <c>ActorSchemaBuilder.Review.cs</c>.
/// </summary>
internal sealed partial class ActorSchemaBuilder
{
    private EnumType _proposalStatus = null!;
    private ObjectType _proposedActor = null!;
    private ObjectType _proposal = null!;
    private ObjectType _textHit = null!;
    private ObjectType _rulePrecision = null!;
    private ObjectType _ingestion = null!;

    private void CreateIngestionTypes()
    {
        _proposalStatus = new EnumType("ProposalStatus", e => e
            .Description("Where a proposal stands in review.")
            .Value("PENDING", ProposalStatus.Pending, v => v.Description("Waiting for an analyst."))
            .Value("ACCEPTED", ProposalStatus.Accepted, v => v.Description("Accepted: written to the graph as evidence on its relationship."))
            .Value("REJECTED", ProposalStatus.Rejected, v => v.Description("Rejected: remembered, so reading the document again does not propose it again.")));

        _proposedActor = new ObjectType("ProposedActor", t => t
            .Description("An actor as the extractor read it: one the graph holds (`known`), or a new one that accepting the proposal creates.")
            .Field("actorId", Scalars.String.NonNull(), f => f.Description("Its readable id (`state:north-korea`); for a new actor, the id it will get.").Resolve(c => ((ProposedActor)c.Source!).Id.Value))
            .Field("kind", _actorKind.NonNull(), f => f.Description("Its kind (for a new actor, inferred from the cues around its name).").Resolve(c => ((ProposedActor)c.Source!).Kind))
            .Field("name", Scalars.String.NonNull(), f => f.Description("Its name.").Resolve(c => ((ProposedActor)c.Source!).Name))
            .Field("aliases", Types.NonNullList(Scalars.String), f => f.Description("The forms the document uses for it.").Resolve(c => ((ProposedActor)c.Source!).Aliases))
            .Field("known", Scalars.Boolean.NonNull(), f => f.Description("True when the extractor linked it to an actor the graph held when the document was read.").Resolve(c => ((ProposedActor)c.Source!).Known))
            .Field("actor", _actor, f => f
                .Description("The actor in the graph with this id, if there is one now.")
                .Resolve(Run(async c => await LoadActorAsync(c, ((ProposedActor)c.Source!).Id).ConfigureAwait(false)))));

        _proposal = new ObjectType("Proposal", t => t
            .Description("A relationship an extractor read from a document, with the verbatim quote that states it and the rule that fired. Proposals are not facts: accepting one writes its evidence to the graph.")
            .Field("proposalId", Scalars.ID.NonNull(), f => f.Description("Stable id (`proposal:` and 16 hex digits) of this reading of this sentence; the same reading gets the same id.").Resolve(c => ((ProposalRecord)c.Source!).Id))
            .Field("status", _proposalStatus.NonNull(), f => f.Description("Where it stands in review.").Resolve(c => ((ProposalRecord)c.Source!).Status))
            .Field("type", _relationshipType.NonNull(), f => f.Description("The relationship type proposed.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Type))
            .Field("from", _proposedActor.NonNull(), f => f.Description("The source actor.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.From))
            .Field("to", _proposedActor.NonNull(), f => f.Description("The target actor.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.To))
            .Field("qualifier", Scalars.String, f => f.Description("What separates this assertion from another of its type between the same pair; null when none.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Qualifier is { Length: > 0 } q ? q : null))
            .Field("quote", Scalars.String.NonNull(), f => f.Description("The sentence or clause that states it, verbatim from the document.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Quote))
            .Field("start", Scalars.Int.NonNull(), f => f.Description("Offset of the quote in the document text (UTF-16 code units).").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Start))
            .Field("end", Scalars.Int.NonNull(), f => f.Description("Offset just past the quote.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.End))
            .Field("attributedTo", _proposedActor, f => f.Description("Whom the document credits with the claim, if anyone.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.AttributedTo))
            .Field("stance", _stance.NonNull(), f => f.Description("Whether the source asserts, hedges or denies it.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Stance))
            .Field("confidence", Scalars.Float.NonNull(), f => f.Description("How sure the extractor is, 0..1.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Confidence))
            .Field("rule", Scalars.String.NonNull(), f => f.Description("The extractor rule that fired (see `rulePrecision` for how analysts have judged it).").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Rule))
            .Field("extractor", Scalars.String.NonNull(), f => f.Description("The extractor's name and version.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Extractor))
            .Field("attributes", _relationshipAttributes, f => f.Description("Figures and dates the quote gives; null when none.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Attributes is { IsEmpty: false } a ? a : null))
            .Field("document", _document, f => f
                .Description("The document it was read from.")
                .Resolve(Run(async c => await GraphRequestContext.Of(c).Documents(c).LoadAsync(((ProposalRecord)c.Source!).Proposal.Document).ConfigureAwait(false))))
            .Field("documentId", Scalars.String.NonNull(), f => f.Description("The document's readable id.").Resolve(c => ((ProposalRecord)c.Source!).Proposal.Document.Value))
            .Field("createdAt", Scalars.String.NonNull(), f => f.Description("When it was proposed (ISO 8601, UTC).").Resolve(c => ((ProposalRecord)c.Source!).CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
            .Field("reviewedAt", Scalars.String, f => f.Description("When it was accepted or rejected; null while pending.").Resolve(c => ((ProposalRecord)c.Source!).ReviewedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
            .Field("reviewNote", Scalars.String, f => f.Description("The reviewer's note, if any.").Resolve(c => ((ProposalRecord)c.Source!).ReviewNote))
            .Field("edited", Scalars.Boolean.NonNull(), f => f.Description("True when an analyst changed it before deciding.").Resolve(c => ((ProposalRecord)c.Source!).Edited)));

        _textHit = new ObjectType("TextHit", t => t
            .Description("A full-text match: in a document's text, or in the quote of a relationship's evidence.")
            .Field("document", _document, f => f
                .Description("The document the match is in.")
                .Resolve(Run(async c => await GraphRequestContext.Of(c).Documents(c).LoadAsync(((TextHit)c.Source!).Document).ConfigureAwait(false))))
            .Field("documentId", Scalars.String.NonNull(), f => f.Description("The document's readable id.").Resolve(c => ((TextHit)c.Source!).Document.Value))
            .Field("title", Scalars.String.NonNull(), f => f.Description("The document's title.").Resolve(c => ((TextHit)c.Source!).Title))
            .Field("snippet", Scalars.String.NonNull(), f => f.Description("Text around the match, the matched words between [ and ].").Resolve(c => ((TextHit)c.Source!).Snippet))
            .Field("relationship", _relationship, f => f
                .Description("For a match in a quote, the relationship that evidence supports; null for a match in a document's text.")
                .Resolve(Run(async c => ((TextHit)c.Source!).Edge is { } key && await GraphRequestContext.Of(c).Store.GetRelationshipAsync(key, c.CancellationToken).ConfigureAwait(false) is { } edge
                    ? new RelationshipView(edge)
                    : null)))
            .Field("start", Scalars.Int, f => f.Description("For a match in a quote, the quote's offset in the document.").Resolve(c => ((TextHit)c.Source!).Start))
            .Field("rank", Scalars.Float.NonNull(), f => f.Description("Relevance; higher is better.").Resolve(c => ((TextHit)c.Source!).Rank)));

        _rulePrecision = new ObjectType("RulePrecision", t => t
            .Description("How analysts have judged one extractor rule: which rules to trust.")
            .Field("rule", Scalars.String.NonNull(), f => f.Description("The rule's name.").Resolve(c => ((RulePrecision)c.Source!).Rule))
            .Field("accepted", Scalars.Int.NonNull(), f => f.Description("Proposals of this rule accepted.").Resolve(c => ((RulePrecision)c.Source!).Accepted))
            .Field("rejected", Scalars.Int.NonNull(), f => f.Description("Proposals of this rule rejected.").Resolve(c => ((RulePrecision)c.Source!).Rejected))
            .Field("pending", Scalars.Int.NonNull(), f => f.Description("Proposals of this rule still waiting.").Resolve(c => ((RulePrecision)c.Source!).Pending))
            .Field("precision", Scalars.Float, f => f.Description("Accepted over decided; null before any decision.").Resolve(c => ((RulePrecision)c.Source!).Precision)));

        _ingestion = new ObjectType("DocumentIngestion", t => t
            .Description("How a document came in: its format, language and version chain.")
            .Field("format", Scalars.String.NonNull(), f => f.Description("The format it was read from: `text`, `markdown`, `html`, `pdf` or `docx`.").Resolve(c => ((StoredDocument)c.Source!).Format))
            .Field("language", Scalars.String, f => f.Description("ISO 639-1 language code, when known.").Resolve(c => ((StoredDocument)c.Source!).Language))
            .Field("publisherName", Scalars.String, f => f.Description("The publisher as the document or the caller named it.").Resolve(c => ((StoredDocument)c.Source!).PublisherName))
            .Field("source", Scalars.String, f => f.Description("Where it was read from: a file name, a URL, `stdin` or `api`.").Resolve(c => ((StoredDocument)c.Source!).Source))
            .Field("version", Scalars.Int.NonNull(), f => f.Description("1 for the first text seen at its URL, then 2, 3...").Resolve(c => ((StoredDocument)c.Source!).Version))
            .Field("previousVersion", _document, f => f
                .Description("The document this version replaces (same URL, different text), if any.")
                .Resolve(Run(async c => ((StoredDocument)c.Source!).PreviousVersion is { } id ? await GraphRequestContext.Of(c).Documents(c).LoadAsync(id).ConfigureAwait(false) : null)))
            .Field("ingestedAt", Scalars.String.NonNull(), f => f.Description("When it was ingested (ISO 8601, UTC).").Resolve(c => ((StoredDocument)c.Source!).IngestedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
