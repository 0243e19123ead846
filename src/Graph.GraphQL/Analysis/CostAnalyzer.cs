using System.Runtime.CompilerServices;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Analysis;

/// <summary>
/// Estimates the cost of an operation in the spirit of IBM's GraphQL cost directives: each field costs its
/// <c>@cost</c> weight (else its type's weight; by default 1 for object-like types and 0 for leaves), plus the weight of
/// the arguments given; a list field multiplies its children's cost by its size: the value of the first
/// <c>@listSize</c> slicing argument given, else the assumed size, else <see cref="QueryLimits.DefaultListSize"/>.
/// Without <c>@listSize</c>, a field given one of the conventional slicing arguments (<c>first</c>, <c>last</c>,
/// <c>limit</c>: <see cref="QueryLimits.SlicingArguments"/>) is sized by it: a list field directly, and an object field
/// (a connection) through its list fields (<c>nodes</c>, <c>edges</c>), as <c>@listSize(sizedFields:)</c> would say.
/// Fragments on different types are all counted (an upper bound); each fragment is costed once per list size it is
/// spread under and reused; introspection meta-fields are free.
/// </summary>
public static class CostAnalyzer
{
    private static readonly string[] s_slicingArguments = ["first", "last", "limit"];

    /// <summary>The estimated cost of <paramref name="operation"/>.</summary>
    public static double Compute(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        int defaultListSize = 10,
        IReadOnlyList<string>? slicingArguments = null,
        CancellationToken cancellationToken = default)
    {
        var rootType = operation.Operation switch
        {
            OperationType.Mutation => schema.MutationType,
            OperationType.Subscription => schema.SubscriptionType,
            _ => schema.QueryType,
        };

        if (rootType is null)
        {
            return 0;
        }

        var walker = new Walker(schema, fragments, variables, defaultListSize, slicingArguments ?? s_slicingArguments, cancellationToken);
        return walker.SelectionSetCost(operation.SelectionSet, rootType, null);
    }

    // The size a connection's slicing argument gives to its list fields: all of them, or only the named ones.
    private readonly record struct SizedChildren(double Size, IReadOnlyList<string>? Names)
    {
        public bool Applies(string fieldName) => Names is not { Count: > 0 } names || names.Contains(fieldName);
    }

    private sealed class Walker(
        GraphQLSchema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        int defaultListSize,
        IReadOnlyList<string> slicingArguments,
        CancellationToken cancellationToken)
    {
        private readonly HashSet<string> _onPath = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Fragment, NamedType Parent, SizedChildren? Sized), double> _fragmentCosts = new();

        public double SelectionSetCost(SelectionSetNode selectionSet, NamedType parentType, SizedChildren? sized)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            cancellationToken.ThrowIfCancellationRequested();
            double total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        total += FieldCost(field, parentType, sized);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? parentType : schema.GetType(inline.TypeCondition.Name.Value) ?? parentType;
                        total += SelectionSetCost(inline.SelectionSet, inlineType, sized);
                        break;
                    case FragmentSpreadNode spread:
                        total += FragmentCost(spread.Name.Value, parentType, sized);
                        break;
                }
            }

            return total;
        }

        private double FragmentCost(string name, NamedType parentType, SizedChildren? sized)
        {
            var key = (name, parentType, sized);
            if (_fragmentCosts.TryGetValue(key, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !_onPath.Add(name))
            {
                return 0;
            }

            var cost = SelectionSetCost(fragment.SelectionSet, schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType, sized);
            _onPath.Remove(name);
            _fragmentCosts[key] = cost;
            return cost;
        }

        private double FieldCost(FieldNode node, NamedType parentType, SizedChildren? sized)
        {
            var name = node.Name.Value;
            if (name.StartsWith("__", StringComparison.Ordinal) || parentType is not ComplexType complex)
            {
                return 0;
            }

            var field = complex.GetField(name);
            if (field is null)
            {
                return 0;
            }

            var namedType = Types.GetNamedType(field.Type)!;
            var weight = field.Cost ?? TypeWeight(namedType) ?? (Types.IsLeafType(namedType) ? 0 : 1);
            foreach (var argumentNode in node.Arguments)
            {
                if (field.GetArgument(argumentNode.Name.Value) is { Cost: { } argumentCost })
                {
                    weight += argumentCost;
                }
            }

            if (node.SelectionSet is null)
            {
                return weight;
            }

            var slice = Slice(field, node);
            if (IsList(field.Type))
            {
                var size = slice
                    ?? (sized is { } parentSize && parentSize.Applies(name) ? parentSize.Size : (double?)null)
                    ?? field.ListSize?.AssumedSize
                    ?? defaultListSize;
                return weight + (size * SelectionSetCost(node.SelectionSet, namedType, null));
            }

            // An object field given a slicing argument is a connection: the size goes to its list fields.
            var children = slice is { } s ? new SizedChildren(s, field.ListSize?.SizedFields) : (SizedChildren?)null;
            return weight + SelectionSetCost(node.SelectionSet, namedType, children);
        }

        // The size the field's slicing argument asks for, when one is given.
        private double? Slice(FieldDefinition field, FieldNode node)
        {
            var names = field.ListSize is { SlicingArguments.Count: > 0 } listSize ? listSize.SlicingArguments : slicingArguments;
            var declared = false;
            foreach (var slicing in names)
            {
                if (field.GetArgument(slicing) is not null)
                {
                    declared = true;
                    break;
                }
            }

            if (!declared)
            {
                return null;
            }

            var arguments = ArgumentValues(field, node);
            foreach (var slicing in names)
            {
                if (arguments.TryGetValue(slicing, out var value) && value is not null && Scalars.TryGetNumber(value, out var number))
                {
                    return Math.Max(0, number);
                }
            }

            return null;
        }

        private IReadOnlyDictionary<string, object?> ArgumentValues(FieldDefinition field, FieldNode node)
        {
            try
            {
                return Values.CoerceArgumentValues(field.Arguments, node.Arguments, node, variables);
            }
            catch (Error.GraphQLError)
            {
                // Invalid arguments fail at execution; for cost, fall back to literal values where readable.
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var argument in node.Arguments)
                {
                    map[argument.Name.Value] = ValueFromAst.Untyped(argument.Value, variables);
                }

                return map;
            }
        }

        private static bool IsList(GraphQLType type) => Types.GetNullableType(type) is ListType;

        private static double? TypeWeight(NamedType type) => type switch
        {
            ComplexType complex => complex.Cost,
            ScalarType scalar => scalar.Cost,
            EnumType enumType => enumType.Cost,
            _ => null,
        };
    }
}
