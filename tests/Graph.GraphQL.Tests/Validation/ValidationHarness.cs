using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Type;
using Graph.GraphQL.Validation;

namespace Graph.GraphQL.Tests.Validation;

/// <summary>An expected validation error: the exact message and each location as (line, column).</summary>
internal sealed record ExpectedError(string Message, params (int Line, int Column)[] Locations);

/// <summary>
/// The schema the validation tests run against (pets, humans, aliens and argument-heavy fields, after the
/// graphql-js validation harness) and helpers to run one rule on a document.
/// </summary>
internal static class ValidationHarness
{
    public static GraphQLSchema TestSchema { get; } = BuildTestSchema();

    public static IReadOnlyList<GraphQLError> Validate(ValidationRuleFactory rule, string query, GraphQLSchema? schema = null) =>
        Validator.Validate(schema ?? TestSchema, Parser.Parse(query), [rule]);

    public static void ExpectValid(ValidationRuleFactory rule, string query, GraphQLSchema? schema = null)
    {
        var errors = Validate(rule, query, schema);
        Assert.True(errors.Count == 0, "Expected no errors, got: " + string.Join(" | ", errors.Select(e => e.Message)));
    }

    public static void ExpectErrors(ValidationRuleFactory rule, string query, params ExpectedError[] expected) =>
        ExpectErrorsWithSchema(rule, TestSchema, query, expected);

