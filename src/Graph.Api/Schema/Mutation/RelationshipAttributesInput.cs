using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>RelationshipAttributesInput</c> input type: the facts an edge carries, and how they are read.</summary>
internal static class RelationshipAttributesInput
{
    /// <summary>The attributes an input gives, each checked; problems are recorded on the input.</summary>
    public static EdgeAttributes Read(InputReader input)
    {
        var attributes = EdgeAttributes.None;
        foreach (var name in EdgeAttributes.FieldNames)
        {
            var value = input.Value(name);
            if (value is null)
            {
                continue;
            }

            var text = value switch
            {
                PartialDate date => date.ToString(),
                double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString()!.Trim(),
            };
            attributes = input.Try(name, () => attributes.With(name, text)) ?? attributes;
        }

        input.Try("validTo", () =>
        {
            attributes.Validate();
            return true;
        });
        return attributes;
    }

    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("RelationshipAttributesInput", t => t
        .Description("Facts an edge carries, where the text gives them.")
        .Field("validFrom", Types.Ref("PartialDate"), f => f.Description("When it began or took effect."))
        .Field("validTo", Types.Ref("PartialDate"), f => f.Description("When it ended; not before validFrom."))
        .Field("personnel", Scalars.String, f => f.Description("What was sent: `workers`, `troops`."))
        .Field("count", Scalars.Float, f => f.Description("An exact whole number >= 0."))
        .Field("countMin", Scalars.Float, f => f.Description("Low end of a range, a whole number >= 0."))
        .Field("countMax", Scalars.Float, f => f.Description("High end of a range, not below countMin."))
        .Field("amount", Scalars.Float, f => f.Description("A sum of money >= 0."))
        .Field("amountMin", Scalars.Float, f => f.Description("Low end of a range of sums."))
        .Field("amountMax", Scalars.Float, f => f.Description("High end of a range of sums, not below amountMin."))
        .Field("currency", Scalars.String, f => f.Description("ISO 4217 code, e.g. `USD`."))
        .Field("period", Scalars.String, f => f.Description("What an amount is per: `month`, `year`."))
        .Field("casualties", Scalars.String, f => f.Description("Casualties as the source states them."))
        .Field("note", Scalars.String, f => f.Description("Anything else the source says about it.")));
}
