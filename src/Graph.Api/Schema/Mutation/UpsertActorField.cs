using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>upsertActor</c> mutation: creates an actor, or updates (or with <c>replace</c>, replaces) the one with the same id.</summary>
internal static class UpsertActorField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("upsertActor", Types.Ref("UpsertActorPayload"), f => f
            .Description("Creates an actor, or updates the one with the same id: fields left out keep their stored values unless `replace` is true. An id made from the name never takes over an actor of another name.")
            .Argument("input", Types.Ref("UpsertActorInput").NonNull(), a => a.Description("The actor."))
            .Argument("replace", Scalars.Boolean, a => a.Description("True to replace the stored actor whole: aliases, description and attributes left out are cleared.").DefaultValue(false))
            .Resolve(MutationObject.Write(UpsertActorAsync)));

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
        MutationObject.Refresh(c, context, stored);
        return new WriteResult(stored, result.Created > 0);
    }

    // The name given is the stored actor's name or one of its aliases (ignoring case and accents; exactly, for names without letters).
    private static bool IsNameOf(Actor actor, string name)
    {
        var folded = NameFolding.Fold(name);
        return actor.AllNames.Any(n => folded.Length == 0 ? string.Equals(n, name, StringComparison.OrdinalIgnoreCase) : NameFolding.Fold(n) == folded);
    }
}
