using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Validation;

/// <summary>A variable used somewhere in an operation, with the input type expected where it is used.</summary>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasDefaultValue, GraphQLType? ParentType);

/// <summary>
/// What a validation rule can see and do: the schema, the document, the type info at the current node, the
/// current node's ancestors, fragment and variable look-ups (computed once and cached), and error reporting.
/// </summary>
public sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors;
    private readonly int _maxErrors;
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursiveFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, IReadOnlyList<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    internal ValidationContext(GraphQLSchema schema, DocumentNode document, TypeInfo typeInfo, List<GraphQLError> errors, int maxErrors)
    {
        Schema = schema;
        Document = document;
        TypeInfo = typeInfo;
        _errors = errors;
        _maxErrors = maxErrors;
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode Document { get; }

    public TypeInfo TypeInfo { get; }

    /// <summary>The nodes above the current one, from the document down to its parent.</summary>
    public IReadOnlyList<Node> Ancestors { get; internal set; } = [];

    /// <summary>The parent of the current node (null at the document).</summary>
    public Node? Parent => Ancestors.Count > 0 ? Ancestors[^1] : null;

    public GraphQLType? Type => TypeInfo.Type;

    public GraphQLType? ParentType => TypeInfo.ParentType;

    public GraphQLType? InputType => TypeInfo.InputType;

    public GraphQLType? ParentInputType => TypeInfo.ParentInputType;

    public FieldDefinition? FieldDef => TypeInfo.FieldDef;

    public DirectiveDefinition? Directive => TypeInfo.Directive;

    public InputValueDefinition? Argument => TypeInfo.Argument;

    /// <summary>Records an error; past the error limit, records the limit message and aborts validation.</summary>
    public void ReportError(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
            throw new ValidationAbortedException();
        }

        _errors.Add(error);
    }

    /// <summary>Reports an error with the given message located at the given nodes.</summary>
    public void ReportError(string message, params Node[] nodes) => ReportError(new GraphQLError(message, nodes));

    /// <summary>The fragment definition with this name (the first, if the document repeats it).</summary>
    public FragmentDefinitionNode? GetFragment(string name) => Document.GetFragments().GetValueOrDefault(name);

    /// <summary>The fragment spreads directly inside a selection set (through inline fragments, not into named fragments).</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        List<FragmentSpreadNode>? spreads = null;
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.Count > 0)
        {
            var set = setsToVisit.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        (spreads ??= []).Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        IReadOnlyList<FragmentSpreadNode> result = spreads is null ? [] : spreads;
        _fragmentSpreads[selectionSet] = result;
        return result;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_recursiveFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.Count > 0)
        {
            var node = nodesToVisit.Pop();
            foreach (var spread in GetFragmentSpreads(node))
            {
                var name = spread.Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }

        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>Variables used inside an operation or fragment (not following spreads), with their expected types.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (_variableUsages.TryGetValue(node, out var cached))
        {
            return cached;
        }

        var collector = new VariableUsageCollector(new TypeInfo(Schema));
        AstWalker.Walk(node, collector);
        _variableUsages[node] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>Variables used by an operation and every fragment it references.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    private sealed class VariableUsageCollector(TypeInfo typeInfo) : AstVisitor
    {
        public List<VariableUsage> Usages { get; } = [];

        public override VisitAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            typeInfo.Enter(node);
            if (node is VariableDefinitionNode)
            {
                typeInfo.Leave(node);
                return VisitAction.SkipChildren;
            }

            if (node is VariableNode variable)
            {
                Usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.ParentInputType));
            }

            return VisitAction.Continue;
        }

        public override VisitAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            typeInfo.Leave(node);
            return VisitAction.Continue;
        }
    }
}

/// <summary>Thrown inside validation when the error limit is reached; caught by the validator.</summary>
internal sealed class ValidationAbortedException : Exception
{
}
