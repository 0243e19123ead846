using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Relationships;

/// <summary>The <c>RelationshipAttributes</c> object type: the facts an edge (or one evidence) carries.</summary>
internal static class RelationshipAttributesObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<EdgeAttributes>("RelationshipAttributes", t => t
        .Description("Facts an edge carries where the text gives them: when, what was sent, how many, how much. On a relationship they are what every source agrees on; on an evidence, what that one source says.")
        .Field("validFrom", Types.Ref("PartialDate"), "When it began or took effect.", a => a.ValidFrom)
        .Field("validTo", Types.Ref("PartialDate"), "When it ended.", a => a.ValidTo)
        .Field("personnel", Scalars.String, "What was sent: `workers`, `troops`.", a => a.Personnel)
        .Field("count", Scalars.Float, "An exact number (people, items). A Float so that large figures are never cut.", a => (double?)a.Count)
        .Field("countMin", Scalars.Float, "Low end of a range of numbers.", a => (double?)a.CountMin)
        .Field("countMax", Scalars.Float, "High end of a range of numbers.", a => (double?)a.CountMax)
        .Field("amount", Scalars.Float, "A sum of money, in `currency` per `period`.", a => (double?)a.Amount)
        .Field("amountMin", Scalars.Float, "Low end of a range of sums.", a => (double?)a.AmountMin)
        .Field("amountMax", Scalars.Float, "High end of a range of sums.", a => (double?)a.AmountMax)
        .Field("currency", Scalars.String, "ISO 4217 code of the amounts, e.g. `USD`.", a => a.Currency)
        .Field("period", Scalars.String, "What an amount is per: `month`, `year`.", a => a.Period)
        .Field("casualties", Scalars.String, "Casualties as the source states them.", a => a.Casualties)
        .Field("note", Scalars.String, "Anything else the source says about it.", a => a.Note));
}
