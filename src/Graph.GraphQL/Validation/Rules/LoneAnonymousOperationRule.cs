using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Lone Anonymous Operation (spec 5.2.2.1): an operation without a name must be the only operation.</summary>
public sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationRule(context)
{
    private int _operationCount;

    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case DocumentNode document:
                foreach (var definition in document.Definitions)
                {
                    if (definition is OperationDefinitionNode)
                    {
                        _operationCount++;
                    }
                }

                return VisitAction.Continue;
            case OperationDefinitionNode operation:
                if (operation.Name is null && _operationCount > 1)
                {
                    Context.ReportError("This anonymous operation must be the only defined operation.", operation);
                }

                return VisitAction.SkipChildren;
            case FragmentDefinitionNode:
                return VisitAction.SkipChildren;
            default:
                return VisitAction.Continue;
        }
    }
}
