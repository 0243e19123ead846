using Graph.Api.Composition;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>Relationships, their attributes and evidence, and documents.</summary>
internal sealed partial class ActorSchemaBuilder
{
    private ObjectType _relationship = null!;
    private ObjectType _relationshipAttributes = null!;
    private ObjectType _evidence = null!;
    private ObjectType _document = null!;

    private void CreateEdgeTypes()
    {
        _relationshipAttributes = new ObjectType("RelationshipAttributes", t =>
        {
            t.Description("Facts an edge carries where the text gives them: when, what was sent, how many, how much. On a relationship they are what every source agrees on; on an evidence, what that one source says.");
            Attr(t, "validFrom", _partialDate, "When it began or took effect.", a => a.ValidFrom);
            Attr(t, "validTo", _partialDate, "When it ended.", a => a.ValidTo);
            Attr(t, "personnel", Scalars.String, "What was sent: `workers`, `troops`.", a => a.Personnel);
            Attr(t, "count", Scalars.Float, "An exact number (people, items). A Float so that large figures are never cut.", a => (double?)a.Count);
            Attr(t, "countMin", Scalars.Float, "Low end of a range of numbers.", a => (double?)a.CountMin);
            Attr(t, "countMax", Scalars.Float, "High end of a range of numbers.", a => (double?)a.CountMax);
            Attr(t, "amount", Scalars.Float, "A sum of money, in `currency` per `period`.", a => (double?)a.Amount);
            Attr(t, "amountMin", Scalars.Float, "Low end of a range of sums.", a => (double?)a.AmountMin);
            Attr(t, "amountMax", Scalars.Float, "High end of a range of sums.", a => (double?)a.AmountMax);
            Attr(t, "currency", Scalars.String, "ISO 4217 code of the amounts, e.g. `USD`.", a => a.Currency);
            Attr(t, "period", Scalars.String, "What an amount is per: `month`, `year`.", a => a.Period);
            Attr(t, "casualties", Scalars.String, "Casualties as the source states them.", a => a.Casualties);
            Attr(t, "note", Scalars.String, "Anything else the source says about it.", a => a.Note);
        });

        _document = new ObjectType("Document", t => t
            .Description("A source article: the verbatim text every quote is read from. Not an actor.")
            .Implements(_node)
            .IsTypeOf<Document>()
            .Field("id", Scalars.ID.NonNull(), f => f.Description("Opaque global id; use it with `node`.").Resolve(c => GlobalId.ForDocument(((Document)c.Source!).Id)))
            .Field("documentId", Scalars.String.NonNull(), f => f.Description("Stable readable id `doc:slug`; accepted wherever a document is asked for.").Resolve(c => ((Document)c.Source!).Id.Value))
            .Field("title", Scalars.String.NonNull(), f => f.Description("Headline.").Resolve(c => ((Document)c.Source!).Title))
            .Field("publisher", _actor, f => f
                .Description("The organization that published it, when known.")
                .Resolve(Run(async c => ((Document)c.Source!).Publisher is { } id ? await GraphRequestContext.Of(c).Actors(c).LoadAsync(id).ConfigureAwait(false) : null)))
            .Field("url", Scalars.String, f => f.Description("Where it was published, when known.").Resolve(c => ((Document)c.Source!).Url))
            .Field("published", _partialDate, f => f.Description("When it was published, at the precision known.").Resolve(c => ((Document)c.Source!).Published))
            .Field("text", Scalars.String.NonNull(), f => f.Description("The full text, verbatim; evidence offsets index into it (UTF-16 code units).").Resolve(c => ((Document)c.Source!).Text))
            .Field("length", Scalars.Int.NonNull(), f => f.Description("Length of the text in UTF-16 code units.").Resolve(c => ((Document)c.Source!).Text.Length))
            .Field("contentHash", Scalars.String.NonNull(), f => f.Description("SHA-256 of the UTF-8 text, lower-case hex: tells two copies of one text apart from two texts.").Resolve(c => ((Document)c.Source!).ContentHash))
            .Field("ingestion", _ingestion, f => f
                .Description("How the document came in (format, language, version chain); null for documents loaded from curated knowledge.")
                .Resolve(Run(async c => await IngestionComposition.IngestionStoreOf(GraphRequestContext.Of(c).Store).GetStoredDocumentAsync(((Document)c.Source!).Id, c.CancellationToken).ConfigureAwait(false))))
            .Field("proposals", Connection("Proposal", _proposal), f =>
            {
                f.Description("What extractors proposed from this document, in document order.")
                    .Argument("status", _proposalStatus, a => a.Description("Only proposals in this state; null for all."))
                    .Argument("minConfidence", Scalars.Float, a => a.Description("Only proposals at least this sure, 0..1."));
                PageArguments(f);
                f.Resolve(Run(async c => await ProposalPageAsync(c, new ProposalQuery(((Document)c.Source!).Id, Args.Enum<ProposalStatus>(c, "status"), Confidence(c))).ConfigureAwait(false)));
            }));

        _evidence = new ObjectType("Evidence", t => t
            .Description("One source's support for a relationship: the verbatim quote, where it sits in its document, whom the document credits and how sure it is.")
            .Field("quote", Scalars.String.NonNull(), f => f.Description("The sentence or clause that states the relationship, verbatim from the document.").Resolve(c => ((EvidenceView)c.Source!).Evidence.Quote))
            .Field("document", _document.NonNull(), f => f
                .Description("The document the quote is read from.")
                .Resolve(Run(async c =>
                {
                    var id = ((EvidenceView)c.Source!).Evidence.DocumentId;
                    return await GraphRequestContext.Of(c).Documents(c).LoadAsync(id).ConfigureAwait(false);
                })))
            .Field("documentId", Scalars.String.NonNull(), f => f.Description("The document's readable id, without fetching it.").Resolve(c => ((EvidenceView)c.Source!).Evidence.DocumentId.Value))
            .Field("start", Scalars.Int.NonNull(), f => f.Description("Offset of the quote's first character in the document text (UTF-16 code units).").Resolve(c => ((EvidenceView)c.Source!).Evidence.Start))
            .Field("end", Scalars.Int.NonNull(), f => f.Description("Offset just past the quote's last character.").Resolve(c => ((EvidenceView)c.Source!).Evidence.End))
            .Field("attributedTo", _actor, f => f
                .Description("The actor the document credits with the claim (e.g. the NIS), if any.")
                .Resolve(Run(async c => ((EvidenceView)c.Source!).Evidence.AttributedTo is { } id ? await GraphRequestContext.Of(c).Actors(c).LoadAsync(id).ConfigureAwait(false) : null)))
            .Field("stance", _stance.NonNull(), f => f.Description("Whether the source asserts, hedges or denies it.").Resolve(c => ((EvidenceView)c.Source!).Evidence.Stance))
            .Field("confidence", Scalars.Float.NonNull(), f => f.Description("How sure the extraction is, 0..1 (1.0 for curated, asserted text).").Resolve(c => ((EvidenceView)c.Source!).Evidence.Confidence))
            .Field("extractor", Scalars.String.NonNull(), f => f.Description("Who read it out: `curated`, an analyst, or an extractor's name and version.").Resolve(c => ((EvidenceView)c.Source!).Evidence.Extractor))
            .Field("attributes", _relationshipAttributes, f => f.Description("The figures this source gives when they differ from the edge's own (e.g. one source's count); null when it gives none of its own.").Resolve(c => ((EvidenceView)c.Source!).Evidence.Attributes is { IsEmpty: false } a ? a : null))
            .Field("relationship", _relationship.NonNull(), f => f.Description("The relationship this evidence supports.").Resolve(c => new RelationshipView(((EvidenceView)c.Source!).Edge))));

        _relationship = new ObjectType("Relationship", t => t
            .Description("An assertion: a typed edge between two actors, with the evidence that supports it. There is no edge without evidence; two documents stating the same assertion are two evidences on one edge.")
            .Implements(_node)
            .IsTypeOf<RelationshipView>()
            .Field("id", Scalars.ID.NonNull(), f => f.Description("Opaque global id; use it with `node` and `removeEvidence`.").Resolve(c => GlobalId.ForRelationship(((RelationshipView)c.Source!).Edge)))
            .Field("relationshipId", Scalars.String.NonNull(), f => f.Description("Stable readable id `TYPE:fromId->toId` with an optional `#qualifier`.").Resolve(c => ((RelationshipView)c.Source!).Edge.Id))
            .Field("type", _relationshipType.NonNull(), f => f.Description("Its type.").Resolve(c => ((RelationshipView)c.Source!).Edge.Type))
            .Field("meaning", Scalars.String.NonNull(), f => f.Description("What the type means, in words.").Resolve(c => ((RelationshipView)c.Source!).Edge.Rule.Meaning))
            .Field("symmetric", Scalars.Boolean.NonNull(), f => f.Description("True for symmetric types (stored once; `from` is the lower id).").Resolve(c => ((RelationshipView)c.Source!).Edge.Rule.Symmetric))
            .Field("qualifier", Scalars.String, f => f.Description("What separates two assertions of one type between one pair (e.g. `workers` vs `troops`); null when none.").Resolve(c => ((RelationshipView)c.Source!).Edge.Key.Qualifier is { Length: > 0 } q ? q : null))
            .Field("from", _actor.NonNull(), f => f.Description("The source actor.").Resolve(Run(async c => await LoadActorAsync(c, ((RelationshipView)c.Source!).Edge.From).ConfigureAwait(false))))
            .Field("to", _actor.NonNull(), f => f.Description("The target actor.").Resolve(Run(async c => await LoadActorAsync(c, ((RelationshipView)c.Source!).Edge.To).ConfigureAwait(false))))
            .Field("other", _actor, f => f
                .Description("The actor at the far end, seen from the actor whose field listed this edge; null when the edge was reached otherwise.")
                .Resolve(Run(async c => ((RelationshipView)c.Source!).Other is { } other ? await LoadActorAsync(c, other).ConfigureAwait(false) : null)))
            .Field("direction", _direction, f => f
                .Description("Which way the edge points from the actor whose field listed it: OUTGOING, INCOMING, or BOTH for symmetric types; null when reached otherwise.")
                .Resolve(c => DirectionFrom((RelationshipView)c.Source!)))
            .Field("caption", Scalars.String.NonNull(), f => f.Description("A short label for drawing, e.g. `deployed · workers · 13221 · 2024`.").Resolve(c => Captions.Of(((RelationshipView)c.Source!).Edge)))
            .Field("date", _partialDate, f => f.Description("The date a timeline orders it by: validFrom, else validTo; null when undated.").Resolve(c => ((RelationshipView)c.Source!).Edge.Date))
            .Field("attributes", _relationshipAttributes.NonNull(), f => f.Description("The facts every source agrees on (figures that differ stay on each evidence).").Resolve(c => ((RelationshipView)c.Source!).Edge.Attributes))
            .Field("confidence", Scalars.Float.NonNull(), f => f.Description("The highest confidence of any evidence that does not deny it.").Resolve(c => ((RelationshipView)c.Source!).Edge.Confidence))
            .Field("evidenceCount", Scalars.Int.NonNull(), f => f.Description("How many evidences support (or deny) it.").Resolve(c => ((RelationshipView)c.Source!).Edge.Evidence.Count))
            .Field("evidence", Connection("Evidence", _evidence), f =>
            {
                f.Description("The evidence for it, in the order it was recorded.");
                f.Argument("stance", _stance, a => a.Description("Only evidence with this stance."));
                PageArguments(f);
                f.Resolve(RunSync(c =>
                {
                    var edge = ((RelationshipView)c.Source!).Edge;
                    var stance = Args.Enum<Stance>(c, "stance");
                    var items = edge.Evidence.Where(e => stance is null || e.Stance == stance).Select(e => new EvidenceView(e, edge)).ToList();
                    return Paging.Page(items, Args.Int(c, "first"), Args.String(c, "after"));
                }));
            })
            .Field("conflicts", Types.NonNullList(_quantityConflict), f => f
                .Description("Quantities of this edge whose sources disagree, each side with its evidence; empty when they agree.")
                .Resolve(c => QuantityConflicts.Find(((RelationshipView)c.Source!).Edge).ToList())));
    }

    private static async Task<Actor?> LoadActorAsync(IResolveFieldContext context, ActorId id) =>
        await GraphRequestContext.Of(context).Actors(context).LoadAsync(id).ConfigureAwait(false);

    private static Direction? DirectionFrom(RelationshipView view) => view.Perspective switch
    {
        null => null,
        _ when view.Edge.Rule.Symmetric => Direction.Both,
        { } p when view.Edge.From == p => Direction.Outgoing,
        _ => Direction.Incoming,
    };

    private static void Attr(ObjectTypeBuilder t, string name, GraphQLType type, string description, Func<EdgeAttributes, object?> read) =>
        t.Field(name, type, f => f.Description(description).Resolve(c => read((EdgeAttributes)c.Source!)));
}
