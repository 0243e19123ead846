using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>
/// The mutation root: analysts' writes. Each needs the API key; each input is checked field by field before anything
/// is written, and the store writes atomically, so a refused mutation changes nothing.
/// </summary>
internal sealed partial class ActorSchemaBuilder
{
    private const int MaxEvidencePerWrite = 50;

    private ObjectType CreateMutationType()
    {
        var attributeInput = new InputObjectType("ActorAttributeInput", t => t
            .Description("One fact about an actor as text.")
            .Field("name", Scalars.String.NonNull(), f => f.Description("The attribute's name, camelCase letters and digits (e.g. `countryCode`)."))
            .Field("value", Scalars.String.NonNull(), f => f.Description("Its value, e.g. `KP`; dates as ISO 8601 (`2017-12-22`).")));

        var upsertActorInput = new InputObjectType("UpsertActorInput", t => t
            .Description("An actor to create, or to update when its id exists (see upsertActor's replace).")
            .Field("id", Scalars.ID, f => f.Description("Its readable id `kind:slug`; made from kind and name when absent (`State` + `North Korea` is `state:north-korea`)."))
            .Field("kind", _actorKind.NonNull(), f => f.Description("Its kind; must match the id's prefix."))
            .Field("name", Scalars.String.NonNull(), f => f.Description("Display name, 1..200 characters."))
            .Field("aliases", Types.List(Scalars.String.NonNull()), f => f.Description("Other names it goes by; replaces the current aliases."))
            .Field("description", Scalars.String, f => f.Description("One line saying who or what it is, at most 1000 characters."))
            .Field("attributes", Types.List(attributeInput.NonNull()), f => f.Description("Facts about it as text; replaces the current attributes.")));

        var addAliasInput = new InputObjectType("AddAliasInput", t => t
            .Description("A further name for an actor.")
            .Field("actor", Scalars.ID.NonNull(), f => f.Description("The actor: a global id, a readable id or a name."))
            .Field("alias", Scalars.String.NonNull(), f => f.Description("The new alias, 1..200 characters.")));

        var mergeActorsInput = new InputObjectType("MergeActorsInput", t => t
            .Description("Two ids for one actor: `remove` is folded into `keep`.")
            .Field("keep", Scalars.ID.NonNull(), f => f.Description("The actor that stays: a global id, a readable id or a name."))
            .Field("remove", Scalars.ID.NonNull(), f => f.Description("The actor whose edges, evidence, name and aliases move to `keep`, then is deleted.")));

        var attributesInput = new InputObjectType("RelationshipAttributesInput", t => t
            .Description("Facts an edge carries, where the text gives them.")
            .Field("validFrom", _partialDate, f => f.Description("When it began or took effect."))
            .Field("validTo", _partialDate, f => f.Description("When it ended; not before validFrom."))
            .Field("personnel", Scalars.String, f => f.Description("What was sent: `workers`, `troops`."))
            .Field("count", Scalars.Float, f => f.Description("An exact whole number >= 0."))
            .Field("countMin", Scalars.Float, f => f.Description("Low end of a range, a whole number >= 0."))
            .Field("countMax", Scalars.Float, f => f.Description("High end of a range, not below countMin."))
            .Field("amount", Scalars.Float, f => f.Description("A sum of money >= 0."))
            .Field("amountMin", Scalars.Float, f => f.Description("Low end of a range of sums."))
            .Field("amountMax", Scalars.Float, f => f.Description("High end of a range of sums, not below amountMin."))
            .Field("currency", Scalars.String, f => f.Description("ISO 4217 code, e.g. `USD`."))
            .Field("period", Scalars.String, f => f.Description("What an amount is per: `month`, `year`."))
            .Field("casualties", Scalars.String, f => f.Description("Casualties as the source states them."))
            .Field("note", Scalars.String, f => f.Description("Anything else the source says about it.")));

        var evidenceInput = new InputObjectType("EvidenceInput", t => t
            .Description("One source's support: a quote that occurs verbatim in a stored document.")
            .Field("document", Scalars.ID.NonNull(), f => f.Description("The document: `doc:slug` or its global id."))
            .Field("quote", Scalars.String.NonNull(), f => f.Description("The sentence or clause that states it, exactly as in the document text."))
            .Field("start", Scalars.Int, f => f.Description("Offset of the quote in the text; found by searching when absent (then the quote must occur exactly once)."))
            .Field("attributedTo", Scalars.ID, f => f.Description("The actor the document credits with the claim, if any."))
            .Field("stance", _stance, f => f.Description("How the source states it.").DefaultValue(Stance.Asserts))
            .Field("confidence", Scalars.Float, f => f.Description("How sure, 0..1.").DefaultValue(1.0))
            .Field("extractor", Scalars.String, f => f.Description("Who read it out.").DefaultValue("analyst"))
            .Field("attributes", attributesInput, f => f.Description("Figures this source gives, when they may differ from other sources'.")));

        var addRelationshipInput = new InputObjectType("AddRelationshipInput", t => t
            .Description("A relationship with its evidence. When the same edge exists (same type, ends and qualifier), the evidence is added to it.")
            .Field("type", _relationshipType.NonNull(), f => f.Description("Its type; the ends' kinds must fit the type's rule."))
            .Field("from", Scalars.ID.NonNull(), f => f.Description("The source actor: a global id, a readable id or a name."))
            .Field("to", Scalars.ID.NonNull(), f => f.Description("The target actor: a global id, a readable id or a name."))
            .Field("qualifier", Scalars.String, f => f.Description("Separates two assertions of one type between one pair (a slug, e.g. `troops`)."))
            .Field("attributes", attributesInput, f => f.Description("Facts of the edge."))
            .Field("evidence", Types.NonNullList(evidenceInput), f => f.Description($"At least one, at most {MaxEvidencePerWrite}: there is no edge without evidence.")));

        var removeEvidenceInput = new InputObjectType("RemoveEvidenceInput", t => t
            .Description("One evidence to remove, by its relationship, document and start offset.")
            .Field("relationship", Scalars.ID.NonNull(), f => f.Description("The relationship: its global id or readable id."))
            .Field("document", Scalars.ID.NonNull(), f => f.Description("The evidence's document."))
            .Field("start", Scalars.Int.NonNull(), f => f.Description("The evidence's start offset.")));

        var upsertActorPayload = new ObjectType("UpsertActorPayload", t => t
            .Description("What upsertActor did.")
            .Field("actor", _actor.NonNull(), f => f.Description("The actor as stored.").Resolve(c => ((WriteResult)c.Source!).Value))
            .Field("created", Scalars.Boolean.NonNull(), f => f.Description("True when it was new, false when it updated one.").Resolve(c => ((WriteResult)c.Source!).Created)));
        var addAliasPayload = new ObjectType("AddAliasPayload", t => t
            .Description("What addAlias did.")
            .Field("actor", _actor.NonNull(), f => f.Description("The actor as stored.").Resolve(c => ((WriteResult)c.Source!).Value))
            .Field("added", Scalars.Boolean.NonNull(), f => f.Description("False when it already had the alias.").Resolve(c => ((WriteResult)c.Source!).Created)));
        var mergeActorsPayload = new ObjectType("MergeActorsPayload", t => t
            .Description("What mergeActors moved.")
            .Field("kept", _actor.NonNull(), f => f.Description("The actor that stays, as stored.").Resolve(c => ((MergeResult)c.Source!).Kept))
            .Field("removedId", Scalars.String.NonNull(), f => f.Description("The readable id that no longer exists.").Resolve(c => ((MergeResult)c.Source!).Removed.Value))
            .Field("relationshipsMoved", Scalars.Int.NonNull(), f => f.Description("Edges moved to the kept actor.").Resolve(c => ((MergeResult)c.Source!).RelationshipsMoved))
            .Field("evidenceMoved", Scalars.Int.NonNull(), f => f.Description("Evidences moved with them.").Resolve(c => ((MergeResult)c.Source!).EvidenceMoved))
            .Field("aliasesAdded", Scalars.Int.NonNull(), f => f.Description("Names that became aliases of the kept actor.").Resolve(c => ((MergeResult)c.Source!).AliasesAdded)));
        var addRelationshipPayload = new ObjectType("AddRelationshipPayload", t => t
            .Description("What addRelationship did.")
            .Field("relationship", _relationship.NonNull(), f => f.Description("The edge as stored, with all its evidence.").Resolve(c => ((WriteResult)c.Source!).Value))
            .Field("created", Scalars.Boolean.NonNull(), f => f.Description("True when the edge was new, false when the evidence joined an existing edge.").Resolve(c => ((WriteResult)c.Source!).Created)));
        var removeEvidencePayload = new ObjectType("RemoveEvidencePayload", t => t
            .Description("What removeEvidence did.")
            .Field("relationship", _relationship, f => f.Description("The edge as it is now; null when its last evidence was removed, which deletes it.").Resolve(c => ((WriteResult)c.Source!).Value))
            .Field("deleted", Scalars.Boolean.NonNull(), f => f.Description("True when the edge had no evidence left and was deleted.").Resolve(c => ((WriteResult)c.Source!).Created)));

        return new ObjectType("Mutation", t => AddIngestionMutations(t
            .Description("Analysts' writes. Every mutation needs the API key (`Authorization: Bearer <key>` or `X-Api-Key`); a server without a key is read-only. Inputs are checked field by field; a refused mutation changes nothing.")
            .Field("upsertActor", upsertActorPayload, f => f
                .Description("Creates an actor, or updates the one with the same id: fields left out keep their stored values unless `replace` is true. An id made from the name never takes over an actor of another name.")
                .Argument("input", upsertActorInput.NonNull(), a => a.Description("The actor."))
                .Argument("replace", Scalars.Boolean, a => a.Description("True to replace the stored actor whole: aliases, description and attributes left out are cleared.").DefaultValue(false))
                .Resolve(Write(UpsertActorAsync)))
            .Field("addAlias", addAliasPayload, f => f
                .Description("Adds a name an actor goes by.")
                .Argument("input", addAliasInput.NonNull(), a => a.Description("The actor and the alias."))
                .Resolve(Write(AddAliasAsync)))
            .Field("mergeActors", mergeActorsPayload, f => f
                .Description("Folds one actor into another when both ids stand for one actor: edges and evidence move, names become aliases, nothing is lost. Edges that would link the actor to itself refuse the merge.")
                .Argument("input", mergeActorsInput.NonNull(), a => a.Description("Which actor stays and which goes."))
                .Resolve(Write(MergeActorsAsync)))
            .Field("addRelationship", addRelationshipPayload, f => f
                .Description("Adds a relationship with its evidence, or adds the evidence to the same existing edge. Refused without evidence, with a quote that is not verbatim in its document, or when the ends' kinds break the type's rule (RULE_VIOLATION).")
                .Argument("input", addRelationshipInput.NonNull(), a => a.Description("The relationship and its evidence."))
                .Resolve(Write(AddRelationshipAsync)))
            .Field("removeEvidence", removeEvidencePayload, f => f
                .Description("Removes one evidence from a relationship; a relationship left without evidence is deleted.")
                .Argument("input", removeEvidenceInput.NonNull(), a => a.Description("Which evidence."))
                .Resolve(Write(RemoveEvidenceAsync)))));
    }

