namespace Graph.GraphQL.Language.Ast;

/// <summary>A whole GraphQL document: executable definitions and/or type-system definitions.</summary>
public sealed class DocumentNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.Document;

    private IReadOnlyDictionary<string, FragmentDefinitionNode>? _fragments;

    public IReadOnlyList<DefinitionNode> Definitions { get; init; } = [];

    /// <summary>
    /// The document's fragment definitions by name (the first, when a name is repeated), built on first use and then
    /// shared by validation, limit analysis and execution: the one fragment map of a document.
    /// </summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> GetFragments() => _fragments ??= IndexFragments(Definitions);

    private static Dictionary<string, FragmentDefinitionNode> IndexFragments(IReadOnlyList<DefinitionNode> definitions)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        return fragments;
    }
}

/// <summary>A top-level definition of a document.</summary>
public abstract class DefinitionNode : Node
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>An operation or a fragment definition: the parts of a document a server executes.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode
{
    /// <summary>Optional description (September 2025 spec); never affects validation or execution.</summary>
    public StringValueNode? Description { get; init; }

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>The kind of an operation.</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>A query, mutation or subscription; an anonymous query written as a bare selection set has no name.</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;

    public OperationType Operation { get; init; }

    public NameNode? Name { get; init; }

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}

/// <summary>A variable declared by an operation: <c>$name: Type = default @directives</c>.</summary>
public sealed class VariableDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    /// <summary>Optional description (September 2025 spec); never affects validation or execution.</summary>
    public StringValueNode? Description { get; init; }

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A named fragment: <c>fragment Name on Type @directives { ... }</c>.</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    public required NameNode Name { get; init; }

    public required NamedTypeNode TypeCondition { get; init; }
}
