using System.Text.Json;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Execution;

public sealed class OperationSelectionTests
{
    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t.Field("a", Scalars.String, _ => "x")));

    [Fact]
    public async Task Several_operations_without_a_name_are_refused()
    {
        var result = await Run.Async(s_schema, "query A { a } query B { a }");
        Assert.False(result.IsDataPresent);
        Assert.Equal("Must provide operation name if query contains multiple operations.", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Unknown_operation_name_is_refused()
    {
        var result = await Run.Async(s_schema, "query A { a }", operationName: "B");
        Assert.Equal("Unknown operation named \"B\".", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Named_operation_is_selected()
    {
        Assert.Equal("""{"data":{"b":"x"}}""", await Run.Json(s_schema, "query A { a } query B { b: a }", operationName: "B"));
    }

    [Fact]
    public async Task Document_without_operations_is_refused()
    {
        var result = await Run.Async(s_schema, "fragment F on Query { a }");
        Assert.Equal("Must provide an operation.", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Mutation_on_a_schema_without_mutations_is_refused()
    {
        var result = await Run.Async(s_schema, "mutation { a }");
        Assert.Equal("Schema is not configured to execute mutation operation.", Assert.Single(result.Errors!).Message);
    }
}

public sealed class VariableCoercionTests
{
    private static readonly InputObjectType s_input = new("TestInput", t => t
        .Field("a", Scalars.String)
        .Field("b", Types.List(Scalars.String))
        .Field("c", Types.NonNull(Scalars.String))
        .Field("d", Scalars.Int, f => f.DefaultValue(42)));

    private static readonly InputObjectType s_oneOf = new("Pick", t => t.OneOf().Field("id", Scalars.ID).Field("name", Scalars.String));

    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t
        .Field("echo", Scalars.String, f => f
            .Argument("input", s_input)
            .Argument("n", Scalars.Int)
            .Argument("list", Types.List(Scalars.Int))
            .Argument("pick", s_oneOf)
            .Resolve(ctx => JsonSerializer.Serialize(ctx.Arguments)))));

    private static Task<ExecutionResult> Run(string query, object? variables) =>
        Tests.Execution.Run.Async(s_schema, query, variables is null ? null : JsonValues(variables));

    private static IReadOnlyDictionary<string, object?> JsonValues(object variables) =>
        Graph.GraphQL.Utilities.JsonValues.ToDictionary(JsonSerializer.SerializeToElement(variables));

    [Fact]
    public async Task Required_variable_not_provided()
    {
        var result = await Run("query ($n: Int!) { echo(n: $n) }", new { });
        var error = Assert.Single(result.Errors!);
        Assert.Equal("Variable \"$n\" of required type \"Int!\" was not provided.", error.Message);
        Assert.Equal(1, error.Locations![0].Line);
        Assert.Equal(8, error.Locations[0].Column);
        Assert.False(result.IsDataPresent);
    }

    [Fact]
    public async Task Non_null_variable_given_null()
    {
        var result = await Run("query ($n: Int!) { echo(n: $n) }", new { n = (int?)null });
        Assert.Equal("Variable \"$n\" of non-null type \"Int!\" must not be null.", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Invalid_scalar_value()
    {
        var result = await Run("query ($n: Int) { echo(n: $n) }", new { n = "abc" });
        Assert.Equal("Variable \"$n\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\"", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Int_out_of_32_bit_range()
    {
        var result = await Run("query ($n: Int) { echo(n: $n) }", new { n = 4_000_000_000 });
        Assert.Equal("Variable \"$n\" got invalid value 4000000000; Int cannot represent non 32-bit signed integer value: 4000000000", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Input_object_errors_name_the_path_inside_the_value()
    {
        var result = await Run("query ($i: TestInput) { echo(input: $i) }", new { i = new { a = "x", b = new object[] { "y", 3 }, e = 1 } });
        Assert.Equal(
            [
                "Variable \"$i\" got invalid value 3 at \"i.b[1]\"; String cannot represent a non string value: 3",
                "Variable \"$i\" got invalid value { a: \"x\", b: [\"y\", 3], e: 1 }; Field \"c\" of required type \"String!\" was not provided.",
                "Variable \"$i\" got invalid value { a: \"x\", b: [\"y\", 3], e: 1 }; Field \"e\" is not defined by type \"TestInput\". Did you mean \"a\", \"b\", \"c\", or \"d\"?",
            ],
            result.Errors!.Select(e => e.Message));
    }

    [Fact]
    public async Task Input_object_defaults_and_single_values_coerce_to_lists()
    {
        var result = await Run("query ($i: TestInput, $l: [Int]) { echo(input: $i, list: $l) }", new { i = new { c = "z", b = "one" }, l = 7 });
        Assert.Null(result.Errors);
        Assert.Equal("""{"input":{"a":null,"b":["one"],"c":"z","d":42},"list":[7]}""".Replace("\"a\":null,", string.Empty, StringComparison.Ordinal), result.Data!["echo"]);
    }

    [Fact]
    public async Task OneOf_requires_exactly_one_non_null_field()
    {
        var two = await Run("query ($p: Pick) { echo(pick: $p) }", new { p = new { id = "1", name = "x" } });
        Assert.Equal("Variable \"$p\" got invalid value { id: \"1\", name: \"x\" }; Exactly one key must be specified for OneOf type \"Pick\".", Assert.Single(two.Errors!).Message);

        var nullField = await Run("query ($p: Pick) { echo(pick: $p) }", new { p = new { id = (string?)null } });
        Assert.Equal("Variable \"$p\" got invalid value null at \"p.id\"; Field \"id\" must be non-null.", Assert.Single(nullField.Errors!).Message);

        var one = await Run("query ($p: Pick) { echo(pick: $p) }", new { p = new { name = "x" } });
        Assert.Equal("""{"pick":{"name":"x"}}""", one.Data!["echo"]);
    }

    [Fact]
    public async Task Enum_variable_with_unknown_value_suggests()
    {
        var episode = new EnumType("Episode", "NEWHOPE", "EMPIRE", "JEDI");
        var schema = new GraphQLSchema(new ObjectType("Query", t => t.Field("e", Scalars.String, f => f.Argument("ep", episode).Resolve(ctx => ctx.Arguments["ep"]))));
        var result = await Tests.Execution.Run.Async(schema, "query ($e: Episode) { e(ep: $e) }", new Dictionary<string, object?> { ["e"] = "EMPRE" });
        Assert.Equal("Variable \"$e\" got invalid value \"EMPRE\"; Value \"EMPRE\" does not exist in \"Episode\" enum. Did you mean the enum value \"EMPIRE\"?", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Literal_arguments_and_defaults_are_coerced()
    {
        var result = await Run("{ echo(input: {c: \"q\", b: \"s\"}, list: [1, 2]) }", null);
        Assert.Equal("""{"input":{"b":["s"],"c":"q","d":42},"list":[1,2]}""", result.Data!["echo"]);
    }
}

public sealed class NullPropagationTests
{
    private sealed record Item(string? Name);

    private static readonly ObjectType s_item = new("Item", t => t
        .Field("name", Types.NonNull(Scalars.String))
        .Field("other", Scalars.String, _ => "ok"));

    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t
        .Field("nullable", s_item, _ => new Item(null))
        .Field("items", Types.List(Types.NonNull(s_item)), _ => new[] { new Item("a"), new Item(null) })
        .Field("loose", Types.List(s_item), _ => new[] { new Item("a"), new Item(null) })
        .Field("strict", Types.NonNull(s_item), _ => new Item(null))
        .Field("sibling", Scalars.String, _ => "still here")));

    [Fact]
    public async Task Null_in_non_null_field_nulls_the_nearest_nullable_parent()
    {
        var result = await Run.Async(s_schema, "{ nullable { other name } sibling }");
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Item.name.","locations":[{"line":1,"column":20}],"path":["nullable","name"]}],"data":{"nullable":null,"sibling":"still here"}}""", result.ToJson());
    }

    [Fact]
    public async Task Non_null_list_items_null_the_whole_list()
    {
        var result = await Run.Async(s_schema, "{ items { name } loose { name } }");
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Item.name.","locations":[{"line":1,"column":11}],"path":["items",1,"name"]},{"message":"Cannot return null for non-nullable field Item.name.","locations":[{"line":1,"column":26}],"path":["loose",1,"name"]}],"data":{"items":null,"loose":[{"name":"a"},null]}}""", result.ToJson());
    }

    [Fact]
    public async Task Non_null_root_field_nulls_data()
    {
        var result = await Run.Async(s_schema, "{ sibling strict { name } }");
        Assert.True(result.IsDataPresent);
        Assert.Null(result.Data);
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Item.name.","locations":[{"line":1,"column":20}],"path":["strict","name"]}],"data":null}""", result.ToJson());
    }
}

public sealed class ExecutionOrderTests
{
    [Fact]
    public async Task Mutation_fields_run_one_after_another_in_document_order()
    {
        var log = new List<string>();
        var mutation = new ObjectType("Mutation", t => t
            .Field("slow", Scalars.String, f => f.Resolve(async ctx =>
            {
                log.Add("slow start");
                await Task.Delay(50);
                log.Add("slow end");
                return (object?)"slow";
            }))
            .Field("fast", Scalars.String, f => f.Resolve(async ctx =>
            {
                log.Add("fast start");
                await Task.Yield();
                log.Add("fast end");
                return (object?)"fast";
            })));
        var schema = new GraphQLSchema(new ObjectType("Query", t => t.Field("a", Scalars.String)), mutation);

        var result = await Run.Async(schema, "mutation { first: slow second: fast third: slow }");

        Assert.Equal("""{"data":{"first":"slow","second":"fast","third":"slow"}}""", result.ToJson());
        Assert.Equal(["slow start", "slow end", "fast start", "fast end", "slow start", "slow end"], log);
    }

    [Fact]
    public async Task Query_fields_start_before_earlier_ones_finish()
    {
        // "waiter" can only finish once "signaller" has started: run one by one, this would time out.
        var signal = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var query = new ObjectType("Query", t => t
            .Field("waiter", Scalars.String, f => f.Resolve(async ctx => await signal.Task.WaitAsync(TimeSpan.FromSeconds(10))))
            .Field("signaller", Scalars.String, f => f.Resolve(ctx =>
            {
                signal.SetResult("released");
                return "signalled";
            })));
        var result = await Run.Async(new GraphQLSchema(query), "{ waiter signaller }");
        Assert.Equal("""{"data":{"waiter":"released","signaller":"signalled"}}""", result.ToJson());
    }

    [Fact]
    public async Task Timeout_stops_a_slow_request_with_a_clear_error()
    {
        var query = new ObjectType("Query", t => t
            .Field("slow", Scalars.String, f => f.Resolve(async ctx =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return (object?)"never";
            })));
        var result = await Run.Async(new GraphQLSchema(query), "{ slow }", timeout: TimeSpan.FromMilliseconds(100));
        var error = Assert.Single(result.Errors!);
        Assert.Equal("The request exceeded its timeout of 100 ms and was stopped.", error.Message);
        Assert.Equal("TIMEOUT", error.Extensions!["code"]);
    }
}

public sealed class DirectivesAndFragmentsTests
{
    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t
        .Field("a", Scalars.String, _ => "a")
        .Field("b", Scalars.String, _ => "b")
        .Field("c", Scalars.Int, _ => 3)));

    [Theory]
    [InlineData("{ a b @skip(if: true) }", """{"data":{"a":"a"}}""")]
    [InlineData("{ a b @include(if: false) }", """{"data":{"a":"a"}}""")]
    [InlineData("{ a b @include(if: true) @skip(if: true) }", """{"data":{"a":"a"}}""")]
    [InlineData("{ a ...F @skip(if: true) }  fragment F on Query { b }", """{"data":{"a":"a"}}""")]
    [InlineData("{ ... @include(if: true) { c } a }", """{"data":{"c":3,"a":"a"}}""")]
    [InlineData("{ b ...F a }  fragment F on Query { a c b }", """{"data":{"b":"b","a":"a","c":3}}""")]
    public async Task Skip_include_and_fragments_shape_the_response(string query, string expected)
    {
        Assert.Equal(expected, await Run.Json(s_schema, query));
    }

    [Fact]
    public async Task Skip_with_a_variable()
    {
        var json = await Run.Json(s_schema, "query ($s: Boolean!) { a b @skip(if: $s) }", new Dictionary<string, object?> { ["s"] = true });
        Assert.Equal("""{"data":{"a":"a"}}""", json);
    }
}

public sealed class DefaultResolverAndAbstractTypeTests
{
    public sealed class Person
    {
        public string Name { get; init; } = "";

        public int Age { get; init; }
    }

    private static readonly InterfaceType s_named = new("Named", t => t.Field("name", Scalars.String));
    private static readonly ObjectType s_person = new("Person", t => t.Implements(s_named).Field("name", Scalars.String).Field("age", Scalars.Int));
    private static readonly ObjectType s_pet = new("Pet", t => t.Implements(s_named).Field("name", Scalars.String).Field("species", Scalars.String));
    private static readonly UnionType s_any = new("Any", s_person, s_pet);

    private static GraphQLSchema Schema(object? value) => new(
        new ObjectType("Query", t => t
            .Field("named", Types.List(s_named), _ => value)
            .Field("any", Types.List(s_any), _ => value)),
        types: [s_person, s_pet]);

    [Fact]
    public async Task Dictionaries_resolve_by_key_and_typename()
    {
        var data = new[]
        {
            new Dictionary<string, object?> { ["__typename"] = "Person", ["name"] = "Ann", ["age"] = 31 },
            new Dictionary<string, object?> { ["__typename"] = "Pet", ["name"] = "Rex", ["species"] = "dog" },
        };
        var json = await Run.Json(Schema(data), "{ named { __typename name ... on Person { age } ... on Pet { species } } }");
        Assert.Equal("""{"data":{"named":[{"__typename":"Person","name":"Ann","age":31},{"__typename":"Pet","name":"Rex","species":"dog"}]}}""", json);
    }

    [Fact]
    public async Task Json_elements_resolve_by_property()
    {
        var data = JsonDocument.Parse("""[{"__typename":"Pet","name":"Tom","species":"cat"}]""").RootElement;
        var json = await Run.Json(Schema(data), "{ any { ... on Pet { name species } } }");
        Assert.Equal("""{"data":{"any":[{"name":"Tom","species":"cat"}]}}""", json);
    }

    [Fact]
    public async Task Clr_objects_resolve_by_property_and_class_name()
    {
        var json = await Run.Json(Schema(new[] { new Person { Name = "Bo", Age = 7 } }), "{ named { __typename name } any { ... on Person { age } } }");
        Assert.Equal("""{"data":{"named":[{"__typename":"Person","name":"Bo"}],"any":[{"age":7}]}}""", json);
    }

    [Fact]
    public async Task Unresolvable_abstract_type_is_a_field_error()
    {
        var result = await Run.Async(Schema(new[] { new Dictionary<string, object?> { ["name"] = "?" } }), "{ named { name } }");
        Assert.StartsWith("Abstract type \"Named\" must resolve to an Object type at runtime for field \"Query.named\".", Assert.Single(result.Errors!).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_list_for_list_field_is_a_field_error()
    {
        var result = await Run.Async(Schema(42), "{ named { name } }");
        Assert.Equal("Expected Iterable, but did not find one for field \"Query.named\".", Assert.Single(result.Errors!).Message);
    }
}

public sealed class CustomScalarTests
{
    private static readonly ScalarType s_date = new("Date", s => s
        .Description("A calendar date, ISO 8601.")
        .SpecifiedBy("https://www.rfc-editor.org/rfc/rfc3339")
        .Serialize(value => value is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : throw new ScalarCoercionException("Date cannot represent " + value))
        .ParseValue(value => value is string s && DateOnly.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : throw new ScalarCoercionException($"Date cannot represent \"{value}\": expected YYYY-MM-DD.")));

    private static readonly GraphQLSchema s_schema = new(new ObjectType("Query", t => t
        .Field("next", s_date, f => f.Argument("after", Types.NonNull(s_date)).Resolve(ctx => ctx.GetArgument<DateOnly>("after").AddDays(1)))));

    [Fact]
    public async Task Custom_scalar_parses_literals_and_variables_and_serializes()
    {
        Assert.Equal("""{"data":{"next":"2024-03-01"}}""", await Run.Json(s_schema, "{ next(after: \"2024-02-29\") }"));
        Assert.Equal("""{"data":{"next":"2025-01-01"}}""", await Run.Json(s_schema, "query ($d: Date!) { next(after: $d) }", new Dictionary<string, object?> { ["d"] = "2024-12-31" }));
    }

    [Fact]
    public async Task Custom_scalar_rejection_reaches_the_client()
    {
        var result = await Run.Async(s_schema, "query ($d: Date!) { next(after: $d) }", new Dictionary<string, object?> { ["d"] = "soon" });
        Assert.Equal("Variable \"$d\" got invalid value \"soon\"; Date cannot represent \"soon\": expected YYYY-MM-DD.", Assert.Single(result.Errors!).Message);
    }
}
