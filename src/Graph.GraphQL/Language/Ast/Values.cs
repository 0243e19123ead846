namespace Graph.GraphQL.Language.Ast;

/// <summary>A literal or variable in argument, default value or list/object position.</summary>
public abstract class ValueNode : Node
{
}

/// <summary>A variable reference <c>$name</c>; <see cref="Name"/> excludes the dollar sign.</summary>
public sealed class VariableNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.Variable;

    public required NameNode Name { get; init; }
}

/// <summary>An integer literal, kept as its source text so no precision is lost before coercion.</summary>
public sealed class IntValueNode : ValueNode
{
    public IntValueNode(string value) => Value = value;

    public override SyntaxKind Kind => SyntaxKind.IntValue;

    public string Value { get; }
}

/// <summary>A float literal, kept as its source text.</summary>
public sealed class FloatValueNode : ValueNode
{
    public FloatValueNode(string value) => Value = value;

    public override SyntaxKind Kind => SyntaxKind.FloatValue;

    public string Value { get; }
}

/// <summary>A string literal; <see cref="Value"/> is decoded, <see cref="Block"/> says it was written as <c>"""..."""</c>.</summary>
public sealed class StringValueNode : ValueNode
{
    public StringValueNode(string value, bool block = false)
    {
        Value = value;
        Block = block;
    }

    public override SyntaxKind Kind => SyntaxKind.StringValue;

    public string Value { get; }

    public bool Block { get; }
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode : ValueNode
{
    public BooleanValueNode(bool value) => Value = value;

    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    public bool Value { get; }
}

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}

/// <summary>An enum value: a name other than true, false or null.</summary>
public sealed class EnumValueNode : ValueNode
{
    public EnumValueNode(string value) => Value = value;

    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    public string Value { get; }
}

/// <summary><c>[a, b, c]</c>.</summary>
public sealed class ListValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ListValue;

    public IReadOnlyList<ValueNode> Values { get; init; } = [];
}

/// <summary><c>{ name: value, ... }</c>.</summary>
public sealed class ObjectValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;

    public IReadOnlyList<ObjectFieldNode> Fields { get; init; } = [];
}

/// <summary>One <c>name: value</c> entry of an object literal.</summary>
public sealed class ObjectFieldNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
