using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;
using static Graph.GraphQL.Type.Types;
using L = Graph.GraphQL.Type.DirectiveLocation;

namespace Graph.GraphQL.Tests.KitchenSink;

/// <summary>
/// tools/graphql-js/kitchen-sink.graphql built code-first with our engine: every feature of the
/// type system, resolved by <see cref="KitchenSinkResolvers"/> over kitchen-sink-data.json.
/// Types are listed in the SDL's order so that both schemas list them alike.
/// </summary>
public static class KitchenSinkSchema
{
    /// <summary>The schema's description, as the SDL's block string reads after dedenting.</summary>
    public const string Description =
        "The kitchen-sink schema of the differential tests.\n\n" +
        "It uses every feature of the type system once or more, and its data\n" +
        "(kitchen-sink-data.json) is resolved by one convention shared by\n" +
        "graphql-js and our engine (see resolvers.mjs).";

    private const string CharacterDescription =
        "A person or machine of the saga.\n\n" +
        "    Indented lines are kept as written,\n" +
        "and \"quotes\", back\\slashes and \"\"\"triple quotes\"\"\" survive printing.";

    private const string FriendsDescription = "The friends, the first ones only when `first` is given.";

    private static Dictionary<string, object?> Tag(string name) => new() { ["name"] = name };

