using System.Runtime.CompilerServices;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>
/// Fragment spreads must not form cycles (spec 5.5.2.2). Depth-first search over spreads, reporting each
/// cycle once with the spreads that form it.
/// </summary>
public sealed class NoFragmentCyclesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                return VisitAction.SkipChildren;
            case FragmentDefinitionNode fragment:
                DetectCycleRecursive(fragment);
                return VisitAction.SkipChildren;
            default:
                return VisitAction.Continue;
        }
    }

    private void DetectCycleRecursive(FragmentDefinitionNode fragment)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var fragmentName = fragment.Name.Value;
        if (!_visited.Add(fragmentName))
        {
            return;
        }

        var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                if (Context.GetFragment(spreadName) is { } spreadFragment)
                {
                    DetectCycleRecursive(spreadFragment);
                }
            }
            else
            {
                var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                var via = new List<string>(cyclePath.Count - 1);
                for (var i = 0; i < cyclePath.Count - 1; i++)
                {
                    via.Add("\"" + cyclePath[i].Name.Value + "\"");
                }

                var message = $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Count > 0 ? " via " + string.Join(", ", via) + "." : ".");
                Context.ReportError(message, cyclePath.ToArray());
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _spreadPathIndexByName.Remove(fragmentName);
    }
}
