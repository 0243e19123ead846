using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Language;

/// <summary>What a visitor asks the walker to do after entering a node.</summary>
public enum VisitAction
{
    /// <summary>Visit the node's children, then leave it.</summary>
    Continue,

    /// <summary>Do not visit the children and do not call Leave for this node.</summary>
    SkipChildren,

    /// <summary>Stop the whole walk.</summary>
    Stop,
}

/// <summary>
/// Receives each node of a tree on the way down (<see cref="Enter"/>) and on the way up (<see cref="Leave"/>),
/// with the chain of ancestors from the root (nearest last).
/// </summary>
public abstract class AstVisitor
{
    public virtual VisitAction Enter(Node node, IReadOnlyList<Node> ancestors) => VisitAction.Continue;

    public virtual VisitAction Leave(Node node, IReadOnlyList<Node> ancestors) => VisitAction.Continue;
}

/// <summary>
/// Depth-first walk of a syntax tree in source order (the order of graphql-js's visitor keys: description, name,
/// arguments/variables, type, default value, directives, selection set/fields...).
/// </summary>
public sealed class AstWalker
{
    private readonly List<Node> _ancestors = new(32);
    private readonly AstVisitor _visitor;
    private bool _stopped;

    private AstWalker(AstVisitor visitor) => _visitor = visitor;

    /// <summary>Walks <paramref name="root"/>. Throws <see cref="InsufficientExecutionStackException"/> on absurdly deep trees.</summary>
    public static void Walk(Node root, AstVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        new AstWalker(visitor).Visit(root);
    }

    private void Visit(Node? node)
    {
        if (node is null || _stopped)
        {
            return;
        }

        var action = _visitor.Enter(node, _ancestors);
        if (action == VisitAction.Stop)
        {
            _stopped = true;
            return;
        }

        if (action == VisitAction.SkipChildren)
        {
            return;
        }

        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        _ancestors.Add(node);
        VisitChildren(node);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        if (!_stopped && _visitor.Leave(node, _ancestors) == VisitAction.Stop)
        {
            _stopped = true;
        }
    }