    /// <summary>Builds the schema over the given data.</summary>
    public static GraphQLSchema Build(KitchenSinkData data)
    {
        // Every field resolves by the one convention.
        Action<FieldBuilder> R(Action<FieldBuilder>? configure = null) => field =>
        {
            field.Resolve(context => KitchenSinkResolvers.Resolve(context, data));
            configure?.Invoke(field);
        };

        var tag = new DirectiveDefinition("tag", d => d
            .Description("A label for grouping schema elements; it may be applied many times.")
            .Argument("name", NonNull(Scalars.String))
            .Repeatable()
            .Locations(L.SCHEMA, L.SCALAR, L.OBJECT, L.FIELD_DEFINITION, L.ARGUMENT_DEFINITION, L.INTERFACE, L.UNION,
                L.ENUM, L.ENUM_VALUE, L.INPUT_OBJECT, L.INPUT_FIELD_DEFINITION));
        var trace = new DirectiveDefinition("trace", d => d
            .Description("Marks a part of an operation for tracing.\nBeing repeatable, it may appear several times at one location.")
            .Argument("label", Scalars.String, a => a.Description("Shown in the trace.").DefaultValue("default"))
            .Argument("level", Scalars.Int)
            .Repeatable()
            .Locations(L.QUERY, L.MUTATION, L.SUBSCRIPTION, L.FIELD, L.FRAGMENT_DEFINITION, L.FRAGMENT_SPREAD,
                L.INLINE_FRAGMENT, L.VARIABLE_DEFINITION));
        var cached = new DirectiveDefinition("cached", d => d
            .Description("Asks for a cached value; at most once per location.")
            .Argument("ttl", NonNull(Scalars.Int))
            .Argument("scope", Ref("CacheScope"), a => a.DefaultValue("PUBLIC"))
            .Locations(L.QUERY, L.FIELD));

        var cacheScope = new EnumType("CacheScope", e => e
            .Description("Who may share a cached value.")
            .Value("PUBLIC")
            .Value("PRIVATE"));

        var date = KitchenSinkResolvers.CustomScalar("Date", KitchenSinkResolvers.DatePattern(),
            "A calendar date written YYYY-MM-DD.", "https://tools.ietf.org/html/rfc3339");
        var url = KitchenSinkResolvers.CustomScalar("Url", KitchenSinkResolvers.UrlPattern(),
            "An absolute URL starting with http:// or https://.", "https://url.spec.whatwg.org/");
        var cursor = KitchenSinkResolvers.CustomScalar("Cursor", KitchenSinkResolvers.CursorPattern(), null, null);

        var node = new InterfaceType("Node", t => t
            .Description("An object with a global identifier.")
            .Field("id", NonNull(Scalars.ID), R())
            .ResolveType(KitchenSinkResolvers.ResolveType));
        var named = new InterfaceType("Named", t => t
            .Description("Something with a name.")
            .Field("name", NonNull(Scalars.String), R())
            .ResolveType(KitchenSinkResolvers.ResolveType));
        var character = new InterfaceType("Character", t => t
            .Description(CharacterDescription)
            .Implements(Ref("Node"), Ref("Named"))
            .Directive("tag", Tag("cast"))
            .Field("id", NonNull(Scalars.ID), R())
            .Field("name", NonNull(Scalars.String), R())
            .Field("friends", List(Ref("Character")), R(f => f.Description(FriendsDescription).Argument("first", Scalars.Int)))
            .Field("appearsIn", NonNull(List(NonNull(Ref("Episode")))), R())
            .Field("nickname", Scalars.String, R(f => f.Deprecated("Use `name`.")))
            .ResolveType(KitchenSinkResolvers.ResolveType));
        var vehicle = new InterfaceType("Vehicle", t => t
            .Implements(Ref("Node"), Ref("Named"))
            .Field("id", NonNull(Scalars.ID), R())
            .Field("name", NonNull(Scalars.String), R())
            .Field("length", Scalars.Float, R(f => f.Argument("unit", Ref("LengthUnit"), a => a.DefaultValue("METER"))))
            .ResolveType(KitchenSinkResolvers.ResolveType));

        var human = new ObjectType("Human", t => t
            .Implements(Ref("Character"), Ref("Node"), Ref("Named"))
            .Directive("tag", Tag("people"))
            .Directive("tag", Tag("cast"))
            .Field("id", NonNull(Scalars.ID), R())
            .Field("name", NonNull(Scalars.String), R())
            .Field("friends", List(Ref("Character")), R(f => f.Description(FriendsDescription).Argument("first", Scalars.Int)))
            .Field("appearsIn", NonNull(List(NonNull(Ref("Episode")))), R())
            .Field("nickname", Scalars.String, R(f => f.Deprecated("Use `name`.")))
            .Field("homePlanet", Scalars.String, R())
            .Field("height", Scalars.Float, R(f => f.Argument("unit", Ref("LengthUnit"), a => a.DefaultValue("METER"))))
            .Field("starships", List(Ref("Starship")), R())
            .Field("born", Ref("Date"), R())
            .Field("profile", Ref("Url"), R())
            .Field("mass", Scalars.Float, R(f => f.Deprecated())));
        var droid = new ObjectType("Droid", t => t
            .Implements(Ref("Character"), Ref("Node"), Ref("Named"))
            .Field("id", NonNull(Scalars.ID), R())
            .Field("name", NonNull(Scalars.String), R())
            .Field("friends", List(Ref("Character")), R(f => f.Description(FriendsDescription).Argument("first", Scalars.Int)))
            .Field("appearsIn", NonNull(List(NonNull(Ref("Episode")))), R())
            .Field("nickname", Scalars.String, R(f => f.Deprecated("Use `name`.")))
            .Field("primaryFunction", Scalars.String, R())
            .Field("serial", NonNull(Scalars.Int), R(f => f.Description("Null for one droid: selecting it nulls that droid."))));
        var starship = new ObjectType("Starship", t => t
            .Implements(Ref("Vehicle"), Ref("Node"), Ref("Named"))
            .Field("id", NonNull(Scalars.ID), R())
            .Field("name", NonNull(Scalars.String), R())
            .Field("length", Scalars.Float, R(f => f.Argument("unit", Ref("LengthUnit"), a => a.DefaultValue("METER"))))
            .Field("coordinates", List(NonNull(List(NonNull(Scalars.Float)))), R())
            .Field("pilots", List(NonNull(Ref("Human"))), R()));

        var searchResult = new UnionType("SearchResult", u => u
            .Description("Anything a search can find.")
            .Directive("tag", Tag("search"))
            .Types(Ref("Human"), Ref("Droid"), Ref("Starship"))
            .ResolveType(KitchenSinkResolvers.ResolveType));
        var pilot = new UnionType("Pilot", u => u
            .Types(Ref("Human"), Ref("Droid"))
            .ResolveType(KitchenSinkResolvers.ResolveType));

        var episode = new EnumType("Episode", e => e
            .Description("The films of the saga.")
            .Value("NEWHOPE", v => v.Description("Released in 1977."))
            .Value("EMPIRE")
            .Value("JEDI")
            .Value("HOLIDAY_SPECIAL", v => v.Deprecated("Not canon.")));
        var lengthUnit = new EnumType("LengthUnit", e => e
            .Value("METER")
            .Value("FOOT", v => v.Deprecated()));

        var reviewInput = new InputObjectType("ReviewInput", i => i
            .Description("A review of a film.")
            .Directive("tag", Tag("reviews"))
            .Field("stars", NonNull(Scalars.Int))
            .Field("commentary", Scalars.String)
            .Field("tags", List(NonNull(Scalars.String)), f => f.DefaultValue(new List<object?>()))
            .Field("episode", Ref("Episode"), f => f.DefaultValue("JEDI"))
            .Field("comment", Scalars.String, f => f.Description("Replaced by `commentary`.").Deprecated("Use `commentary`.")));
        var searchBy = new InputObjectType("SearchBy", i => i
            .Description("Exactly one way to search.")
            .OneOf()
            .Field("id", Scalars.ID)
            .Field("name", Scalars.String)
            .Field("episode", Ref("Episode"))
            .Field("near", Ref("PointInput")));
        var pointInput = new InputObjectType("PointInput", i => i
            .Field("x", NonNull(Scalars.Float))
            .Field("y", NonNull(Scalars.Float), f => f.DefaultValue(0)));
        var complexInput = new InputObjectType("ComplexInput", i => i
            .Description("Every kind of input field.")
            .Field("string", Scalars.String)
            .Field("int", Scalars.Int, f => f.DefaultValue(7))
            .Field("float", Scalars.Float)
            .Field("boolean", NonNull(Scalars.Boolean))
            .Field("id", Scalars.ID)
            .Field("enum", Ref("Episode"))
            .Field("date", Ref("Date"))
            .Field("list", List(Scalars.Int))
            .Field("nonNullList", NonNull(List(NonNull(Scalars.String))), f => f.DefaultValue(new List<object?> { "a" }))
            .Field("matrix", List(List(Scalars.Int)))
            .Field("point", Ref("PointInput"), f => f.DefaultValue(new Dictionary<string, object?> { ["x"] = 1.5 }))
            .Field("nested", Ref("ComplexInput"))
            .Field("by", Ref("SearchBy")));

        var query = new ObjectType("Query", t => t
            .Field("hero", Ref("Character"), R(f => f.Description("The hero of a film.")
                .Argument("episode", Ref("Episode"), a => a.DefaultValue("NEWHOPE"))))
            .Field("node", Ref("Node"), R(f => f.Argument("id", NonNull(Scalars.ID))))
            .Field("human", Ref("Human"), R(f => f.Argument("id", NonNull(Scalars.ID))))
            .Field("droid", Ref("Droid"), R(f => f.Argument("id", NonNull(Scalars.ID))))
            .Field("starship", Ref("Starship"), R(f => f.Argument("id", NonNull(Scalars.ID))))
            .Field("characters", NonNull(List(NonNull(Ref("Character")))), R())
            .Field("vehicles", List(Ref("Vehicle")), R())
            .Field("search", List(Ref("SearchResult")), R(f => f.Argument("text", NonNull(Scalars.String))))
            .Field("pilots", List(Ref("Pilot")), R())
            .Field("scalars", Ref("Scalars"), R())
            .Field("nulls", Ref("NullSink"), R())
            .Field("sink", NonNull(Ref("NullSink")), R())
            .Field("echoScalars", Scalars.String, R(f => f
                .Description("Returns its arguments as JSON.")
                .Argument("int", Scalars.Int)
                .Argument("float", Scalars.Float)
                .Argument("string", Scalars.String)
                .Argument("boolean", Scalars.Boolean)
                .Argument("id", Scalars.ID)
                .Argument("date", Ref("Date"))
                .Argument("url", Ref("Url"))
                .Argument("cursor", Ref("Cursor"))))
            .Field("echoDefaults", Scalars.String, R(f => f
                .Argument("int", Scalars.Int, a => a.DefaultValue(42))
                .Argument("float", Scalars.Float, a => a.DefaultValue(1.5))
                .Argument("string", Scalars.String, a => a.DefaultValue("hi \"there\""))
                .Argument("boolean", Scalars.Boolean, a => a.DefaultValue(true))
                .Argument("id", Scalars.ID, a => a.DefaultValue("x1"))
                .Argument("episode", Ref("Episode"), a => a.DefaultValue("JEDI"))
                .Argument("list", List(Scalars.Int), a => a.DefaultValue(new List<object?> { 1, 2 }))
                .Argument("episodes", List(NonNull(Ref("Episode"))), a => a.DefaultValue(new List<object?> { "NEWHOPE", "EMPIRE" }))
                .Argument("review", Ref("ReviewInput"), a => a.DefaultValue(new Dictionary<string, object?>
                {
                    ["stars"] = 5,
                    ["tags"] = new List<object?> { "great" },
                }))
                .Argument("date", Ref("Date"), a => a.DefaultValue("2020-01-31"))
                .Argument("nothing", Scalars.String, a => a.DefaultValue(null))))
            .Field("echoRequired", Scalars.String, R(f => f
                .Argument("required", NonNull(Scalars.String))
                .Argument("withDefault", NonNull(Scalars.Int), a => a.DefaultValue(3))
                .Argument("nullable", Scalars.Int)))
            .Field("echoList", Scalars.String, R(f => f
                .Argument("ints", List(Scalars.Int))
                .Argument("strict", NonNull(List(NonNull(Scalars.Int))))
                .Argument("matrix", List(List(NonNull(Scalars.Int))))
                .Argument("episodes", List(Ref("Episode")))))
            .Field("echoEnum", Scalars.String, R(f => f
                .Argument("episode", Ref("Episode"))
                .Argument("unit", Ref("LengthUnit"))))
            .Field("echoInput", Scalars.String, R(f => f.Argument("input", Ref("ComplexInput"))))
            .Field("echoReview", Scalars.String, R(f => f.Argument("review", NonNull(Ref("ReviewInput")))))
            .Field("echoOneOf", Scalars.String, R(f => f.Argument("by", NonNull(Ref("SearchBy")))))
            .Field("echoDeprecated", Scalars.String, R(f => f
                .Argument("old", Scalars.String, a => a.Description("Replaced by `new`.").Deprecated("Use `new`."))
                .Argument("new", Scalars.String))));

        var scalars = new ObjectType("Scalars", t =>
        {
            t.Description("Scalar values of every kind, some not representable.");
            foreach (var (name, type) in new (string, GraphQLType)[]
            {
                ("int", Scalars.Int), ("float", Scalars.Float), ("floatFromInt", Scalars.Float), ("string", Scalars.String),
                ("unicode", Scalars.String), ("boolean", Scalars.Boolean), ("id", Scalars.ID), ("idFromInt", Scalars.ID),
                ("date", Ref("Date")), ("url", Ref("Url")), ("cursor", Ref("Cursor")), ("episode", Ref("Episode")),
                ("badInt", Scalars.Int), ("bigInt", Scalars.Int), ("badEnum", Ref("Episode")), ("badDate", Ref("Date")),
                ("badUrl", Ref("Url")), ("ints", List(Scalars.Int)), ("badInts", List(Scalars.Int)), ("notAList", List(Scalars.Int)),
            })
            {
                t.Field(name, type, R());
            }
        });

        var nullSink = new ObjectType("NullSink", t =>
        {
            t.Description("Values arranged to exercise null propagation.");
            foreach (var (name, type) in new (string, GraphQLType)[]
            {
                ("int", Scalars.Int),
                ("nullInt", Scalars.Int),
                ("nonNullNull", NonNull(Scalars.Int)),
                ("throws", Scalars.Int),
                ("nonNullThrows", NonNull(Scalars.Int)),
                ("list", List(Scalars.Int)),
                ("listNonNullItems", List(NonNull(Scalars.Int))),
                ("nonNullList", NonNull(List(Scalars.Int))),
                ("nonNullListNonNullItems", NonNull(List(NonNull(Scalars.Int)))),
                ("nonNullListNull", NonNull(List(Scalars.Int))),
                ("matrix", List(List(NonNull(Scalars.Int)))),
                ("matrixStrict", List(NonNull(List(NonNull(Scalars.Int))))),
                ("matrixLoose", NonNull(List(NonNull(List(Scalars.Int))))),
                ("leaves", List(Ref("Leaf"))),
                ("leavesStrict", List(NonNull(Ref("Leaf")))),
                ("leavesStrictAll", NonNull(List(NonNull(Ref("Leaf"))))),
                ("leaf", Ref("Leaf")),
                ("leafNonNull", NonNull(Ref("Leaf"))),
                ("leafThrows", Ref("Leaf")),
                ("self", Ref("NullSink")),
                ("selfNonNull", NonNull(Ref("NullSink"))),
                ("characters", List(Ref("Character"))),
                ("untypedCharacter", Ref("Character")),
                ("wrongTypeCharacter", Ref("Character")),
            })
            {
                t.Field(name, type, R());
            }
        });

        var leaf = new ObjectType("Leaf", t => t
            .Field("id", NonNull(Scalars.Int), R())
            .Field("name", Scalars.String, R())
            .Field("must", NonNull(Scalars.String), R())
            .Field("child", Ref("Leaf"), R())
            .Field("children", List(NonNull(Ref("Leaf"))), R()));

        var mutation = new ObjectType("Mutation", t => t
            .Field("increment", NonNull(Scalars.Int), R(f => f
                .Description("Adds `by` to a counter that starts at 0 for each operation, and returns it.")
                .Argument("by", NonNull(Scalars.Int), a => a.DefaultValue(1))))
            .Field("echoReview", Scalars.String, R(f => f
                .Argument("episode", Ref("Episode"), a => a.DefaultValue("JEDI"))
                .Argument("review", NonNull(Ref("ReviewInput")))))
            .Field("failing", Scalars.Int, R())
            .Field("failingNonNull", NonNull(Scalars.Int), R())
            .Field("hero", Ref("Character"), R(f => f.Argument("episode", Ref("Episode"), a => a.DefaultValue("NEWHOPE")))));

        var subscription = new ObjectType("Subscription", t => t
            .Field("reviewAdded", Scalars.String, R(f => f.Argument("episode", Ref("Episode"))))
            .Field("tick", NonNull(Scalars.Int), R()));

        return new GraphQLSchema(
            query,
            mutation,
            subscription,
            types:
            [
                cacheScope, date, url, cursor, node, named, character, vehicle, human, droid, starship, searchResult, pilot,
                episode, lengthUnit, reviewInput, searchBy, pointInput, complexInput, query, scalars, nullSink, leaf,
                mutation, subscription,
            ],
            directives: [tag, trace, cached],
            description: Description);
    }

