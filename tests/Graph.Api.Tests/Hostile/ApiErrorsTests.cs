using Graph.Api.Schema;
using Graph.Core.Errors;

namespace Graph.Api.Tests.Hostile;

/// <summary>A store part that cannot answer for now reaches the client as UNAVAILABLE, naming the part, with the store's message.</summary>
public sealed class ApiErrorsTests
{
    [Fact]
    public void An_unavailable_part_becomes_an_UNAVAILABLE_error_that_names_it()
    {
        var error = ApiErrors.From(new UnavailableException("textIndex", "Text search is unavailable: the full-text index is being filled."));

        Assert.Equal("Text search is unavailable: the full-text index is being filled.", error.Message);
        Assert.Equal(ApiErrors.Unavailable, error.Extensions!["code"]);
        Assert.Equal("textIndex", error.Extensions["part"]);
    }
}
