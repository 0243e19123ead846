using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Fragments Must Be Used (spec 5.5.1.4): every fragment is used by some operation, directly or through fragments.</summary>
public sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationRule(context)
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case OperationDefinitionNode operation:
                _operations.Add(operation);
                return VisitAction.SkipChildren;
            case FragmentDefinitionNode fragment:
                _fragments.Add(fragment);
                return VisitAction.SkipChildren;
            default:
                return VisitAction.Continue;
        }
    }

    public override void Leave(Node node)
    {
        if (node is not DocumentNode)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in _operations)
        {
            foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.Name.Value);
            }
        }

        foreach (var fragment in _fragments)
        {
            if (!used.Contains(fragment.Name.Value))
            {
                Context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
            }
        }
    }
}
