namespace Graph.GraphQL.Language.Ast;

/// <summary>An <c>extend ...</c> definition (SDL).</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
}

/// <summary>An extension of a named type.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
    public required NameNode Name { get; init; }
}

/// <summary><c>extend schema @directives { mutation: Mutation }</c>.</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

/// <summary><c>extend scalar Name @directives</c>.</summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;
}

/// <summary><c>extend type Name implements A @directives { fields }</c>.</summary>
public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>extend interface Name implements A @directives { fields }</c>.</summary>
public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>extend union Name @directives = A | B</c>.</summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

/// <summary><c>extend enum Name @directives { VALUES }</c>.</summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

/// <summary><c>extend input Name @directives { fields }</c>.</summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
