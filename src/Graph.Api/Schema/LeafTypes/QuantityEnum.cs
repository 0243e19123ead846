using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>Quantity</c> enum: the quantities whose figures may conflict.</summary>
public static class QuantityEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("Quantity", e => e
        .Description("A quantity an edge can carry, whose figures two sources may give differently.")
        .Value("COUNT", "count", v => v.Description("A number of people or things (count, countMin, countMax), e.g. workers sent."))
        .Value("AMOUNT", "amount", v => v.Description("A sum of money (amount, amountMin, amountMax) with its currency and period.")));
}
