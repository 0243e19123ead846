using System.Runtime.CompilerServices;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Analysis;

/// <summary>Measures how deeply an operation nests fields, expanding fragment spreads (each fragment is followed once per path).</summary>
public static class DepthAnalyzer
{
    /// <summary>The depth of the deepest field: root fields count 1, their children 2, and so on.</summary>
    public static int Measure(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        return Measure(operation.SelectionSet, fragments, 0, new HashSet<string>(StringComparer.Ordinal));
    }

    private static int Measure(SelectionSetNode selectionSet, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, int depth, HashSet<string> onPath)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var max = depth;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var fieldDepth = field.SelectionSet is null
                        ? depth + 1
                        : Measure(field.SelectionSet, fragments, depth + 1, onPath);
                    max = Math.Max(max, fieldDepth);
                    break;
                case InlineFragmentNode inline:
                    max = Math.Max(max, Measure(inline.SelectionSet, fragments, depth, onPath));
                    break;
                case FragmentSpreadNode spread:
                    // A fragment already on the current path is a cycle (validation rejects it); do not loop.
                    if (fragments.TryGetValue(spread.Name.Value, out var fragment) && onPath.Add(spread.Name.Value))
                    {
                        max = Math.Max(max, Measure(fragment.SelectionSet, fragments, depth, onPath));
                        onPath.Remove(spread.Name.Value);
                    }

                    break;
            }
        }

        return max;
    }
}

/// <summary>Counts aliased fields in an operation, expanding fragment spreads (a fragment spread twice counts twice).</summary>
public static class AliasAnalyzer
{
    /// <summary>The number of fields written with an alias.</summary>
    public static int Count(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        return Count(operation.SelectionSet, fragments, new HashSet<string>(StringComparer.Ordinal));
    }

    private static int Count(SelectionSetNode selectionSet, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, HashSet<string> onPath)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (field.Alias is not null)
                    {
                        count++;
                    }

                    if (field.SelectionSet is not null)
                    {
                        count += Count(field.SelectionSet, fragments, onPath);
                    }

                    break;
                case InlineFragmentNode inline:
                    count += Count(inline.SelectionSet, fragments, onPath);
                    break;
                case FragmentSpreadNode spread:
                    if (fragments.TryGetValue(spread.Name.Value, out var fragment) && onPath.Add(spread.Name.Value))
                    {
                        count += Count(fragment.SelectionSet, fragments, onPath);
                        onPath.Remove(spread.Name.Value);
                    }

                    break;
            }
        }

        return count;
    }
}
