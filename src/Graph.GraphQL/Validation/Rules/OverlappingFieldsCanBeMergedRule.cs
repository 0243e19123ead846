using System.Runtime.CompilerServices;
using System.Text;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging (spec 5.3.2): fields with the same response name must be mergeable: the same field
/// with the same arguments (unless their parents are different object types), and compatible return types,
/// recursively through sub-selections and fragments.
/// </summary>
/// <remarks>
/// Follows the spec's SameResponseShape / FieldsInSetCanMerge as graphql-js implements it: the fields and
/// fragment names of each selection set are collected once and cached; fragment pairs and (field map, fragment)
/// pairs already compared are remembered, each with whether their parents were mutually exclusive, so each
/// comparison is made once.
/// </remarks>
public sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly PairSet<string> _comparedFragmentPairs = new();
    private readonly Dictionary<(FieldMap, string), bool> _comparedFieldsAndFragments = new();

    public override VisitAction Enter(Node node)
    {
        if (node is not SelectionSetNode selectionSet)
        {
            return VisitAction.Continue;
        }

        var conflicts = FindConflictsWithinSelectionSet(Context.ParentType, selectionSet);
        foreach (var conflict in conflicts)
        {
            var nodes = new Node[conflict.Fields1.Count + conflict.Fields2.Count];
            var n = 0;
            foreach (var f in conflict.Fields1)
            {
                nodes[n++] = f;
            }

            foreach (var f in conflict.Fields2)
            {
                nodes[n++] = f;
            }

            Context.ReportError(
                $"Fields \"{conflict.ResponseName}\" conflict because {ReasonMessage(conflict.Reason)}. Use different aliases on the fields to fetch both if this was intentional.",
                nodes);
        }

        return VisitAction.Continue;
    }

    private static string ReasonMessage(ConflictReason reason)
    {
        if (reason.Message is not null)
        {
            return reason.Message;
        }

        var builder = new StringBuilder();
        foreach (var sub in reason.SubReasons!)
        {
            if (builder.Length > 0)
            {
                builder.Append(" and ");
            }

            builder.Append("subfields \"").Append(sub.ResponseName).Append("\" conflict because ").Append(ReasonMessage(sub));
        }

        return builder.ToString();
    }

    // Conflicts among the fields of one selection set, its fragments, and between the fragments.
    private List<Conflict> FindConflictsWithinSelectionSet(GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap, fragmentNames) = GetFieldsAndFragmentNames(parentType, selectionSet);
        CollectConflictsWithin(conflicts, fieldMap);
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i]);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool areMutuallyExclusive, FieldMap fieldMap, string fragmentName)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        // A pair compared as not mutually exclusive also covers the exclusive case.
        if (_comparedFieldsAndFragments.TryGetValue((fieldMap, fragmentName), out var comparedExclusive)
            && (areMutuallyExclusive || !comparedExclusive))
        {
            return;
        }

        _comparedFieldsAndFragments[(fieldMap, fragmentName)] = areMutuallyExclusive;
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var (fieldMap2, referencedFragmentNames) = GetReferencedFieldsAndFragmentNames(fragment);
        if (ReferenceEquals(fieldMap, fieldMap2))
        {
            return;
        }

        CollectConflictsBetween(conflicts, areMutuallyExclusive, fieldMap, fieldMap2);
        foreach (var referenced in referencedFragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fieldMap, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (fragmentName1 == fragmentName2 || _comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive))
        {
            return;
        }

        _comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);
        if (Context.GetFragment(fragmentName1) is not { } fragment1 || Context.GetFragment(fragmentName2) is not { } fragment2)
        {
            return;
        }

        var (fieldMap1, referenced1) = GetReferencedFieldsAndFragmentNames(fragment1);
        var (fieldMap2, referenced2) = GetReferencedFieldsAndFragmentNames(fragment2);
        CollectConflictsBetween(conflicts, areMutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var name2 in referenced2)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, name2);
        }

        foreach (var name1 in referenced1)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, name1, fragmentName2);
        }
    }

    // Conflicts between two sub-selection sets of fields with the same response name.
    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive,
        GraphQLType? parentType1,
        SelectionSetNode selectionSet1,
        GraphQLType? parentType2,
        SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap1, fragmentNames1) = GetFieldsAndFragmentNames(parentType1, selectionSet1);
        var (fieldMap2, fragmentNames2) = GetFieldsAndFragmentNames(parentType2, selectionSet2);
        CollectConflictsBetween(conflicts, areMutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var name2 in fragmentNames2)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fieldMap1, name2);
        }

        foreach (var name1 in fragmentNames1)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fieldMap2, name1);
        }

        foreach (var name1 in fragmentNames1)
        {
            foreach (var name2 in fragmentNames2)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, FieldMap fieldMap)
    {
        foreach (var (responseName, fields) in fieldMap.Entries)
        {
            if (fields.Count > SmallGroup && CopiesCannotConflict(responseName, fields))
            {
                continue;
            }

            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                        if (conflicts.Count > ConflictCap)
                        {
                            return;
                        }
                    }
                }
            }
        }
    }

    // Comparing every pair is quadratic: a document repeating one field 100,000 times under one response name would
    // take billions of comparisons. Fields written identically (same parent type, name, arguments and sub-selection)
    // behave identically, so a large group is compared class by class; only when some class conflicts are the pairs
    // themselves compared, in the specification's order, and past ConflictCap conflicts (far beyond the error limit
    // of validation) the rest are not collected.
    private const int SmallGroup = 8;
    private const int ConflictCap = 1000;
    private const int MaxClasses = 256;

    private bool CopiesCannotConflict(string responseName, List<FieldInfo> fields)
    {
        var classes = new Dictionary<string, List<FieldInfo>>(StringComparer.Ordinal);
        var order = new List<List<FieldInfo>>();
        foreach (var field in fields)
        {
            var key = ShapeKey(field);
            if (!classes.TryGetValue(key, out var members))
            {
                if (order.Count == MaxClasses)
                {
                    return false;
                }

                members = [];
                classes[key] = members;
                order.Add(members);
            }

            members.Add(field);
        }

        for (var a = 0; a < order.Count; a++)
        {
            if (order[a].Count > 1 && FindConflict(false, responseName, order[a][0], order[a][1]) is not null)
            {
                return false;
            }

            for (var b = a + 1; b < order.Count; b++)
            {
                if (FindConflict(false, responseName, order[a][0], order[b][0]) is not null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string ShapeKey(FieldInfo field)
    {
        var node = field.Node;
        var key = new StringBuilder();
        key.Append(RuntimeHelpers.GetHashCode(field.ParentType ?? (object)string.Empty)).Append('|').Append(field.ParentType?.ToString()).Append('|').Append(node.Name.Value);
        var arguments = new List<string>(node.Arguments.Count);
        foreach (var argument in node.Arguments)
        {
            arguments.Add(AstPrinter.Print(argument));
        }

        arguments.Sort(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            key.Append('|').Append(argument);
        }

        if (node.SelectionSet is { } selectionSet)
        {
            key.Append('|').Append(AstPrinter.Print(selectionSet));
        }

        return key.ToString();
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        foreach (var (responseName, fields1) in fieldMap1.Entries)
        {
            if (fieldMap2.Get(responseName) is not { } fields2)
            {
                continue;
            }

            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                        if (conflicts.Count > ConflictCap)
                        {
                            return;
                        }
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldInfo field1, FieldInfo field2)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        // Fields on two different object types can never both apply, so only their shapes must agree.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        var node1 = field1.Node;
        var node2 = field2.Node;
        if (!areMutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
            {
                return new Conflict(responseName, new ConflictReason(responseName, $"\"{name1}\" and \"{name2}\" are different fields"), [node1], [node2]);
            }

            if (!SameArguments(node1.Arguments, node2.Arguments))
            {
                return new Conflict(responseName, new ConflictReason(responseName, "they have differing arguments"), [node1], [node2]);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(responseName, new ConflictReason(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\""), [node1], [node2]);
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive, Types.GetNamedType(type1), selectionSet1, Types.GetNamedType(type2), selectionSet2);
            if (conflicts.Count > 0)
            {
                var reasons = new List<ConflictReason>(conflicts.Count);
                var fields1 = new List<FieldNode> { node1 };
                var fields2 = new List<FieldNode> { node2 };
                foreach (var conflict in conflicts)
                {
                    reasons.Add(conflict.Reason);
                    fields1.AddRange(conflict.Fields1);
                    fields2.AddRange(conflict.Fields2);
                }

                return new Conflict(responseName, new ConflictReason(responseName, reasons), fields1, fields2);
            }
        }

        return null;
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            ArgumentNode? argument2 = null;
            foreach (var candidate in arguments2)
            {
                if (candidate.Name.Value == argument1.Name.Value)
                {
                    argument2 = candidate;
                    break;
                }
            }

            if (argument2 is null || !SameValue(argument1.Value, argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Structural equality of literals, with object fields compared regardless of order.</summary>
    private static bool SameValue(ValueNode a, ValueNode b)
    {
        switch (a)
        {
            case VariableNode va:
                return b is VariableNode vb && va.Name.Value == vb.Name.Value;
            case IntValueNode ia:
                return b is IntValueNode ib && ia.Value == ib.Value;
            case FloatValueNode fa:
                return b is FloatValueNode fb && fa.Value == fb.Value;
            case StringValueNode sa:
                return b is StringValueNode sb && sa.Value == sb.Value;
            case BooleanValueNode ba:
                return b is BooleanValueNode bb && ba.Value == bb.Value;
            case NullValueNode:
                return b is NullValueNode;
            case EnumValueNode ea:
                return b is EnumValueNode eb && ea.Value == eb.Value;
            case ListValueNode la:
                {
                    if (b is not ListValueNode lb || la.Values.Count != lb.Values.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < la.Values.Count; i++)
                    {
                        if (!SameValue(la.Values[i], lb.Values[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case ObjectValueNode oa:
                {
                    if (b is not ObjectValueNode ob || oa.Fields.Count != ob.Fields.Count)
                    {
                        return false;
                    }

                    foreach (var fieldA in oa.Fields)
                    {
                        var matched = false;
                        foreach (var fieldB in ob.Fields)
                        {
                            if (fieldA.Name.Value == fieldB.Name.Value)
                            {
                                matched = SameValue(fieldA.Value, fieldB.Value);
                                break;
                            }
                        }

                        if (!matched)
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                return false;
        }
    }

    // Two types conflict when they differ in list/non-null wrapping or are different leaf types.
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || DoTypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        if (Types.IsLeafType(type1) || Types.IsLeafType(type2))
        {
            return !ReferenceEquals(type1, type2);
        }

        return false;
    }

    private FieldsAndFragments GetFieldsAndFragmentNames(GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var fieldMap = new FieldMap();
        var fragmentNames = new List<string>();
        CollectFieldsAndFragmentNames(parentType, selectionSet, fieldMap, fragmentNames);
        var result = new FieldsAndFragments(fieldMap, fragmentNames);
        _cache[selectionSet] = result;
        return result;
    }

    // A fragment's fields are collected with its type condition as the parent type.
    private FieldsAndFragments GetReferencedFieldsAndFragmentNames(FragmentDefinitionNode fragment)
    {
        if (_cache.TryGetValue(fragment.SelectionSet, out var cached))
        {
            return cached;
        }

        var fragmentType = TypeFromAst.Get(Context.Schema, fragment.TypeCondition);
        return GetFieldsAndFragmentNames(fragmentType, fragment.SelectionSet);
    }

    private void CollectFieldsAndFragmentNames(GraphQLType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, List<string> fragmentNames)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                    fieldMap.Add(field.ResponseName, new FieldInfo(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!fragmentNames.Contains(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? TypeFromAst.Get(Context.Schema, condition) : parentType;
                    CollectFieldsAndFragmentNames(inlineType, inline.SelectionSet, fieldMap, fragmentNames);
                    break;
            }
        }
    }

    private readonly record struct FieldInfo(GraphQLType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private readonly record struct FieldsAndFragments(FieldMap FieldMap, List<string> FragmentNames);

    private sealed record Conflict(string ResponseName, ConflictReason Reason, IReadOnlyList<FieldNode> Fields1, IReadOnlyList<FieldNode> Fields2);

    /// <summary>Either a message, or the conflicts of sub-fields that make this one.</summary>
    private sealed class ConflictReason
    {
        public ConflictReason(string responseName, string message)
        {
            ResponseName = responseName;
            Message = message;
        }

        public ConflictReason(string responseName, List<ConflictReason> subReasons)
        {
            ResponseName = responseName;
            SubReasons = subReasons;
        }

        public string ResponseName { get; }

        public string? Message { get; }

        public List<ConflictReason>? SubReasons { get; }
    }

    /// <summary>Fields by response name, in first-seen order.</summary>
    private sealed class FieldMap
    {
        private readonly Dictionary<string, List<FieldInfo>> _byName = new(StringComparer.Ordinal);

        public List<(string ResponseName, List<FieldInfo> Fields)> Entries { get; } = [];

        public void Add(string responseName, FieldInfo field)
        {
            if (!_byName.TryGetValue(responseName, out var list))
            {
                list = [];
                _byName[responseName] = list;
                Entries.Add((responseName, list));
            }

            list.Add(field);
        }

        public List<FieldInfo>? Get(string responseName) => _byName.GetValueOrDefault(responseName);
    }

    /// <summary>Unordered pairs remembered with whether they were compared as mutually exclusive.</summary>
    private sealed class PairSet<T>
        where T : notnull
    {
        private readonly Dictionary<(T, T), bool> _data = new();

        public bool Has(T a, T b, bool areMutuallyExclusive)
        {
            if (!_data.TryGetValue((a, b), out var stored))
            {
                return false;
            }

            // Compared as not exclusive covers both cases; compared as exclusive only covers exclusive.
            return areMutuallyExclusive || !stored;
        }

        public void Add(T a, T b, bool areMutuallyExclusive)
        {
            _data[(a, b)] = areMutuallyExclusive;
            _data[(b, a)] = areMutuallyExclusive;
        }
    }
}