    private void VisitAll<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        for (var i = 0; i < nodes.Count && !_stopped; i++)
        {
            Visit(nodes[i]);
        }
    }

    private void VisitChildren(Node node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.Document:
                VisitAll(((DocumentNode)node).Definitions);
                break;
            case SyntaxKind.OperationDefinition:
                {
                    var n = (OperationDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.VariableDefinitions);
                    VisitAll(n.Directives);
                    Visit(n.SelectionSet);
                    break;
                }

            case SyntaxKind.VariableDefinition:
                {
                    var n = (VariableDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Variable);
                    Visit(n.Type);
                    Visit(n.DefaultValue);
                    VisitAll(n.Directives);
                    break;
                }

            case SyntaxKind.Variable:
                Visit(((VariableNode)node).Name);
                break;
            case SyntaxKind.SelectionSet:
                VisitAll(((SelectionSetNode)node).Selections);
                break;
            case SyntaxKind.Field:
                {
                    var n = (FieldNode)node;
                    Visit(n.Alias);
                    Visit(n.Name);
                    VisitAll(n.Arguments);
                    VisitAll(n.Directives);
                    Visit(n.SelectionSet);
                    break;
                }

            case SyntaxKind.Argument:
                {
                    var n = (ArgumentNode)node;
                    Visit(n.Name);
                    Visit(n.Value);
                    break;
                }

            case SyntaxKind.FragmentSpread:
                {
                    var n = (FragmentSpreadNode)node;
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    break;
                }

            case SyntaxKind.InlineFragment:
                {
                    var n = (InlineFragmentNode)node;
                    Visit(n.TypeCondition);
                    VisitAll(n.Directives);
                    Visit(n.SelectionSet);
                    break;
                }

            case SyntaxKind.FragmentDefinition:
                {
                    var n = (FragmentDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    Visit(n.TypeCondition);
                    VisitAll(n.Directives);
                    Visit(n.SelectionSet);
                    break;
                }

            case SyntaxKind.ListValue:
                VisitAll(((ListValueNode)node).Values);
                break;
            case SyntaxKind.ObjectValue:
                VisitAll(((ObjectValueNode)node).Fields);
                break;
            case SyntaxKind.ObjectField:
                {
                    var n = (ObjectFieldNode)node;
                    Visit(n.Name);
                    Visit(n.Value);
                    break;
                }

            case SyntaxKind.Directive:
                {
                    var n = (DirectiveNode)node;
                    Visit(n.Name);
                    VisitAll(n.Arguments);
                    break;
                }

            case SyntaxKind.NamedType:
                Visit(((NamedTypeNode)node).Name);
                break;
            case SyntaxKind.ListType:
                Visit(((ListTypeNode)node).Type);
                break;
            case SyntaxKind.NonNullType:
                Visit(((NonNullTypeNode)node).Type);
                break;
            case SyntaxKind.SchemaDefinition:
                {
                    var n = (SchemaDefinitionNode)node;
                    Visit(n.Description);
                    VisitAll(n.Directives);
                    VisitAll(n.OperationTypes);
                    break;
                }

            case SyntaxKind.OperationTypeDefinition:
                Visit(((OperationTypeDefinitionNode)node).Type);
                break;
            case SyntaxKind.ScalarTypeDefinition:
                {
                    var n = (ScalarTypeDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    break;
                }

            case SyntaxKind.ObjectTypeDefinition:
                {
                    var n = (ObjectTypeDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Interfaces);
                    VisitAll(n.Directives);
                    VisitAll(n.Fields);
                    break;
                }

            case SyntaxKind.FieldDefinition:
                {
                    var n = (FieldDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Arguments);
                    Visit(n.Type);
                    VisitAll(n.Directives);
                    break;
                }

            case SyntaxKind.InputValueDefinition:
                {
                    var n = (InputValueDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    Visit(n.Type);
                    Visit(n.DefaultValue);
                    VisitAll(n.Directives);
                    break;
                }

            case SyntaxKind.InterfaceTypeDefinition:
                {
                    var n = (InterfaceTypeDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Interfaces);
                    VisitAll(n.Directives);
                    VisitAll(n.Fields);
                    break;
                }

            case SyntaxKind.UnionTypeDefinition:
                {
                    var n = (UnionTypeDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    VisitAll(n.Types);
                    break;
                }

            case SyntaxKind.EnumTypeDefinition:
                {
                    var n = (EnumTypeDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    VisitAll(n.Values);
                    break;
                }

            case SyntaxKind.EnumValueDefinition:
                {
                    var n = (EnumValueDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    break;
                }

            case SyntaxKind.InputObjectTypeDefinition:
                {
                    var n = (InputObjectTypeDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    VisitAll(n.Fields);
                    break;
                }

            case SyntaxKind.DirectiveDefinition:
                {
                    var n = (DirectiveDefinitionNode)node;
                    Visit(n.Description);
                    Visit(n.Name);
                    VisitAll(n.Arguments);
                    VisitAll(n.Locations);
                    break;
                }

            case SyntaxKind.SchemaExtension:
                {
                    var n = (SchemaExtensionNode)node;
                    VisitAll(n.Directives);
                    VisitAll(n.OperationTypes);
                    break;
                }

            case SyntaxKind.ScalarTypeExtension:
                {
                    var n = (ScalarTypeExtensionNode)node;
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    break;
                }

            case SyntaxKind.ObjectTypeExtension:
                {
                    var n = (ObjectTypeExtensionNode)node;
                    Visit(n.Name);
                    VisitAll(n.Interfaces);
                    VisitAll(n.Directives);
                    VisitAll(n.Fields);
                    break;
                }

            case SyntaxKind.InterfaceTypeExtension:
                {
                    var n = (InterfaceTypeExtensionNode)node;
                    Visit(n.Name);
                    VisitAll(n.Interfaces);
                    VisitAll(n.Directives);
                    VisitAll(n.Fields);
                    break;
                }

            case SyntaxKind.UnionTypeExtension:
                {
                    var n = (UnionTypeExtensionNode)node;
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    VisitAll(n.Types);
                    break;
                }

            case SyntaxKind.EnumTypeExtension:
                {
                    var n = (EnumTypeExtensionNode)node;
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    VisitAll(n.Values);
                    break;
                }

            case SyntaxKind.InputObjectTypeExtension:
                {
                    var n = (InputObjectTypeExtensionNode)node;
                    Visit(n.Name);
                    VisitAll(n.Directives);
                    VisitAll(n.Fields);
                    break;
                }
        }
    }
}
