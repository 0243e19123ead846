using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Execution;

public sealed class SourceResolverTests
{
    private sealed record Book(string Title, int Pages, Book? Sequel);

    private static GraphQLSchema Schema() => new(new ObjectType("Query", t => t
        .Field("book", Types.Ref("Book"), f => f.Resolve(_ => new Book("Dune", 412, new Book("Dune Messiah", 256, null))))
        .Field("books", Types.List(Types.Ref("Book")), f => f.Resolve(_ => new[] { new Book("A", 1, null), new Book("B", 2, null) }))),
        types: [new ObjectType("Book", t => t
            .Field("title", Types.NonNull(Scalars.String), f => f.ResolveFromSource(s => ((Book)s!).Title.ToUpperInvariant()))
            .Field("pages", Scalars.Int, f => f.ResolveFromSource(s => ((Book)s!).Pages))
            .Field("sequel", Types.Ref("Book"), f => f.ResolveFromSource(s => ((Book)s!).Sequel))
            .Field("broken", Scalars.String, f => f.ResolveFromSource(_ => throw new InvalidOperationException("no")))
            .Field("brokenRequired", Types.NonNull(Scalars.String), f => f.ResolveFromSource(_ => null))
            .IsTypeOf<Book>())]);

    [Fact]
    public async Task Source_resolvers_resolve_leaves_and_objects()
    {
        Assert.Equal(
            """{"data":{"book":{"title":"DUNE","pages":412,"sequel":{"title":"DUNE MESSIAH","sequel":null},"__typename":"Book"}}}""",
            await Run.Json(Schema(), "{ book { title pages sequel { title sequel { title } } __typename } }"));
    }

    [Fact]
    public async Task Source_resolver_errors_carry_path_and_location_and_propagate_null()
    {
        Assert.Equal(
            """{"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":17}],"path":["books",0,"broken"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},""" +
            """{"message":"Unexpected error.","locations":[{"line":1,"column":17}],"path":["books",1,"broken"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":""" +
            """{"books":[{"title":"A","broken":null},{"title":"B","broken":null}]}}""",
            await Run.Json(Schema(), "{ books { title broken } }"));
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Book.brokenRequired.","locations":[{"line":1,"column":10}],"path":["book","brokenRequired"]}],"data":{"book":null}}""",
            await Run.Json(Schema(), "{ book { brokenRequired } }"));
    }
}