    public static void ExpectErrorsWithSchema(ValidationRuleFactory rule, GraphQLSchema schema, string query, params ExpectedError[] expected)
    {
        var errors = Validate(rule, query, schema);
        var actual = errors.Select(e => new ExpectedError(e.Message, e.LocationsOrEmpty.Select(l => (l.Line, l.Column)).ToArray())).ToList();
        Assert.True(
            expected.Length == actual.Count,
            $"Expected {expected.Length} errors, got {actual.Count}:\n" + string.Join("\n", actual.Select(Describe)));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Message, actual[i].Message);
            Assert.Equal(expected[i].Locations, actual[i].Locations);
        }
    }

    private static string Describe(ExpectedError error) =>
        error.Message + " @ " + string.Join(", ", error.Locations.Select(l => $"{l.Line}:{l.Column}"));

    private static GraphQLSchema BuildTestSchema()
    {
        Action<FieldBuilder> surname = f => f.Argument("surname", Scalars.Boolean);
        var being = new InterfaceType("Being", t => t.Field("name", Scalars.String, surname));
        var mammal = new InterfaceType("Mammal", t => t.Field("mother", Types.Ref("Mammal")).Field("father", Types.Ref("Mammal")));
        var pet = new InterfaceType("Pet", t => t.Implements(being).Field("name", Scalars.String, surname));
        var canine = new InterfaceType("Canine", t => t.Implements(mammal)
            .Field("name", Scalars.String, surname).Field("mother", Types.Ref("Canine")).Field("father", Types.Ref("Canine")));
        var dogCommand = new EnumType("DogCommand", "SIT", "HEEL", "DOWN");
        var furColor = new EnumType("FurColor", "BROWN", "BLACK", "TAN", "SPOTTED", "NO_FUR", "UNKNOWN");
        var dog = new ObjectType("Dog", t => t.Implements(being, pet, mammal, canine)
            .Field("name", Scalars.String, surname)
            .Field("nickname", Scalars.String)
            .Field("barkVolume", Scalars.Int)
            .Field("barks", Scalars.Boolean)
            .Field("doesKnowCommand", Scalars.Boolean, f => f.Argument("dogCommand", dogCommand))
            .Field("isHouseTrained", Scalars.Boolean, f => f.Argument("atOtherHomes", Scalars.Boolean, a => a.DefaultValue(true)))
            .Field("isAtLocation", Scalars.Boolean, f => f.Argument("x", Scalars.Int).Argument("y", Scalars.Int))
            .Field("mother", Types.Ref("Dog"))
            .Field("father", Types.Ref("Dog")));
        var cat = new ObjectType("Cat", t => t.Implements(being, pet)
            .Field("name", Scalars.String, surname)
            .Field("nickname", Scalars.String)
            .Field("meows", Scalars.Boolean)
            .Field("meowsVolume", Scalars.Int)
            .Field("furColor", furColor));
        var intelligent = new InterfaceType("Intelligent", t => t.Field("iq", Scalars.Int));
        var human = new ObjectType("Human", t => t.Implements(being, intelligent)
            .Field("name", Scalars.String, surname)
            .Field("pets", new ListType(pet))
            .Field("relatives", new NonNullType(new ListType(Types.Ref("Human"))))
            .Field("iq", Scalars.Int));
        var alien = new ObjectType("Alien", t => t.Implements(being, intelligent)
            .Field("name", Scalars.String, surname)
            .Field("numEyes", Scalars.Int)
            .Field("iq", Scalars.Int));
        var catOrDog = new UnionType("CatOrDog", cat, dog);
        var dogOrHuman = new UnionType("DogOrHuman", dog, human);
        var humanOrAlien = new UnionType("HumanOrAlien", human, alien);
        var complexInput = new InputObjectType("ComplexInput", t => t
            .Field("requiredField", new NonNullType(Scalars.Boolean))
            .Field("nonNullField", new NonNullType(Scalars.Boolean), f => f.DefaultValue(false))
            .Field("intField", Scalars.Int)
            .Field("stringField", Scalars.String)
            .Field("booleanField", Scalars.Boolean)
            .Field("stringListField", new ListType(Scalars.String)));
        var oneOfInput = new InputObjectType("OneOfInput", t => t.OneOf()
            .Field("stringField", Scalars.String)
            .Field("intField", Scalars.Int));
        var complicatedArgs = new ObjectType("ComplicatedArgs", t => t
            .Field("intArgField", Scalars.String, f => f.Argument("intArg", Scalars.Int))
            .Field("nonNullIntArgField", Scalars.String, f => f.Argument("nonNullIntArg", new NonNullType(Scalars.Int)))
            .Field("stringArgField", Scalars.String, f => f.Argument("stringArg", Scalars.String))
            .Field("booleanArgField", Scalars.String, f => f.Argument("booleanArg", Scalars.Boolean))
            .Field("enumArgField", Scalars.String, f => f.Argument("enumArg", furColor))
            .Field("floatArgField", Scalars.String, f => f.Argument("floatArg", Scalars.Float))
            .Field("idArgField", Scalars.String, f => f.Argument("idArg", Scalars.ID))
            .Field("stringListArgField", Scalars.String, f => f.Argument("stringListArg", new ListType(Scalars.String)))
            .Field("stringListNonNullArgField", Scalars.String, f => f.Argument("stringListNonNullArg", new ListType(new NonNullType(Scalars.String))))
            .Field("complexArgField", Scalars.String, f => f.Argument("complexArg", complexInput))
            .Field("oneOfArgField", Scalars.String, f => f.Argument("oneOfArg", oneOfInput))
            .Field("multipleReqs", Scalars.String, f => f.Argument("req1", new NonNullType(Scalars.Int)).Argument("req2", new NonNullType(Scalars.Int)))
            .Field("nonNullFieldWithDefault", Scalars.String, f => f.Argument("arg", new NonNullType(Scalars.Int), a => a.DefaultValue(0)))
            .Field("multipleOpts", Scalars.String, f => f.Argument("opt1", Scalars.Int, a => a.DefaultValue(0)).Argument("opt2", Scalars.Int, a => a.DefaultValue(0)))
            .Field("multipleOptAndReq", Scalars.String, f => f
                .Argument("req1", new NonNullType(Scalars.Int)).Argument("req2", new NonNullType(Scalars.Int))
                .Argument("opt1", Scalars.Int, a => a.DefaultValue(0)).Argument("opt2", Scalars.Int, a => a.DefaultValue(0))));
        var query = new ObjectType("QueryRoot", t => t
            .Field("human", human, f => f.Argument("id", Scalars.ID))
            .Field("alien", alien)
            .Field("dog", dog)
            .Field("cat", cat)
            .Field("pet", pet)
            .Field("being", being)
            .Field("catOrDog", catOrDog)
            .Field("dogOrHuman", dogOrHuman)
            .Field("humanOrAlien", humanOrAlien)
            .Field("complicatedArgs", complicatedArgs));
        var subscription = new ObjectType("SubscriptionRoot", t => t
            .Field("importantEmails", new ListType(Scalars.String))
            .Field("notImportantEmails", new ListType(Scalars.String))
            .Field("moreImportantEmails", new ListType(Scalars.String))
            .Field("spamEmails", new ListType(Scalars.String))
            .Field("deletedEmails", new ListType(Scalars.String))
            .Field("newMessage", Scalars.String));

        DirectiveDefinition On(string name, params DirectiveLocation[] locations) => new(name, d => d.Locations(locations));
        var directives = new[]
        {
            On("onQuery", DirectiveLocation.QUERY),
            On("onMutation", DirectiveLocation.MUTATION),
            On("onSubscription", DirectiveLocation.SUBSCRIPTION),
            On("onField", DirectiveLocation.FIELD),
            On("onFragmentDefinition", DirectiveLocation.FRAGMENT_DEFINITION),
            On("onFragmentSpread", DirectiveLocation.FRAGMENT_SPREAD),
            On("onInlineFragment", DirectiveLocation.INLINE_FRAGMENT),
            On("onVariableDefinition", DirectiveLocation.VARIABLE_DEFINITION),
            new DirectiveDefinition("directive", d => d.Locations(DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT)),
            new DirectiveDefinition("repeatable", d => d.Repeatable().Locations(DirectiveLocation.FIELD, DirectiveLocation.QUERY)),
            new DirectiveDefinition("required", d => d.Locations(DirectiveLocation.FIELD).Argument("arg1", new NonNullType(Scalars.Int)).Argument("arg2", Scalars.Int)),
        };

        return new GraphQLSchema(query, subscription: subscription, types: [dog, cat, human, alien, canine], directives: directives);
    }
}
