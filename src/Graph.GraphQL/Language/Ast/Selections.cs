namespace Graph.GraphQL.Language.Ast;

/// <summary>The braces-enclosed list of fields and fragments to select.</summary>
public sealed class SelectionSetNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    public IReadOnlyList<SelectionNode> Selections { get; init; } = [];
}

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract class SelectionNode : Node
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A field selection: <c>alias: name(args) @directives { ... }</c>.</summary>
public sealed class FieldNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.Field;

    public NameNode? Alias { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    /// <summary>Null for leaf fields.</summary>
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key under which the field appears in the response: the alias if given, otherwise the name.</summary>
    public string ResponseName => Alias?.Value ?? Name.Value;
}

/// <summary>A use of a named fragment: <c>...Name @directives</c>.</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    public required NameNode Name { get; init; }
}

/// <summary>An inline fragment: <c>... on Type @directives { ... }</c>; the type condition is optional.</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; init; }

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>An argument of a field or directive: <c>name: value</c>.</summary>
public sealed class ArgumentNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.Argument;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}

/// <summary>A directive application: <c>@name(args)</c>.</summary>
public sealed class DirectiveNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.Directive;

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
