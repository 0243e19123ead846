using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Target Defined (spec 5.5.2.1): every spread names a fragment defined in the document.</summary>
public sealed class KnownFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is FragmentSpreadNode spread && Context.GetFragment(spread.Name.Value) is null)
        {
            Context.ReportError($"Unknown fragment \"{spread.Name.Value}\".", spread.Name);
        }

        return VisitAction.Continue;
    }
}
