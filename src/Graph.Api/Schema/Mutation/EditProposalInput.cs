using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>EditProposalInput</c> input type: changes to a pending proposal.</summary>
internal static class EditProposalInput
{
    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("EditProposalInput", t => t
        .Description("Changes to a pending proposal before deciding it; fields left out stay as they are.")
        .Field("id", Scalars.ID.NonNull(), f => f.Description("The proposal (`proposal:...`)."))
        .Field("type", Types.Ref("RelationshipType"), f => f.Description("Another relationship type; the ends must fit its rule."))
        .Field("from", Scalars.ID, f => f.Description("Another source actor: a global id, a readable id or a name of an actor in the graph."))
        .Field("to", Scalars.ID, f => f.Description("Another target actor, likewise."))
        .Field("start", Scalars.Int, f => f.Description("The quote's new start offset in the document text; the quote is re-read from the text."))
        .Field("end", Scalars.Int, f => f.Description("The quote's new end offset (exclusive)."))
        .Field("attributedTo", Scalars.ID, f => f.Description("Whom the document credits instead: an actor in the graph."))
        .Field("clearAttribution", Scalars.Boolean, f => f.Description("True to credit no one."))
        .Field("stance", Types.Ref("Stance"), f => f.Description("Asserts, hedged or denies.")));
}
