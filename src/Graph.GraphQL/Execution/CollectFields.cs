using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Execution;

/// <summary>
/// The spec's CollectFields (6.3.2): groups the selections that apply to an object type by response key, expanding
/// fragments and honouring <c>@skip</c>/<c>@include</c>. Results are cached as <see cref="SelectionPlan"/>s so a list of
/// a thousand objects collects its fields once.
/// </summary>
internal static class CollectFields
{
    public static SelectionPlan ForSelectionSet(ExecutionContext context, ObjectType type, SelectionSetNode selectionSet)
    {
        var grouped = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        Collect(context, type, selectionSet, grouped, order, null);
        return BuildPlan(context, type, grouped, order);
    }

    public static SelectionPlan ForSubfields(ExecutionContext context, ObjectType type, FieldNode[] fieldNodes)
    {
        var grouped = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        HashSet<string>? visited = null;
        foreach (var node in fieldNodes)
        {
            if (node.SelectionSet is not null)
            {
                Collect(context, type, node.SelectionSet, grouped, order, visited ??= new HashSet<string>(StringComparer.Ordinal));
            }
        }

        return BuildPlan(context, type, grouped, order);
    }

    private static void Collect(
        ExecutionContext context,
        ObjectType type,
        SelectionSetNode selectionSet,
        Dictionary<string, List<FieldNode>> grouped,
        List<string> order,
        HashSet<string>? visitedFragments)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.Count > 0 && !ShouldInclude(context, selection))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseName;
                    if (!grouped.TryGetValue(key, out var list))
                    {
                        list = new List<FieldNode>(1);
                        grouped.Add(key, list);
                        order.Add(key);
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is not null && !DoesFragmentTypeApply(context.Schema, type, inline.TypeCondition))
                    {
                        continue;
                    }

                    Collect(context, type, inline.SelectionSet, grouped, order, visitedFragments);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!visitedFragments.Add(name))
                    {
                        continue;
                    }

                    if (!context.Fragments.TryGetValue(name, out var fragment) || !DoesFragmentTypeApply(context.Schema, type, fragment.TypeCondition))
                    {
                        continue;
                    }

                    Collect(context, type, fragment.SelectionSet, grouped, order, visitedFragments);
                    break;
            }
        }
    }

    private static bool ShouldInclude(ExecutionContext context, SelectionNode node)
    {
        var skip = Values.GetDirectiveValues(Directives.Skip, node.Directives, context.Variables);
        if (skip is not null && skip.TryGetValue("if", out var skipIf) && skipIf is true)
        {
            return false;
        }

        var include = Values.GetDirectiveValues(Directives.Include, node.Directives, context.Variables);
        return include is null || !include.TryGetValue("if", out var includeIf) || includeIf is true;
    }

    private static bool DoesFragmentTypeApply(GraphQLSchema schema, ObjectType objectType, NamedTypeNode typeCondition)
    {
        var conditionType = schema.GetType(typeCondition.Name.Value);
        if (ReferenceEquals(conditionType, objectType))
        {
            return true;
        }

        return conditionType is InterfaceType or UnionType && schema.IsSubType(conditionType, objectType);
    }

    private static SelectionPlan BuildPlan(ExecutionContext context, ObjectType type, Dictionary<string, List<FieldNode>> grouped, List<string> order)
    {
        var fields = new List<FieldPlan>(order.Count);
        foreach (var key in order)
        {
            var nodes = grouped[key];
            var definition = GetFieldDefinition(context.Schema, type, nodes[0].Name.Value);
            if (definition is null)
            {
                // Unknown fields are left out of the response (validation reports them).
                continue;
            }

            fields.Add(new FieldPlan(key, [.. nodes], definition, type, context));
        }

        var keys = new string[fields.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = fields[i].ResponseKey;
        }

        return new SelectionPlan([.. fields], keys);
    }

    /// <summary>The field definition for a name, including the meta-fields: <see cref="Introspection.FieldDefinition"/>.</summary>
    public static FieldDefinition? GetFieldDefinition(GraphQLSchema schema, ObjectType parentType, string fieldName) =>
        Introspection.FieldDefinition(schema, parentType, fieldName);
}

