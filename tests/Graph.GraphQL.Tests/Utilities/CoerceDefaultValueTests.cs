using System.Text.Json;
using Graph.GraphQL.Language;
using Graph.GraphQL.Tests.Execution;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Tests.Utilities;

public sealed class CoerceDefaultValueTests
{
    private enum Shade
    {
        Light,
        Dark,
    }

    // input Point { x: Float!, y: Float! = 0 }; echo(point: Point = {x: 1.5}) returns its arguments as JSON.
    private static GraphQLSchema CodeFirstSchema(Action<InputValueBuilder> pointDefault)
    {
        var point = new InputObjectType("Point", i => i
            .Field("x", Types.NonNull(Scalars.Float))
            .Field("y", Types.NonNull(Scalars.Float), f => f.DefaultValue(0)));
        return new GraphQLSchema(new ObjectType("Query", t => t
            .Field("echo", Scalars.String, f => f
                .Argument("point", point, pointDefault)
                .Resolve(ctx => JsonSerializer.Serialize(ctx.Arguments)))));
    }

    private static async Task<string> Echo(GraphQLSchema schema, string query = "{ echo }", IReadOnlyDictionary<string, object?>? variables = null)
    {
        var json = JsonDocument.Parse(await Run.Json(schema, query, variables));
        return json.RootElement.GetProperty("data").GetProperty("echo").GetString()!;
    }

    [Fact]
    public async Task Code_first_default_gains_the_defaults_of_nested_input_fields_at_execution()
    {
        var schema = CodeFirstSchema(a => a.DefaultValue(new Dictionary<string, object?> { ["x"] = 1.5 }));
        Assert.Equal("""{"point":{"x":1.5,"y":0}}""", await Echo(schema));
    }

    [Fact]
    public async Task Code_first_default_is_introspected_and_printed_as_given()
    {
        var schema = CodeFirstSchema(a => a.DefaultValue(new Dictionary<string, object?> { ["x"] = 1.5 }));
        var json = await Run.Json(schema, """{ __type(name: "Query") { fields { args { defaultValue } } } }""");
        Assert.Contains("\"defaultValue\":\"{ x: 1.5 }\"", json, StringComparison.Ordinal);
        Assert.Contains("echo(point: Point = { x: 1.5 }): String", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Literal_default_is_printed_as_written_and_coerced_at_execution()
    {
        var schema = CodeFirstSchema(a => a.DefaultValueLiteral(Parser.ParseValue("{x: 2}")));
        Assert.Equal("""{"point":{"x":2,"y":0}}""", await Echo(schema));
        Assert.Contains("echo(point: Point = { x: 2 }): String", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdl_default_is_printed_as_written_and_coerced_at_execution()
    {
        var schema = BuildSchema.FromSdl(
            """
            input Point { x: Float!, y: Float! = 0, tags: [String!] = "one" }
            type Query { echo(point: Point = {x: 1.5}): String }
            """,
            r => r.Resolve("Query", "echo", ctx => JsonSerializer.Serialize(ctx.Arguments)));
        Assert.Equal("""{"point":{"x":1.5,"y":0,"tags":["one"]}}""", await Echo(schema));
        Assert.Contains("echo(point: Point = { x: 1.5 }): String", SchemaPrinter.Print(schema), StringComparison.Ordinal);
        Assert.Contains("tags: [String!] = \"one\"", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_fill_in_inside_lists_and_for_fields_the_client_leaves_out()
    {
        var point = new InputObjectType("Point", i => i
            .Field("x", Types.NonNull(Scalars.Float))
            .Field("y", Types.NonNull(Scalars.Float), f => f.DefaultValue(0)));
        var shape = new InputObjectType("Shape", i => i
            .Field("corners", Types.List(point), f => f.DefaultValue(new List<object?> { new Dictionary<string, object?> { ["x"] = 1 } })));
        var schema = new GraphQLSchema(new ObjectType("Query", t => t
            .Field("echo", Scalars.String, f => f
                .Argument("shape", shape)
                .Resolve(ctx => JsonSerializer.Serialize(ctx.Arguments)))));
        Assert.Equal("""{"shape":{"corners":[{"x":1,"y":0}]}}""", await Echo(schema, "{ echo(shape: {}) }"));
        Assert.Equal("""{"shape":{"corners":[{"x":1,"y":0}]}}""", await Echo(schema, "query ($s: Shape) { echo(shape: $s) }", new Dictionary<string, object?> { ["s"] = new Dictionary<string, object?>() }));
    }

    [Fact]
    public async Task Code_first_leaves_are_kept_as_the_internal_values_given()
    {
        var shade = new EnumType("Shade", e => e.Value("LIGHT", Shade.Light).Value("DARK", Shade.Dark));
        object? seen = null;
        var schema = new GraphQLSchema(new ObjectType("Query", t => t
            .Field("paint", Scalars.String, f => f
                .Argument("shade", shade, a => a.DefaultValue(Shade.Dark))
                .Resolve(ctx => (seen = ctx.Arguments["shade"])?.ToString()))));
        await Run.Json(schema, "{ paint }");
        Assert.Equal(Shade.Dark, seen);
        Assert.Contains("paint(shade: Shade = DARK): String", SchemaPrinter.Print(schema), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_that_fill_each_other_in_a_cycle_are_refused_when_the_schema_is_built()
    {
        var errors = Assert.Throws<SchemaValidationException>(() => BuildSchema.FromSdl(
            """
            input A { b: B = {} }
            input B { a: A = {} }
            type Query { f(a: A): String }
            """)).Errors;
        Assert.Contains(errors, e => e.StartsWith("Invalid circular reference. The default value of Input Object field A.b references itself", StringComparison.Ordinal));
    }
}