    /// <summary>A mutation resolver: reads the input, then runs the write (write access was checked before execution, in Http/ApiKey.cs).</summary>
    private static FieldResolver Write(Func<IResolveFieldContext, GraphRequestContext, InputReader, Task<object?>> write) => Run(async c =>
        await write(c, GraphRequestContext.Of(c), new InputReader(Args.Raw(c, "input"))).ConfigureAwait(false));

    private static async Task<object?> UpsertActorAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var kind = input.Value("kind") is NodeKind k ? k : (NodeKind?)null;
        var name = input.Text("name", required: true);
        ActorId? id = null;
        if (input.Text("id") is { } idText)
        {
            id = input.Try("id", () => ActorId.Parse(idText));
            if (id is { } parsed && kind is { } givenKind && parsed.Kind != givenKind)
            {
                input.Problem("id", $"'{parsed}' is the id of a {parsed.Kind}, but kind is {givenKind.ToString().ToUpperInvariant()}; ids start with the kind ('{GraphOntology.IdPrefix(givenKind)}:...').");
            }
        }

        var aliases = new List<string>();
        var raw = input.Strings("aliases");
        for (var i = 0; i < raw.Count; i++)
        {
            var alias = raw[i].Trim();
            if (alias.Length is 0 or > 200)
            {
                input.Problem($"aliases[{i}]", "must have 1..200 characters.");
            }
            else if (!aliases.Contains(alias, StringComparer.Ordinal) && alias != name)
            {
                aliases.Add(alias);
            }
        }