/// <summary>The fields to execute for one selection set on one object type, with the response keys in order.</summary>
internal sealed class SelectionPlan(FieldPlan[] fields, string[] keys)
{
    public FieldPlan[] Fields { get; } = fields;

    public string[] Keys { get; } = keys;

    /// <summary>The keys as JSON property names, encoded once per plan rather than once per object written.</summary>
    public JsonEncodedText[] EncodedKeys { get; } = Encode(keys);

    private static JsonEncodedText[] Encode(string[] keys)
    {
        var encoded = new JsonEncodedText[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(keys[i], JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        }

        return encoded;
    }
}

/// <summary>
/// One response key of a selection plan: the merged field nodes, the definition, the coerced arguments (computed once
/// per request) and the plans of its sub-selection per runtime object type.
/// </summary>
internal sealed class FieldPlan
{
    private readonly ExecutionContext _context;
    private readonly object _gate = new();
    private PlanEntry? _last;
    private Dictionary<ObjectType, SelectionPlan>? _plans;
    private IReadOnlyDictionary<string, object?>? _arguments;
    private GraphQLError? _argumentError;

    public FieldPlan(string responseKey, FieldNode[] nodes, FieldDefinition definition, ObjectType parentType, ExecutionContext context)
    {
        ResponseKey = responseKey;
        Nodes = nodes;
        Definition = definition;
        ParentType = parentType;
        _context = context;
        ReturnType = definition.Type;
        SourceResolver = definition.SourceResolver;
        if (ReferenceEquals(definition, Introspection.TypeNameMetaField))
        {
            // __typename, which clients such as Apollo add to every selection: the parent type's name, no context needed.
            var name = parentType.Name;
            SourceResolver = _ => name;
        }

        var nullable = Types.GetNullableType(definition.Type);
        if ((definition.Resolver is null || SourceResolver is not null) && definition.Arguments.Count == 0 && nullable is ScalarType or EnumType)
        {
            IsDefaultLeaf = true;
            LeafType = (NamedType)nullable;
        }
    }

    /// <summary>
    /// True for a leaf (or non-null leaf) field without arguments read by the default resolver or a
    /// <see cref="SourceResolver"/>: executed on the fast path (no context, no path unless it fails).
    /// </summary>
    public bool IsDefaultLeaf { get; }

    /// <summary>A resolver that reads only the parent value; null when the field has a full resolver or none.</summary>
    public Func<object?, object?>? SourceResolver { get; }

    /// <summary>The scalar or enum type of a default leaf field.</summary>
    public NamedType? LeafType { get; }

    public string ResponseKey { get; }

    public FieldNode[] Nodes { get; }

    public FieldDefinition Definition { get; }

    public ObjectType ParentType { get; }

    public GraphQLType ReturnType { get; }

    /// <summary>Cached CLR property accessor for the default resolver (type of the last source seen).</summary>
#pragma warning disable SA1401 // A field so the default resolver can update it by reference.
    public DefaultFieldResolver.Accessor? LastAccessor;
#pragma warning restore SA1401

    public IReadOnlyDictionary<string, object?> GetArguments()
    {
        if (_arguments is not null)
        {
            return _arguments;
        }

        if (_argumentError is not null)
        {
            throw _argumentError;
        }

        try
        {
            _arguments = Values.CoerceArgumentValues(Definition.Arguments, Nodes[0].Arguments, Nodes[0], _context.Variables);
            return _arguments;
        }
        catch (GraphQLError e)
        {
            _argumentError = e;
            throw;
        }
    }

    public SelectionPlan GetSubPlan(ObjectType type)
    {
        // Lists are usually of one type: remember the last one without locking.
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Type, type))
        {
            return last.Plan;
        }

        lock (_gate)
        {
            _plans ??= new Dictionary<ObjectType, SelectionPlan>(ReferenceEqualityComparer.Instance);
            if (!_plans.TryGetValue(type, out var plan))
            {
                plan = CollectFields.ForSubfields(_context, type, Nodes);
                _plans.Add(type, plan);
            }

            Volatile.Write(ref _last, new PlanEntry(type, plan));
            return plan;
        }
    }

    private sealed record PlanEntry(ObjectType Type, SelectionPlan Plan);
}
