using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Fragment Name Uniqueness (spec 5.5.1.1): no two fragments share a name.</summary>
public sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case FragmentDefinitionNode fragment:
                var name = fragment.Name;
                if (_known.TryGetValue(name.Value, out var first))
                {
                    Context.ReportError($"There can be only one fragment named \"{name.Value}\".", first, name);
                }
                else
                {
                    _known[name.Value] = name;
                }

                return VisitAction.SkipChildren;
            case OperationDefinitionNode:
                return VisitAction.SkipChildren;
            default:
                return VisitAction.Continue;
        }
    }
}
