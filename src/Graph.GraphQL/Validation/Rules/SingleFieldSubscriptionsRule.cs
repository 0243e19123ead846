using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>
/// Single Root Field (spec 5.2.3.1): a subscription selects exactly one root field (after fragments and
/// @skip/@include with literal arguments are applied), and that field is not an introspection field.
/// </summary>
public sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return node is FragmentDefinitionNode ? VisitAction.SkipChildren : VisitAction.Continue;
        }

        if (operation.Operation != OperationType.Subscription || Context.Schema.SubscriptionType is not { } subscriptionType)
        {
            return VisitAction.SkipChildren;
        }

        var fields = new List<(string Key, List<FieldNode> Nodes)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        CollectFields(subscriptionType, operation.SelectionSet, fields, index, new HashSet<string>(StringComparer.Ordinal));

        var name = operation.Name?.Value;
        if (fields.Count > 1)
        {
            var extra = new List<Node>();
            for (var i = 1; i < fields.Count; i++)
            {
                extra.AddRange(fields[i].Nodes);
            }

            Context.ReportError(
                (name is null ? "Anonymous Subscription" : $"Subscription \"{name}\"") + " must select only one top level field.",
                extra.ToArray());
        }

        foreach (var (_, nodes) in fields)
        {
            if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Context.ReportError(
                    (name is null ? "Anonymous Subscription" : $"Subscription \"{name}\"") + " must not select an introspection top level field.",
                    nodes.ToArray());
            }
        }

        return VisitAction.SkipChildren;
    }

    private void CollectFields(
        ObjectType runtimeType,
        SelectionSetNode selectionSet,
        List<(string Key, List<FieldNode> Nodes)> fields,
        Dictionary<string, int> index,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseName;
                    if (index.TryGetValue(key, out var at))
                    {
                        fields[at].Nodes.Add(field);
                    }
                    else
                    {
                        index[key] = fields.Count;
                        fields.Add((key, [field]));
                    }

                    break;
                case InlineFragmentNode inline:
                    if (ConditionMatches(inline.TypeCondition, runtimeType))
                    {
                        CollectFields(runtimeType, inline.SelectionSet, fields, index, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    if (visitedFragments.Add(spread.Name.Value)
                        && Context.GetFragment(spread.Name.Value) is { } fragment
                        && ConditionMatches(fragment.TypeCondition, runtimeType))
                    {
                        CollectFields(runtimeType, fragment.SelectionSet, fields, index, visitedFragments);
                    }

                    break;
            }
        }
    }

    private bool ConditionMatches(NamedTypeNode? condition, ObjectType runtimeType)
    {
        if (condition is null)
        {
            return true;
        }

        var type = TypeFromAst.Get(Context.Schema, condition);
        if (ReferenceEquals(type, runtimeType))
        {
            return true;
        }

        return type is NamedType named && Types.IsAbstractType(named) && Context.Schema.IsSubType(named, runtimeType);
    }

    // Only literal conditions can be decided during validation; a variable condition keeps the selection.
    private static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "if" && argument.Value is BooleanValueNode condition && condition.Value == (name == "skip"))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
