using Graph.GraphQL.Tests.Execution;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Tests.Type;

public sealed class TypedObjectTypeTests
{
    private sealed record Author(string Name, Book[] Books);

    private sealed record Book(string Title, int Pages, Author? Author);

    private sealed record Film(string Title, int Minutes);

    private static readonly Author s_herbert = CreateHerbert();

    private static Author CreateHerbert()
    {
        var books = new Book[2];
        var author = new Author("Frank Herbert", books);
        books[0] = new Book("Dune", 412, author);
        books[1] = new Book("Dune Messiah", 256, author);
        return author;
    }

    // Book and Author refer to each other by name: no field waits to be assigned, the schema resolves the names.
    private static GraphQLSchema Schema() => new(
        new ObjectType("Query", t => t
            .Field("author", Types.Ref("Author"), f => f.Resolve(_ => s_herbert))
            .Field("works", Types.NonNullList(Types.Ref("Work")), f => f.Resolve(_ => new object[] { s_herbert.Books[0], new Film("Dune", 155) }))),
        types:
        [
            InterfaceType.Create<object>("Work", t => t
                .Field("title", Scalars.String.NonNull())
                .ResolveType(value => value switch
                {
                    Book => "Book",
                    Film => "Film",
                    _ => null,
                })),
            ObjectType.Create<Author>("Author", t => t
                .Description("Writes books.")
                .Field("name", Scalars.String.NonNull(), "The author's name.", a => a.Name)
                .Field("books", Types.NonNullList(Types.Ref("Book")), f => f
                    .Argument("longerThan", Scalars.Int, a => a.DefaultValue(0))
                    .Resolve((a, c) => a.Books.Where(b => b.Pages > c.GetArgument("longerThan", 0)).ToArray()))),
            ObjectType.Create<Book>("Book", t => t
                .Implements(Types.Ref("Work"))
                .IsTypeOf()
                .Field("title", Scalars.String.NonNull(), null, b => b.Title)
                .Field("pages", Scalars.Int.NonNull(), null, b => b.Pages)
                .Field("shout", Scalars.String.NonNull(), f => f.Resolve(async (b, c) =>
                {
                    await Task.Yield();
                    return (object?)(b.Title.ToUpperInvariant() + "!");
                }))
                .Field("author", Types.Ref("Author").NonNull(), null, b => b.Author)),
            ObjectType.Create<Film>("Film", t => t
                .Implements(Types.Ref("Work"))
                .Field("title", Scalars.String.NonNull(), null, f => f.Title)
                .Field("minutes", Scalars.Int.NonNull(), f => f.Description("Running time.").Resolve(f => f.Minutes))),
        ]);

    [Fact]
    public async Task Typed_resolvers_receive_the_parent_as_its_type()
    {
        Assert.Equal(
            """{"data":{"author":{"name":"Frank Herbert","books":[{"title":"Dune","pages":412,"author":{"name":"Frank Herbert"}},{"title":"Dune Messiah","pages":256,"author":{"name":"Frank Herbert"}}]}}}""",
            await Run.Json(Schema(), "{ author { name books { title pages author { name } } } }"));
    }

    [Fact]
    public async Task Typed_resolvers_with_context_read_arguments()
    {
        Assert.Equal(
            """{"data":{"author":{"books":[{"title":"Dune"}]}}}""",
            await Run.Json(Schema(), "{ author { books(longerThan: 300) { title } } }"));
    }

    [Fact]
    public async Task Asynchronous_typed_resolvers_are_awaited()
    {
        Assert.Equal(
            """{"data":{"author":{"books":[{"shout":"DUNE!"},{"shout":"DUNE MESSIAH!"}]}}}""",
            await Run.Json(Schema(), "{ author { books { shout } } }"));
    }

    [Fact]
    public async Task Typed_interfaces_and_is_type_of_resolve_runtime_types()
    {
        Assert.Equal(
            """{"data":{"works":[{"__typename":"Book","title":"Dune","pages":412},{"__typename":"Film","title":"Dune","minutes":155}]}}""",
            await Run.Json(Schema(), "{ works { __typename title ... on Book { pages } ... on Film { minutes } } }"));
    }

    [Fact]
    public void Typed_types_print_like_untyped_ones()
    {
        var printed = SchemaPrinter.Print(Schema());
        Assert.Contains("\"\"\"Writes books.\"\"\"\ntype Author {\n  \"\"\"The author's name.\"\"\"\n  name: String!\n  books(longerThan: Int = 0): [Book!]!\n}", printed);
        Assert.Contains("type Book implements Work {", printed);
        Assert.Contains("\"\"\"Running time.\"\"\"\n  minutes: Int!", printed);
    }

    [Fact]
    public async Task A_parent_of_another_type_is_a_field_error_not_a_crash()
    {
        var schema = new GraphQLSchema(
            new ObjectType("Query", t => t.Field("book", Types.Ref("Book"), f => f.Resolve(_ => "not a book"))),
            types: [ObjectType.Create<Book>("Book", t => t.Field("title", Scalars.String, null, b => b.Title))]);
        var result = await Run.Async(schema, "{ book { title } }");
        Assert.Single(result.Errors!);
        Assert.Equal(["book", "title"], result.Errors![0].Path!);
    }

    [Fact]
    public void An_unknown_type_reference_is_reported_when_the_schema_is_built()
    {
        var error = Assert.Throws<SchemaValidationException>(() => new GraphQLSchema(
            new ObjectType("Query", t => t.Field("book", Types.Ref("Book"), f => f.Resolve(_ => null)))));
        Assert.Contains(error.Errors, e => e.Contains("\"Book\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Typed_interface_resolve_type_ignores_values_of_other_types()
    {
        var iface = InterfaceType.Create<Book>("Titled", t => t.ResolveType(_ => "Book"));
        _ = iface.Fields; // configuration runs on first use
        Assert.Null(iface.ResolveType!("a string", null!));
    }
}
