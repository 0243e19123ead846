using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Relationships;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Actors;

/// <summary>
/// The object types of the actor kinds, one per kind of the ontology (<c>State</c>, <c>Agency</c>, <c>Organization</c>,
/// <c>Official</c>, <c>Person</c>, <c>Treaty</c>, <c>Resolution</c>, <c>Location</c>, <c>Conflict</c>): a family made
/// from the ontology, each with the actor fields, its kind-specific attributes and its typed relationship fields.
/// </summary>
internal static class ActorKindObjects
{
    private static readonly Dictionary<NodeKind, string> s_typeNames = GraphOntology.Kinds.ToDictionary(k => k, k => k.ToString());

    /// <summary>
    /// The kind-specific fields read from an actor's attributes: field name, attribute key, type, kinds that have it,
    /// description. A date field ends in <c>On</c> where its plain name is a relationship field of another kind
    /// (<c>adopted</c> is Organization's connection), so one field name has one type across the actor types.
    /// </summary>
    private static readonly (string Name, string Key, bool IsDate, NodeKind[] Kinds, string Description)[] s_attributeFields =
    [
        ("countryCode", "countryCode", false, [NodeKind.State, NodeKind.Agency, NodeKind.Organization, NodeKind.Official, NodeKind.Person], "ISO 3166-1 alpha-2 code of the country it belongs to (e.g. `KP`), when known."),
        ("role", "role", false, [NodeKind.Organization, NodeKind.Official, NodeKind.Person], "Role or title (e.g. `President of Russia`, `think tank`), when known."),
        ("provision", "provision", false, [NodeKind.Treaty, NodeKind.Resolution], "Its main provision in a sentence, when known."),
        ("adoptedOn", "adopted", true, [NodeKind.Resolution], "When it was adopted, when known."),
        ("deadline", "deadline", true, [NodeKind.Resolution], "The deadline it sets, when known."),
        ("startDate", "startDate", true, [NodeKind.Conflict], "When it began, when known."),
    ];

    /// <summary>The name of the object type of actors of <paramref name="kind"/>.</summary>
    public static string TypeNameOf(NodeKind kind) => s_typeNames[kind];

    /// <summary>Declares the object type of every kind, in the ontology's order.</summary>
    public static IEnumerable<ObjectType> Create() => GraphOntology.Kinds.Select(Create);

    /// <summary>Declares the object type of actors of <paramref name="kind"/>.</summary>
    public static ObjectType Create(NodeKind kind) => ObjectType.Create<Actor>(TypeNameOf(kind), t =>
    {
        t.Description(KindDescriptions.Of(kind) + " Typed relationship fields list only the relationships its kind can have.")
            .Implements(Types.Ref("Node"), Types.Ref("Actor"))
            .IsTypeOf(a => a.Kind == kind);
        ActorInterface.Fields(t);
        foreach (var (name, key, isDate, kinds, description) in s_attributeFields)
        {
            if (kinds.Contains(kind))
            {
                t.Field(name, isDate ? Types.Ref("PartialDate") : Scalars.String, description, a => AttributeValue(a, key, isDate));
            }
        }

        foreach (var (field, rule, direction) in TypedFields(kind))
        {
            t.Field(field, ConnectionTypes.Of("Relationship"), f => TypedRelationshipField(f, rule, direction));
        }
    });

    /// <summary>The typed relationship fields a kind gets: outgoing where it may be a source, inverse where a target.</summary>
    internal static IEnumerable<(string Field, RelationshipRule Rule, Direction Direction)> TypedFields(NodeKind kind)
    {
        foreach (var rule in GraphOntology.Rules)
        {
            if (rule.Symmetric)
            {
                if (rule.From.Contains(kind) || rule.To.Contains(kind))
                {
                    yield return (rule.FieldName, rule, Direction.Both);
                }

                continue;
            }

            if (rule.From.Contains(kind))
            {
                yield return (rule.FieldName, rule, Direction.Outgoing);
            }

            if (rule.To.Contains(kind))
            {
                yield return (rule.InverseFieldName, rule, Direction.Incoming);
            }
        }
    }

    private static void TypedRelationshipField(FieldBuilder<Actor> f, RelationshipRule rule, Direction direction)
    {
        var description = direction switch
        {
            Direction.Outgoing => $"`{rule.Name}` edges from this actor: it {rule.Meaning} the other end ({rule.Describe()}).",
            Direction.Incoming => $"`{rule.Name}` edges to this actor: the other end {rule.Meaning} it ({rule.Describe()}).",
            _ => $"`{rule.Name}` edges either way ({rule.Meaning}; symmetric, stored once).",
        };
        var basis = new RelationshipFilter { Types = new HashSet<RelationshipType> { rule.Type }, Direction = direction };
        f.Description(description)
            .FilterArguments(withDirection: false, withTypes: false)
            .PageArguments()
            .ResolveAsync(async (actor, c) =>
            {
                var filter = Args.Filter(c, basis);
                var all = await GraphRequestContext.Of(c).Relationships(c).LoadAsync(actor.Id).ConfigureAwait(false) ?? [];
                var matching = all.Where(r => filter.Matches(r) && filter.AllowsDirection(r, actor.Id)).Select(r => new RelationshipView(r, actor.Id)).ToList();
                return Paging.Page(c, CursorList.For(c, "Actor." + c.FieldName, actor.Id.Value), matching, SortKeys.Listed);
            });
    }

    private static object? AttributeValue(Actor actor, string name, bool isDate)
    {
        if (!actor.Attributes.TryGetValue(name, out var text))
        {
            return null;
        }

        return isDate ? (PartialDate.TryParse(text, out var date) ? date : null) : text;
    }
}
