using Graph.Core.Model;

namespace Graph.Core.Tests;

public sealed class EdgeAttributesTests
{
    private static readonly EdgeAttributes s_every = new()
    {
        ValidFrom = PartialDate.Parse("2024-10"),
        ValidTo = PartialDate.Parse("2025-01-31"),
        Personnel = "troops",
        Count = 13221,
        CountMin = 10000,
        CountMax = 15000,
        Amount = 800.5m,
        AmountMin = 700m,
        AmountMax = 1200.25m,
        Currency = "USD",
        Period = "month",
        Casualties = "hundreds",
        Note = "approximately",
    };

    [Fact]
    public void Text_fields_come_in_field_name_order_with_the_stored_form_of_each_value()
    {
        Assert.Equal(EdgeAttributes.FieldNames, s_every.TextFields().Select(f => f.Key));
        Assert.Equal(
            ["2024-10", "2025-01-31", "troops", "13221", "10000", "15000", "800.5", "700", "1200.25", "USD", "month", "hundreds", "approximately"],
            s_every.TextFields().Select(f => f.Value));
        Assert.Equal(s_every.TextFields(), s_every.ToText());
        Assert.Equal(s_every, EdgeAttributes.FromText(s_every.TextFields()));
    }

    [Fact]
    public void Each_field_alone_makes_the_attributes_non_empty_and_is_the_only_field_listed()
    {
        foreach (var (name, text) in s_every.TextFields())
        {
            var one = EdgeAttributes.None.With(name, text);
            Assert.False(one.IsEmpty, name);
            Assert.Equal([new KeyValuePair<string, string>(name, text)], one.TextFields());
            Assert.Equal([name], one.ToFields().Keys);
        }

        Assert.True(new EdgeAttributes().IsEmpty);
        Assert.Empty(EdgeAttributes.None.TextFields());
        Assert.Empty(EdgeAttributes.None.ToFields());
    }

    [Fact]
    public void Fields_keep_their_clr_types()
    {
        var fields = s_every.ToFields();
        Assert.IsType<PartialDate>(fields["validFrom"]);
        Assert.IsType<long>(fields["count"]);
        Assert.IsType<decimal>(fields["amount"]);
        Assert.IsType<string>(fields["note"]);
    }
}
