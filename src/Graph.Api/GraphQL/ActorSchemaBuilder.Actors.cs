using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>The Node and Actor interfaces and one object type per node kind.</summary>
internal sealed partial class ActorSchemaBuilder
{
    private readonly Dictionary<NodeKind, ObjectType> _kindTypes = [];
    private readonly Dictionary<string, ObjectType> _connections = new(StringComparer.Ordinal);
    private InterfaceType _node = null!;
    private InterfaceType _actor = null!;
    private ObjectType _actorAttribute = null!;
    private ObjectType _pageInfo = null!;

    /// <summary>The kind-specific fields read from an actor's attributes: name, type, kinds that have it, description.</summary>
    private static readonly (string Name, bool IsDate, NodeKind[] Kinds, string Description)[] s_attributeFields =
    [
        ("countryCode", false, [NodeKind.State, NodeKind.Agency, NodeKind.Organization, NodeKind.Official, NodeKind.Person], "ISO 3166-1 alpha-2 code of the country it belongs to (e.g. `KP`), when known."),
        ("role", false, [NodeKind.Organization, NodeKind.Official, NodeKind.Person], "Role or title (e.g. `President of Russia`, `think tank`), when known."),
        ("provision", false, [NodeKind.Treaty, NodeKind.Resolution], "Its main provision in a sentence, when known."),
        ("adopted", true, [NodeKind.Resolution], "When it was adopted, when known."),
        ("deadline", true, [NodeKind.Resolution], "The deadline it sets, when known."),
        ("startDate", true, [NodeKind.Conflict], "When it began, when known."),
    ];

    private void CreateNodeTypes()
    {
        _pageInfo = new ObjectType("PageInfo", t => t
            .Description("Where a page of a connection sits in the whole list (Relay cursor connections).")
            .Field("hasNextPage", Scalars.Boolean.NonNull(), f => f.Description("True when items follow this page: ask again with `after: endCursor`.").Resolve(c => ((PageInfo)c.Source!).HasNextPage))
            .Field("hasPreviousPage", Scalars.Boolean.NonNull(), f => f.Description("True when items precede this page.").Resolve(c => ((PageInfo)c.Source!).HasPreviousPage))
            .Field("startCursor", Scalars.String, f => f.Description("Cursor of the first item of the page; null when the page is empty.").Resolve(c => ((PageInfo)c.Source!).StartCursor))
            .Field("endCursor", Scalars.String, f => f.Description("Cursor of the last item of the page; pass it as `after` for the next page.").Resolve(c => ((PageInfo)c.Source!).EndCursor)));

        _node = new InterfaceType("Node", t => t
            .Description("An object with an opaque global id, refetchable with `node(id:)`.")
            .Field("id", Scalars.ID.NonNull(), f => f.Description("Opaque global id (base64 of `Type:key`). Stable across requests; use it with `node`/`nodes`."))
            .ResolveType(ResolveNodeType));

        _actorAttribute = new ObjectType("ActorAttribute", t => t
            .Description("One fact about an actor as text (country code, role, date of adoption, ...). The kind-specific fields read the same facts with their types.")
            .Field("name", Scalars.String.NonNull(), f => f.Description("The attribute's name, e.g. `countryCode`.").Resolve(c => ((KeyValuePair<string, string>)c.Source!).Key))
            .Field("value", Scalars.String.NonNull(), f => f.Description("The attribute's value as the source gives it.").Resolve(c => ((KeyValuePair<string, string>)c.Source!).Value)));

        _actor = new InterfaceType("Actor", t =>
        {
            t.Description("A node of the graph: who or what takes part in relationships. Every kind of actor implements it; ask for kind-specific fields with `... on State { countryCode }`.")
                .Implements(_node)
                .ResolveType(ResolveNodeType);
            ActorFields(t);
        });

        foreach (var kind in GraphOntology.Kinds)
        {
            _kindTypes[kind] = new ObjectType(kind.ToString(), t =>
            {
                t.Description(KindDescriptionsFor(kind)).Implements(_node, _actor).IsTypeOf(v => v is Actor a && a.Kind == kind);
                ActorFields(t);
                foreach (var (name, isDate, kinds, description) in s_attributeFields)
                {
                    if (kinds.Contains(kind))
                    {
                        t.Field(name, isDate ? _partialDate : Scalars.String, f => f
                            .Description(description)
                            .Resolve(c => AttributeValue((Actor)c.Source!, name, isDate)));
                    }
                }

                foreach (var (field, rule, direction) in TypedFields(kind))
                {
                    t.Field(field, Connection("Relationship", _relationship), f => TypedRelationshipField(f, field, rule, direction));
                }
            });
        }
    }