        var description = input.Text("description", maxLength: 1000);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in input.Objects("attributes"))
        {
            var attributeName = attribute.Text("name", required: true, maxLength: 64);
            var value = attribute.Text("value", required: true, maxLength: 1000);
            if (attributeName is null || value is null)
            {
                continue;
            }

            if (!char.IsAsciiLetterLower(attributeName[0]) || !attributeName.All(char.IsAsciiLetterOrDigit))
            {
                attribute.Problem("name", $"'{attributeName}' must be camelCase ASCII letters and digits, starting with a lower-case letter (e.g. 'countryCode').");
            }
            else if (!attributes.TryAdd(attributeName, value))
            {
                attribute.Problem("name", $"'{attributeName}' is given twice.");
            }
        }

        input.ThrowIfAny();
        var actorId = id ?? ActorId.For(kind!.Value, name!);
        var actor = new Actor(actorId, kind!.Value, name!, aliases, attributes, description);
        if (await context.Store.GetActorAsync(actorId, c.CancellationToken).ConfigureAwait(false) is { } existing)
        {
            if (id is null && !IsNameOf(existing, name!))
            {
                input.Problem("name", $"makes the id '{actorId}', which is already '{existing.Name}'; give an id to create a different actor, or the stored name to update it.");
                input.ThrowIfAny();
            }

            if (Args.Raw(c, "replace") is not true)
            {
                actor = actor with
                {
                    Aliases = input.Value("aliases") is null ? [.. existing.Aliases.Where(a => a != name)] : aliases,
                    Description = input.Value("description") is null ? existing.Description : description,
                    Attributes = input.Value("attributes") is null ? existing.Attributes : attributes,
                };
            }
        }

        actor = actor.Validated();
        var result = await context.Store.UpsertActorsAsync([actor], c.CancellationToken).ConfigureAwait(false);
        var stored = await context.Store.GetActorAsync(actor.Id, c.CancellationToken).ConfigureAwait(false) ?? actor;
        Refresh(c, context, stored);
        return new WriteResult(stored, result.Created > 0);
    }

    // The name given is the stored actor's name or one of its aliases (ignoring case and accents; exactly, for names without letters).
    private static bool IsNameOf(Actor actor, string name)
    {
        var folded = NameFolding.Fold(name);
        return actor.AllNames.Any(n => folded.Length == 0 ? string.Equals(n, name, StringComparison.OrdinalIgnoreCase) : NameFolding.Fold(n) == folded);
    }

    private static async Task<object?> AddAliasAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var alias = input.Text("alias", required: true);
        var actor = await ResolveInputActorAsync(c, context, input, "actor").ConfigureAwait(false);
        input.ThrowIfAny();
        var had = actor!.AllNames.Contains(alias!, StringComparer.Ordinal);
        var stored = await context.Store.AddAliasAsync(actor.Id, alias!, c.CancellationToken).ConfigureAwait(false);
        Refresh(c, context, stored);
        return new WriteResult(stored, !had);
    }

    private static async Task<object?> MergeActorsAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var keep = await ResolveInputActorAsync(c, context, input, "keep").ConfigureAwait(false);
        var remove = await ResolveInputActorAsync(c, context, input, "remove").ConfigureAwait(false);
        if (keep is not null && remove is not null && keep.Id == remove.Id)
        {
            input.Problem("remove", $"is the same actor as keep ('{keep.Id}'); give two different actors.");
        }

        input.ThrowIfAny();
        var result = await context.Store.MergeActorsAsync(keep!.Id, remove!.Id, c.CancellationToken).ConfigureAwait(false);
        Refresh(c, context, result.Kept);
        context.Actors(c).Clear(remove.Id);
        context.Relationships(c).Clear(remove.Id);
        return result;
    }

    private static async Task<object?> AddRelationshipAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var type = input.Value("type") is RelationshipType t ? t : (RelationshipType?)null;
        var from = await ResolveInputActorAsync(c, context, input, "from").ConfigureAwait(false);
        var to = await ResolveInputActorAsync(c, context, input, "to").ConfigureAwait(false);
        var qualifier = input.Text("qualifier", maxLength: 64) ?? "";
        if (qualifier.Length > 0 && !Slug.IsValid(qualifier))
        {
            input.Problem("qualifier", $"'{qualifier}' must be a slug: lower-case letters, digits and single hyphens (e.g. 'troops').");
        }

        var attributes = input.Object("attributes") is { } a ? ReadAttributes(a) : EdgeAttributes.None;
        var evidenceInputs = input.Objects("evidence");
        if (evidenceInputs.Count == 0)
        {
            input.Problem("evidence", "at least one evidence is required: every relationship needs a verbatim quote from a stored document.");
        }
        else if (evidenceInputs.Count > MaxEvidencePerWrite)
        {
            input.Problem("evidence", $"at most {MaxEvidencePerWrite} evidences per call; got {evidenceInputs.Count}.");
        }

        var evidence = new List<Evidence>();
        foreach (var item in evidenceInputs.Take(MaxEvidencePerWrite))
        {
            if (await ReadEvidenceAsync(c, context, item).ConfigureAwait(false) is { } e)
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

    private static async Task<object?> RemoveEvidenceAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var key = input.Text("relationship", required: true, maxLength: 2048) is { } rel ? input.Try("relationship", () => (RelationshipKey?)Args.ParseRelationshipId(rel, "relationship")) : null;
        var document = input.Text("document", required: true, maxLength: 2048) is { } doc ? input.Try("document", () => (DocumentId?)Args.ParseDocumentId(doc, "document")) : null;
        var start = input.Int("start") ?? -1;
        input.ThrowIfAny();
        var edge = await context.Store.GetRelationshipAsync(key!.Value, c.CancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("relationship", key.Value.ToId());
        if (!edge.Evidence.Any(e => e.DocumentId == document!.Value && e.Start == start))
        {
            var known = string.Join(", ", edge.Evidence.Select(e => $"{e.DocumentId}@{e.Start}"));
            throw new NotFoundException("evidence", $"{document}@{start}", [.. edge.Evidence.Select(e => $"document '{e.DocumentId}', start {e.Start}")]);
        }

        var after = await context.Store.RemoveEvidenceAsync(key.Value, document!.Value, start, c.CancellationToken).ConfigureAwait(false);
        context.Relationships(c).Clear(edge.From);
        context.Relationships(c).Clear(edge.To);
        return new WriteResult(after is null ? null : new RelationshipView(after), after is null);
    }

    private static async Task<Evidence?> ReadEvidenceAsync(IResolveFieldContext c, GraphRequestContext context, InputReader item)
    {
        var quote = (item.Value("quote") as string) ?? "";
        if (quote.Trim().Length == 0)
        {
            item.Problem("quote", "must not be empty: give the sentence or clause, verbatim.");
        }
        else if (quote.Length > 5_000)
        {
            item.Problem("quote", $"must be at most 5000 characters; got {quote.Length}.");
        }

        var confidence = item.Float("confidence") ?? 1.0;
        if (confidence is < 0 or > 1 || double.IsNaN(confidence))
        {
            item.Problem("confidence", $"must be between 0 and 1; got {confidence}.");
        }

        var extractor = item.Text("extractor", maxLength: 100) ?? "analyst";
        var stance = item.Value("stance") is Stance s ? s : Stance.Asserts;
        var attributes = item.Object("attributes") is { } a ? ReadAttributes(a) : null;
        Actor? attributedTo = null;
        if (item.Text("attributedTo", maxLength: 2048) is not null)
        {
            attributedTo = await ResolveInputActorAsync(c, context, item, "attributedTo").ConfigureAwait(false);
        }

        Document? document = null;
        if (item.Text("document", required: true, maxLength: 2048) is { } documentText
            && item.Try("document", () => (DocumentId?)Args.ParseDocumentId(documentText, "document")) is { } documentId)
        {
            document = await context.Store.GetDocumentAsync(documentId, c.CancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                item.Problem("document", $"Unknown document '{documentId}'. Stored documents are listed by the 'documents' query.");
            }
        }

        if (document is null || quote.Trim().Length == 0 || quote.Length > 5_000)
        {
            return null;
        }

        int start;
        if (item.Int("start") is { } given)
        {
            if (given < 0 || given > document.Text.Length - quote.Length || string.CompareOrdinal(document.Text, given, quote, 0, quote.Length) != 0)
            {
                var found = document.Text.IndexOf(quote, StringComparison.Ordinal);
                item.Problem("start", found >= 0
                    ? $"the quote is not at offset {given} of '{document.Id}'; it occurs at {found}."
                    : $"the quote does not occur verbatim in '{document.Id}'.");
                return null;
            }

            start = given;
        }
        else
        {
            start = document.Text.IndexOf(quote, StringComparison.Ordinal);
            if (start < 0)
            {
                item.Problem("quote", $"does not occur verbatim in '{document.Id}' (quotes must match the text exactly, including punctuation).");
                return null;
            }

            if (document.Text.IndexOf(quote, start + 1, StringComparison.Ordinal) >= 0)
            {
                item.Problem("start", $"the quote occurs more than once in '{document.Id}'; give start to say which (first at {start}).");
                return null;
            }
        }

        if (item.Problems.Count > 0)
        {
            return null;
        }

        return new Evidence(document.Id, quote, start, start + quote.Length, attributedTo?.Id, stance, confidence, extractor, attributes);
    }

    private static EdgeAttributes ReadAttributes(InputReader input)
    {
        var attributes = EdgeAttributes.None;
        foreach (var name in EdgeAttributes.FieldNames)
        {
            var value = input.Value(name);
            if (value is null)
            {
                continue;
            }

            var text = value switch
            {
                PartialDate date => date.ToString(),
                double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString()!.Trim(),
            };
            attributes = input.Try(name, () => attributes.With(name, text)) ?? attributes;
        }

        input.Try("validTo", () =>
        {
            attributes.Validate();
            return true;
        });
        return attributes;
    }

    private static async Task<Actor?> ResolveInputActorAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input, string field)
    {
        if (input.Text(field, required: true, maxLength: 2048) is not { } reference)
        {
            return null;
        }

        try
        {
            return await ActorReferences.ResolveAsync(context.Store, reference, input.FieldPath(field), c.CancellationToken).ConfigureAwait(false);
        }
        catch (GraphException e)
        {
            input.Problem(field, e.Message);
            return null;
        }
    }

    private static void Refresh(IResolveFieldContext c, GraphRequestContext context, Actor actor)
    {
        var loader = context.Actors(c);
        loader.Clear(actor.Id);
        loader.Prime(actor.Id, actor);
        context.Relationships(c).Clear(actor.Id);
    }
}

/// <summary>The value a write produced and whether it was new (or, for removals, deleted).</summary>
internal sealed record WriteResult(object? Value, bool Created);
