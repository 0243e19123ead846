namespace Graph.GraphQL.Tests.KitchenSink;

public sealed class CanonicalJsonTests
{
    // Expected texts are what JavaScript's String(number) and JSON.stringify print.
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(3.0, "3")]
    [InlineData(-125.0, "-125")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.000123, "0.000123")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(123456789.5, "123456789.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.25e22, "1.25e+22")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Numbers_print_as_javascript_prints_them(double value, string expected) =>
        Assert.Equal(expected, CanonicalJson.NumberToString(value));

    [Fact]
    public void Maps_are_sorted_by_key_and_strings_escaped_like_json_stringify()
    {
        var value = new Dictionary<string, object?>
        {
            ["b"] = new List<object?> { 1, null, true, 2.5 },
            ["a"] = "q\"\\\n\u0001é\U0001F680",
            ["B"] = new Dictionary<string, object?>(),
        };

        Assert.Equal("{\"B\":{},\"a\":\"q\\\"\\\\\\n\\u0001é\U0001F680\",\"b\":[1,null,true,2.5]}", CanonicalJson.Write(value));
    }
}
