using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Actors;

/// <summary>The <c>ActorAttribute</c> object type: one fact about an actor as text.</summary>
internal static class ActorAttributeObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<KeyValuePair<string, string>>("ActorAttribute", t => t
        .Description("One fact about an actor as text (country code, role, date of adoption, ...). The kind-specific fields read the same facts with their types.")
        .Field("name", Scalars.String.NonNull(), "The attribute's name, e.g. `countryCode`.", a => a.Key)
        .Field("value", Scalars.String.NonNull(), "The attribute's value as the source gives it.", a => a.Value));
}
