using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>
/// Rejects introspection queries that nest the list fields of __Type (fields, interfaces, possibleTypes,
/// inputFields) three or more levels deep: a cheap guard against introspection-based denial of service
/// (graphql-js recommended rule, part of its specified rules).
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxListsDepth = 3;

    public override VisitAction Enter(Node node)
    {
        if (node is FieldNode { Name.Value: "__schema" or "__type" } field
            && ExceedsDepth(field, new HashSet<string>(StringComparer.Ordinal), 0))
        {
            Context.ReportError("Maximum introspection depth exceeded", field);
            return VisitAction.SkipChildren;
        }

        return VisitAction.Continue;
    }

    private bool ExceedsDepth(Node node, HashSet<string> visitedFragments, int depth)
    {
        SelectionSetNode? selectionSet;
        switch (node)
        {
            case FragmentSpreadNode spread:
                {
                    var name = spread.Name.Value;
                    if (!visitedFragments.Add(name) || Context.GetFragment(name) is not { } fragment)
                    {
                        return false;
                    }

                    try
                    {
                        return ExceedsDepth(fragment, visitedFragments, depth);
                    }
                    finally
                    {
                        visitedFragments.Remove(name);
                    }
                }

            case FieldNode field:
                if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                {
                    return true;
                }

                selectionSet = field.SelectionSet;
                break;
            case InlineFragmentNode inline:
                selectionSet = inline.SelectionSet;
                break;
            case FragmentDefinitionNode definition:
                selectionSet = definition.SelectionSet;
                break;
            default:
                return false;
        }

        if (selectionSet is not null)
        {
            foreach (var child in selectionSet.Selections)
            {
                if (ExceedsDepth(child, visitedFragments, depth))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