    private static string KindDescriptionsFor(NodeKind kind) => KindDescriptions.Of(kind) + " Typed relationship fields list only the relationships its kind can have.";

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

    private void ActorFields<TSelf>(ComplexTypeBuilder<TSelf> t)
        where TSelf : ComplexTypeBuilder<TSelf>
    {
        t.Field("id", Scalars.ID.NonNull(), f => f.Description("Opaque global id; use it with `node`/`nodes`.").Resolve(c => GlobalId.ForActor((Actor)c.Source!)))
            .Field("actorId", Scalars.String.NonNull(), f => f.Description("Stable readable id `kind:slug`, e.g. `state:north-korea`; accepted wherever an actor is asked for.").Resolve(c => ((Actor)c.Source!).Id.Value))
            .Field("kind", _actorKind.NonNull(), f => f.Description("Its kind.").Resolve(c => ((Actor)c.Source!).Kind))
            .Field("name", Scalars.String.NonNull(), f => f.Description("Display name: the caption in every client.").Resolve(c => ((Actor)c.Source!).Name))
            .Field("aliases", Types.NonNullList(Scalars.String), f => f.Description("Other names it goes by (DPRK, Pyongyang, ...); any of them finds it.").Resolve(c => ((Actor)c.Source!).Aliases))
            .Field("description", Scalars.String, f => f.Description("One line saying who or what it is.").Resolve(c => ((Actor)c.Source!).Description))
            .Field("attributes", Types.NonNullList(_actorAttribute), f => f.Description("Every fact recorded about it, by name, as text.").Resolve(c => ((Actor)c.Source!).Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToList()))
            .Field("relationships", Connection("Relationship", _relationship), f =>
            {
                f.Description("Its relationships, filtered, in the store's order (type, then date, then the other actor). Each edge says which way it points from this actor (`direction`) and the actor at the far end (`other`).");
                FilterArguments(f, withDirection: true);
                PageArguments(f);
                f.Resolve(Run(async c =>
                {
                    var actor = (Actor)c.Source!;
                    var filter = Args.Filter(c);
                    var all = await GraphRequestContext.Of(c).Relationships(c).LoadAsync(actor.Id).ConfigureAwait(false) ?? [];
                    var matching = all.Where(r => filter.Matches(r) && filter.AllowsDirection(r, actor.Id)).Select(r => new RelationshipView(r, actor.Id)).ToList();
                    return Paging.Page(matching, Args.Int(c, "first"), Args.String(c, "after"));
                }));
            })
            .Field("degree", Scalars.Int.NonNull(), f => f
                .Description("How many relationships it has, both directions.")
                .Resolve(Run(async c =>
                {
                    var actor = (Actor)c.Source!;
                    var all = await GraphRequestContext.Of(c).Relationships(c).LoadAsync(actor.Id).ConfigureAwait(false);
                    return all?.Count ?? 0;
                })));
    }

    private void TypedRelationshipField(FieldBuilder f, string field, RelationshipRule rule, Direction direction)
    {
        var description = direction switch
        {
            Direction.Outgoing => $"`{rule.Name}` edges from this actor: it {rule.Meaning} the other end ({rule.Describe()}).",
            Direction.Incoming => $"`{rule.Name}` edges to this actor: the other end {rule.Meaning} it ({rule.Describe()}).",
            _ => $"`{rule.Name}` edges either way ({rule.Meaning}; symmetric, stored once).",
        };
        f.Description(description);
        FilterArguments(f, withDirection: false, withTypes: false);
        PageArguments(f);
        var basis = new RelationshipFilter { Types = new HashSet<RelationshipType> { rule.Type }, Direction = direction };
        f.Resolve(Run(async c =>
        {
            var actor = (Actor)c.Source!;
            var filter = Args.Filter(c, basis);
            var all = await GraphRequestContext.Of(c).Relationships(c).LoadAsync(actor.Id).ConfigureAwait(false) ?? [];
            var matching = all.Where(r => filter.Matches(r) && filter.AllowsDirection(r, actor.Id)).Select(r => new RelationshipView(r, actor.Id)).ToList();
            return Paging.Page(matching, Args.Int(c, "first"), Args.String(c, "after"));
        }));
    }

