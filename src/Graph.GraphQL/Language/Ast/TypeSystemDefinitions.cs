namespace Graph.GraphQL.Language.Ast;

/// <summary>A schema, type or directive definition (SDL).</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
    public StringValueNode? Description { get; init; }
}

/// <summary>A named type definition: scalar, object, interface, union, enum or input object.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    public required NameNode Name { get; init; }
}

/// <summary><c>schema @directives { query: Query ... }</c>.</summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaDefinition;

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

/// <summary><c>query: Query</c> inside a schema definition or extension.</summary>
public sealed class OperationTypeDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;

    public OperationType Operation { get; init; }

    public required NamedTypeNode Type { get; init; }
}

/// <summary><c>scalar Name @directives</c>.</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeDefinition;
}

/// <summary><c>type Name implements A &amp; B @directives { fields }</c>.</summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary>A field of an object or interface type: <c>name(args): Type @directives</c>.</summary>
public sealed class FieldDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public required TypeNode Type { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>An argument definition or input object field: <c>name: Type = default @directives</c>.</summary>
public sealed class InputValueDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>interface Name implements A &amp; B @directives { fields }</c>.</summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>union Name @directives = A | B</c>.</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

/// <summary><c>enum Name @directives { VALUES }</c>.</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

/// <summary>One value of an enum definition.</summary>
public sealed class EnumValueDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>input Name @directives { fields }</c>.</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>directive @name(args) repeatable on LOCATION | LOCATION</c>.</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveDefinition;

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public bool Repeatable { get; init; }

    /// <summary>Location names as written (for example QUERY, FIELD_DEFINITION); validated against the spec's list by the parser.</summary>
    public IReadOnlyList<NameNode> Locations { get; init; } = [];
}
