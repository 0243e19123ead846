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
/// Fragments on different types are all counted (an upper bound); introspection meta-fields are free.
/// </summary>
public static class CostAnalyzer
{
    /// <summary>The estimated cost of <paramref name="operation"/>.</summary>
    public static double Compute(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        int defaultListSize = 10)
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

        var walker = new Walker(schema, fragments, variables, defaultListSize);
        return walker.SelectionSetCost(operation.SelectionSet, rootType);
    }

    private sealed class Walker(GraphQLSchema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables, int defaultListSize)
    {
        private readonly HashSet<string> _onPath = new(StringComparer.Ordinal);

        public double SelectionSetCost(SelectionSetNode selectionSet, NamedType parentType)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            double total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        total += FieldCost(field, parentType);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? parentType : schema.GetType(inline.TypeCondition.Name.Value) ?? parentType;
                        total += SelectionSetCost(inline.SelectionSet, inlineType);
                        break;
                    case FragmentSpreadNode spread:
                        if (fragments.TryGetValue(spread.Name.Value, out var fragment) && _onPath.Add(spread.Name.Value))
                        {
                            total += SelectionSetCost(fragment.SelectionSet, schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType);
                            _onPath.Remove(spread.Name.Value);
                        }

                        break;
                }
            }

            return total;
        }

        private double FieldCost(FieldNode node, NamedType parentType)
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
            IReadOnlyDictionary<string, object?>? arguments = null;
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

            var childCost = SelectionSetCost(node.SelectionSet, namedType);
            var multiplier = 1.0;
            if (IsList(field.Type))
            {
                arguments = ArgumentValues(field, node);
                multiplier = ListSize(field, arguments);
            }

            return weight + (multiplier * childCost);
        }

        private double ListSize(FieldDefinition field, IReadOnlyDictionary<string, object?> arguments)
        {
            if (field.ListSize is { } listSize)
            {
                foreach (var slicing in listSize.SlicingArguments)
                {
                    if (arguments.TryGetValue(slicing, out var value) && value is not null && Scalars.TryGetNumber(value, out var number))
                    {
                        return Math.Max(0, number);
                    }
                }

                if (listSize.AssumedSize is { } assumed)
                {
                    return assumed;
                }
            }

            return defaultListSize;
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
