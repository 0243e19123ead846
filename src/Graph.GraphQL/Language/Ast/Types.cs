namespace Graph.GraphQL.Language.Ast;

/// <summary>A type reference: a name, a list <c>[T]</c> or a non-null <c>T!</c>.</summary>
public abstract class TypeNode : Node
{
}

/// <summary>A type referred to by name.</summary>
public sealed class NamedTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    public required NameNode Name { get; init; }
}

/// <summary><c>[Type]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ListType;

    public required TypeNode Type { get; init; }
}

/// <summary><c>Type!</c>; <see cref="Type"/> is a named or list type, never another non-null.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    public required TypeNode Type { get; init; }
}