    /// <summary>
    /// The same schema built by our BuildSchema from kitchen-sink.graphql, with the same resolvers on
    /// every field, abstract type and custom scalar: a second path through the engine.
    /// </summary>
    public static GraphQLSchema BuildFromSdl(string sdl, KitchenSinkData data)
    {
        // A first build lists the fields, so that the second can give each one the resolver.
        var shape = BuildSchema.FromSdl(sdl);
        return BuildSchema.FromSdl(sdl, resolvers =>
        {
            foreach (var type in shape.Types)
            {
                if (type is ComplexType complex && !type.Name.StartsWith("__", StringComparison.Ordinal))
                {
                    foreach (var field in complex.Fields)
                    {
                        resolvers.Resolve(type.Name, field.Name, context => KitchenSinkResolvers.Resolve(context, data));
                    }
                }

                if (type is InterfaceType or UnionType)
                {
                    resolvers.ResolveType(type.Name, KitchenSinkResolvers.ResolveType);
                }
            }

            resolvers
                .Scalar(KitchenSinkResolvers.CustomScalar("Date", KitchenSinkResolvers.DatePattern(),
                    "A calendar date written YYYY-MM-DD.", "https://tools.ietf.org/html/rfc3339"))
                .Scalar(KitchenSinkResolvers.CustomScalar("Url", KitchenSinkResolvers.UrlPattern(),
                    "An absolute URL starting with http:// or https://.", "https://url.spec.whatwg.org/"))
                .Scalar(KitchenSinkResolvers.CustomScalar("Cursor", KitchenSinkResolvers.CursorPattern(), null, null));
        });
    }

    /// <summary>The minimal second schema of the corpus: only a query type (for the operation-type rule).</summary>
    public static GraphQLSchema BuildQueryOnly() =>
        new(new ObjectType("Query", t => t.Field("hello", Scalars.String, _ => "world")));
}
