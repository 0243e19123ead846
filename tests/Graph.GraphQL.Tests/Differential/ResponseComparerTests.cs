using System.Text.Json;

namespace Graph.GraphQL.Tests.Differential;

public sealed class ResponseComparerTests
{
    private static IReadOnlyList<string> Compare(string ours, string theirs) =>
        ResponseComparer.Differences(JsonDocument.Parse(ours).RootElement, JsonDocument.Parse(theirs).RootElement);

    [Fact]
    public void Equal_responses_agree_and_numbers_compare_by_value()
    {
        Assert.Empty(Compare(
            """{"errors":[{"message":"a","locations":[{"line":1,"column":2}],"path":["x",0]}],"data":{"x":[1.0,null]}}""",
            """{"data":{"x":[1,null]},"errors":[{"message":"other words","path":["x",0],"locations":[{"line":1,"column":2}]}]}"""));
    }

    [Fact]
    public void Key_order_values_and_data_presence_are_differences()
    {
        Assert.Single(Compare("""{"data":{"a":1,"b":2}}""", """{"data":{"b":2,"a":1}}"""));
        Assert.Single(Compare("""{"data":{"a":"x"}}""", """{"data":{"a":"y"}}"""));
        Assert.Single(Compare("""{"data":{"a":[1]}}""", """{"data":{"a":[1,2]}}"""));
        Assert.Single(Compare("""{"data":null}""", """{"errors":[]}"""));
        Assert.Contains("<json>.b", Compare("""{"data":{"e":"{\"b\":1}"}}""", """{"data":{"e":"{\"b\":2}"}}""")[0]);
    }

    [Fact]
    public void Error_count_paths_and_locations_must_match_in_any_order()
    {
        var one = """{"errors":[{"message":"m","locations":[{"line":1,"column":3}],"path":["a"]}]}""";
        Assert.NotEmpty(Compare(one, """{"errors":[]}"""));
        Assert.NotEmpty(Compare(one, """{"errors":[{"message":"m","locations":[{"line":1,"column":4}],"path":["a"]}]}"""));
        Assert.NotEmpty(Compare(one, """{"errors":[{"message":"m","locations":[{"line":1,"column":3}],"path":["b"]}]}"""));
        Assert.NotEmpty(Compare(one, """{"errors":[{"message":"m","locations":[{"line":1,"column":3}]}]}"""));
        Assert.Empty(Compare(
            """{"errors":[{"message":"1","path":["a"]},{"message":"2","path":["b"]}]}""",
            """{"errors":[{"message":"2","path":["b"]},{"message":"1","path":["a"]}]}"""));
    }
}
