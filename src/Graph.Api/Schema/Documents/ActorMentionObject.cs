using Graph.Extraction.Mentions;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Documents;

/// <summary>The <c>ActorMention</c> object type: where a document's text names an actor of the graph.</summary>
internal static class ActorMentionObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<NameMatch>("ActorMention", t => t
        .Description("A place where a document's text names an actor of the graph by its name or one of its aliases.")
        .Field("actor", Types.Ref("Actor").NonNull(), "The actor named.", m => m.Actor)
        .Field("start", Scalars.Int.NonNull(), "Offset of the name's first character in the document text (UTF-16 code units, as evidence offsets).", m => m.Start)
        .Field("end", Scalars.Int.NonNull(), "Offset just past the name's last character.", m => m.End)
        .Field("text", Scalars.String.NonNull(), "The name as the text writes it: the text from start to end.", m => m.Text));
}
