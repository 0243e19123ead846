namespace Graph.GraphQL.Language.Ast;

/// <summary>
/// Base of every node of the GraphQL syntax tree.
/// </summary>
/// <remarks>
/// The contract other parts of the engine rely on:
/// <list type="bullet">
/// <item>Nodes are immutable sealed classes with init-only properties; one class per grammar production of the spec
/// (September 2025), named as in graphql-js (<c>FieldNode</c>, <c>OperationDefinitionNode</c>, ...).</item>
/// <item><see cref="Kind"/> identifies the class without a type test, for switches in walkers and rules.</item>
/// <item><see cref="Location"/> is the source span (null when parsed with <c>NoLocation</c> or built by code).</item>
/// <item>Names are <see cref="NameNode"/> with a string <see cref="NameNode.Value"/>.</item>
/// <item>Lists are <see cref="IReadOnlyList{T}"/>, never null: absent lists are empty.</item>
/// <item>Optional single children (alias, default value, description, selection set of a leaf field) are nullable.</item>
/// <item>Scalar literals keep their source text: <see cref="IntValueNode.Value"/> and <see cref="FloatValueNode.Value"/>
/// are strings; <see cref="StringValueNode.Value"/> is the decoded string (escapes resolved, block strings dedented).</item>
/// </list>
/// </remarks>
public abstract class Node
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>Where in the source this node was parsed from; null for nodes built in code or parsed without locations.</summary>
    public Location? Location { get; init; }

    /// <summary>The node printed as GraphQL text.</summary>
    public override string ToString() => AstPrinter.Print(this);
}

/// <summary>A name: letters, digits and underscores, not starting with a digit.</summary>
public sealed class NameNode : Node
{
    public NameNode(string value) => Value = value;

    public override SyntaxKind Kind => SyntaxKind.Name;

    public string Value { get; }
}
