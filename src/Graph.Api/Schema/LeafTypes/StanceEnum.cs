using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>Stance</c> enum: how a source states an assertion.</summary>
public static class StanceEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("Stance", e => e
        .Description("How a source states what an evidence quotes.")
        .Value("ASSERTS", Stance.Asserts, v => v.Description("The source states it."))
        .Value("HEDGED", Stance.Hedged, v => v.Description("The source hedges: \"reportedly\", \"may have\", \"would violate\"."))
        .Value("DENIES", Stance.Denies, v => v.Description("The source denies it; a denial is kept as evidence on the same edge.")));
}
