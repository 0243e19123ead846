using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Relationships;

/// <summary>The arguments that filter edges (types, direction, time window, confidence, document), read by <see cref="Args.Filter"/>.</summary>
internal static class RelationshipFilterArguments
{
    /// <summary>Adds the edge filter's arguments; the window's bounds may be renamed (<c>paths</c> uses <c>from</c>/<c>to</c> for its ends).</summary>
    public static FieldBuilder<T> FilterArguments<T>(this FieldBuilder<T> f, bool withDirection, bool withTypes = true, string fromName = "from", string toName = "to")
    {
        if (withTypes)
        {
            f.Argument("types", Types.List(Types.Ref("RelationshipType").NonNull()), a => a.Description("Only edges of these types; all types when absent or empty."));
        }

        if (withDirection)
        {
            f.Argument("direction", Types.Ref("Direction"), a => a.Description("Which way edges are followed from the actor.").DefaultValue(Core.Store.Direction.Both));
        }

        return f.Argument(fromName, Types.Ref("PartialDate"), a => a.Description("Start of a time window: only edges whose validity (validFrom..validTo) overlaps it; undated edges are then left out."))
            .Argument(toName, Types.Ref("PartialDate"), a => a.Description("End of a time window (its last day counts)."))
            .Argument("minConfidence", Scalars.Float, a => a.Description("Only edges whose best non-denying evidence has at least this confidence, 0..1."))
            .Argument("document", Scalars.ID, a => a.Description("Only edges with evidence from this document (`doc:slug` or the document's global id)."));
    }
}
