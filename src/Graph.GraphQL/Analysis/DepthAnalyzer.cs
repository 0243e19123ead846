using System.Runtime.CompilerServices;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Analysis;

/// <summary>
/// Measures how deeply an operation nests fields, expanding fragment spreads. Each fragment is measured once and its
/// depth reused at every spread, so a fragment spread many times costs no more than one spread.
/// </summary>
public static class DepthAnalyzer
{
    /// <summary>The depth of the deepest field: root fields count 1, their children 2, and so on.</summary>
    public static int Measure(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, CancellationToken cancellationToken = default)
    {
        return new Walker(fragments, cancellationToken).Measure(operation.SelectionSet, 0);
    }

    private sealed class Walker(IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
        private readonly HashSet<string> _onPath = new(StringComparer.Ordinal);

        public int Measure(SelectionSetNode selectionSet, int depth)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            cancellationToken.ThrowIfCancellationRequested();
            var max = depth;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        max = Math.Max(max, field.SelectionSet is null ? depth + 1 : Measure(field.SelectionSet, depth + 1));
                        break;
                    case InlineFragmentNode inline:
                        max = Math.Max(max, Measure(inline.SelectionSet, depth));
                        break;
                    case FragmentSpreadNode spread:
                        max = Math.Max(max, depth + FragmentDepth(spread.Name.Value));
                        break;
                }
            }

            return max;
        }

        // The nesting a fragment adds where it is spread; a fragment already on the path is a cycle (validation rejects it) and adds nothing.
        private int FragmentDepth(string name)
        {
            if (_fragmentDepths.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !_onPath.Add(name))
            {
                return 0;
            }

            var depth = Measure(fragment.SelectionSet, 0);
            _onPath.Remove(name);
            _fragmentDepths[name] = depth;
            return depth;
        }
    }
}

/// <summary>
/// Counts aliased fields in an operation, expanding fragment spreads (a fragment spread twice counts twice); each
/// fragment is counted once and its count reused at every spread. Counts stop at <see cref="int.MaxValue"/>.
/// </summary>
public static class AliasAnalyzer
{
    /// <summary>The number of fields written with an alias.</summary>
    public static int Count(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, CancellationToken cancellationToken = default)
    {
        var counter = new ExpandedCounter(fragments, static field => field.Alias is not null, cancellationToken);
        return (int)Math.Min(int.MaxValue, counter.Count(operation.SelectionSet));
    }
}

/// <summary>
/// Counts the field selections of an operation as if every fragment spread were replaced by its fragment's selections
/// (a fragment spread ten times counts ten times): the size of the document a client's fragments fan out to. Each
/// fragment is counted once, so ten levels of ten spreads each are counted in microseconds, not expanded.
/// </summary>
public static class FieldCountAnalyzer
{
    /// <summary>The number of field selections once fragments are expanded, at most <see cref="long.MaxValue"/>.</summary>
    public static long Count(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, CancellationToken cancellationToken = default)
    {
        return new ExpandedCounter(fragments, static _ => true, cancellationToken).Count(operation.SelectionSet);
    }
}

/// <summary>Counts the fields matching a predicate with fragments expanded, memoizing each fragment's count (saturating).</summary>
internal sealed class ExpandedCounter(IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, Func<FieldNode, bool> counts, CancellationToken cancellationToken)
{
    private readonly Dictionary<string, long> _fragmentCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _onPath = new(StringComparer.Ordinal);

    public long Count(SelectionSetNode selectionSet)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        cancellationToken.ThrowIfCancellationRequested();
        long count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (counts(field))
                    {
                        count = Add(count, 1);
                    }

                    if (field.SelectionSet is not null)
                    {
                        count = Add(count, Count(field.SelectionSet));
                    }

                    break;
                case InlineFragmentNode inline:
                    count = Add(count, Count(inline.SelectionSet));
                    break;
                case FragmentSpreadNode spread:
                    count = Add(count, FragmentCount(spread.Name.Value));
                    break;
            }
        }

        return count;
    }

    private long FragmentCount(string name)
    {
        if (_fragmentCounts.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!fragments.TryGetValue(name, out var fragment) || !_onPath.Add(name))
        {
            return 0;
        }

        var count = Count(fragment.SelectionSet);
        _onPath.Remove(name);
        _fragmentCounts[name] = count;
        return count;
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