    private void FilterArguments(FieldBuilder f, bool withDirection, bool withTypes = true, string fromName = "from", string toName = "to")
    {
        if (withTypes)
        {
            f.Argument("types", Types.List(_relationshipType.NonNull()), a => a.Description("Only edges of these types; all types when absent or empty."));
        }

        if (withDirection)
        {
            f.Argument("direction", _direction, a => a.Description("Which way edges are followed from the actor.").DefaultValue(Direction.Both));
        }

        f.Argument(fromName, _partialDate, a => a.Description("Start of a time window: only edges whose validity (validFrom..validTo) overlaps it; undated edges are then left out."))
            .Argument(toName, _partialDate, a => a.Description("End of a time window (its last day counts)."))
            .Argument("minConfidence", Scalars.Float, a => a.Description("Only edges whose best non-denying evidence has at least this confidence, 0..1."))
            .Argument("document", Scalars.ID, a => a.Description("Only edges with evidence from this document (`doc:slug` or the document's global id)."));
    }

    private static void PageArguments(FieldBuilder f, int defaultSize = Paging.DefaultPageSize)
    {
        f.Argument("first", Scalars.Int, a => a.Description($"Page size, 0..{Paging.MaxPageSize}.").DefaultValue(defaultSize))
            .Argument("after", Scalars.String, a => a.Description("Cursor after which the page starts (an edge's `cursor` or `pageInfo.endCursor`)."));
    }

    /// <summary>The connection type of a node type (<c>XConnection</c> with <c>XEdge</c>), created once.</summary>
    private NonNullType Connection(string name, NamedType nodeType)
    {
        if (!_connections.TryGetValue(name, out var connection))
        {
            var edge = new ObjectType(name + "Edge", t => t
                .Description($"One {name} of a page, with the cursor that points at it.")
                .Field("cursor", Scalars.String.NonNull(), f => f.Description("Opaque cursor of this item; pass it as `after` to continue after it.").Resolve(c => ((IConnectionEdge)c.Source!).Cursor))
                .Field("node", nodeType.NonNull(), f => f.Description($"The {name}.").Resolve(c => ((IConnectionEdge)c.Source!).Node)));
            connection = new ObjectType(name + "Connection", t => t
                .Description($"A page of {name} items (Relay cursor connection).")
                .Field("edges", Types.NonNullList(edge), f => f.Description("The items of the page with their cursors.").Resolve(c => ((IConnection)c.Source!).EdgeObjects))
                .Field("nodes", Types.NonNullList(nodeType), f => f.Description("The items of the page, without cursors.").Resolve(c => ((IConnection)c.Source!).NodeObjects))
                .Field("pageInfo", _pageInfo.NonNull(), f => f.Description("Where the page sits in the whole list.").Resolve(c => ((IConnection)c.Source!).PageInfo))
                .Field("totalCount", Scalars.Int.NonNull(), f => f.Description("How many items the whole list has.").Resolve(c => ((IConnection)c.Source!).TotalCount)));
            _connections[name] = connection;
        }

        return connection.NonNull();
    }

    private object? ResolveNodeType(object value, IResolveFieldContext context) => value switch
    {
        Actor actor => _kindTypes[actor.Kind],
        RelationshipView => _relationship,
        Document => _document,
        _ => null,
    };

    private static object? AttributeValue(Actor actor, string name, bool isDate)
    {
        if (!actor.Attributes.TryGetValue(name, out var text))
        {
            return null;
        }

        return isDate ? (PartialDate.TryParse(text, out var date) ? date : null) : text;
    }
}
