using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Operation Name Uniqueness (spec 5.2.1.1): no two operations share a name.</summary>
public sealed class UniqueOperationNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case OperationDefinitionNode { Name: { } name }:
                if (_known.TryGetValue(name.Value, out var first))
                {
                    Context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
                }
                else
                {
                    _known[name.Value] = name;
                }

                return VisitAction.SkipChildren;
            case OperationDefinitionNode or FragmentDefinitionNode:
                return VisitAction.SkipChildren;
            default:
                return VisitAction.Continue;
        }
    }
}
