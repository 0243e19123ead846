using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>ActorAttributeInput</c> input type: one fact about an actor as text.</summary>
internal static class ActorAttributeInput
{
    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("ActorAttributeInput", t => t
        .Description("One fact about an actor as text.")
        .Field("name", Scalars.String.NonNull(), f => f.Description("The attribute's name, camelCase letters and digits (e.g. `countryCode`)."))
        .Field("value", Scalars.String.NonNull(), f => f.Description("Its value, e.g. `KP`; dates as ISO 8601 (`2017-12-22`).")));
}
