using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation;

/// <summary>
/// Tracks, during a walk of an executable document, the schema types at the current position: the parent
/// composite type, the field and its output type, the directive and argument, the expected input type and
/// whether the position has a default value. Call <see cref="Enter"/> before and <see cref="Leave"/> after
/// a node's visitors (graphql-js TypeInfo).
/// </summary>
public sealed class TypeInfo
{
    private readonly GraphQLSchema _schema;
    private readonly List<GraphQLType?> _typeStack = new(16);
    private readonly List<GraphQLType?> _parentTypeStack = new(16);
    private readonly List<GraphQLType?> _inputTypeStack = new(16);
    private readonly List<FieldDefinition?> _fieldDefStack = new(16);
    private readonly List<bool> _defaultValueStack = new(16);
    private DirectiveDefinition? _directive;
    private InputValueDefinition? _argument;
    private EnumValueDefinition? _enumValue;

    public TypeInfo(GraphQLSchema schema, GraphQLType? initialType = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        if (initialType is not null)
        {
            if (Types.IsInputType(initialType))
            {
                _inputTypeStack.Add(initialType);
            }

            if (Types.IsCompositeType(initialType))
            {
                _parentTypeStack.Add(initialType);
            }

            if (Types.IsOutputType(initialType))
            {
                _typeStack.Add(initialType);
            }
        }
    }

    /// <summary>The output type of the current field or fragment, if known.</summary>
    public GraphQLType? Type => Peek(_typeStack);

    /// <summary>The composite type whose selection set contains the current node.</summary>
    public GraphQLType? ParentType => Peek(_parentTypeStack);

    /// <summary>The input type expected at the current argument, list item or object field.</summary>
    public GraphQLType? InputType => Peek(_inputTypeStack);

    /// <summary>The input type of the enclosing list or input object.</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count >= 2 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDef => Peek(_fieldDefStack);

    /// <summary>True when the current argument or input field declares a default value.</summary>
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1];

    public DirectiveDefinition? Directive => _directive;

    public InputValueDefinition? Argument => _argument;

    public EnumValueDefinition? EnumValue => _enumValue;

    public void Enter(Node node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.SelectionSet:
                {
                    var namedType = Types.GetNamedType(Type);
                    _parentTypeStack.Add(Types.IsCompositeType(namedType) ? namedType : null);
                    break;
                }

            case SyntaxKind.Field:
                {
                    var parentType = ParentType;
                    FieldDefinition? fieldDef = null;
                    if (parentType is not null)
                    {
                        fieldDef = GetFieldDef(_schema, parentType, ((FieldNode)node).Name.Value);
                    }

                    var fieldType = fieldDef?.Type;
                    _fieldDefStack.Add(fieldDef);
                    _typeStack.Add(Types.IsOutputType(fieldType) ? fieldType : null);
                    break;
                }

            case SyntaxKind.Directive:
                _directive = _schema.GetDirective(((DirectiveNode)node).Name.Value);
                break;
            case SyntaxKind.OperationDefinition:
                {
                    var rootType = ((OperationDefinitionNode)node).Operation switch
                    {
                        OperationType.Query => _schema.QueryType,
                        OperationType.Mutation => _schema.MutationType,
                        _ => _schema.SubscriptionType,
                    };
                    _typeStack.Add(rootType);
                    break;
                }

            case SyntaxKind.InlineFragment:
            case SyntaxKind.FragmentDefinition:
                {
                    var typeCondition = node is InlineFragmentNode inline ? inline.TypeCondition : ((FragmentDefinitionNode)node).TypeCondition;
                    var outputType = typeCondition is not null ? TypeFromAst.Get(_schema, typeCondition) : Types.GetNamedType(Type);
                    _typeStack.Add(Types.IsOutputType(outputType) ? outputType : null);
                    break;
                }

            case SyntaxKind.VariableDefinition:
                {
                    var inputType = TypeFromAst.Get(_schema, ((VariableDefinitionNode)node).Type);
                    _inputTypeStack.Add(Types.IsInputType(inputType) ? inputType : null);
                    break;
                }

            case SyntaxKind.Argument:
                {
                    InputValueDefinition? argDef = null;
                    var name = ((ArgumentNode)node).Name.Value;
                    if (_directive is not null)
                    {
                        argDef = _directive.GetArgument(name);
                    }
                    else if (FieldDef is { } fieldDef)
                    {
                        argDef = fieldDef.GetArgument(name);
                    }

                    _argument = argDef;
                    _defaultValueStack.Add(argDef?.HasDefaultValue ?? false);
                    var argType = argDef?.Type;
                    _inputTypeStack.Add(Types.IsInputType(argType) ? argType : null);
                    break;
                }

            case SyntaxKind.ListValue:
                {
                    var listType = Types.GetNullableType(InputType);
                    var itemType = listType is ListType list ? list.OfType : listType;
                    _defaultValueStack.Add(false);
                    _inputTypeStack.Add(Types.IsInputType(itemType) ? itemType : null);
                    break;
                }

            case SyntaxKind.ObjectField:
                {
                    InputValueDefinition? inputField = null;
                    if (Types.GetNamedType(InputType) is InputObjectType objectType)
                    {
                        inputField = objectType.GetField(((ObjectFieldNode)node).Name.Value);
                    }

                    var fieldType = inputField?.Type;
                    _defaultValueStack.Add(inputField?.HasDefaultValue ?? false);
                    _inputTypeStack.Add(Types.IsInputType(fieldType) ? fieldType : null);
                    break;
                }

            case SyntaxKind.EnumValue:
                _enumValue = Types.GetNamedType(InputType) is EnumType enumType ? enumType.GetValue(((EnumValueNode)node).Value) : null;
                break;
        }
    }

    public void Leave(Node node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.SelectionSet:
                Pop(_parentTypeStack);
                break;
            case SyntaxKind.Field:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case SyntaxKind.Directive:
                _directive = null;
                break;
            case SyntaxKind.OperationDefinition:
            case SyntaxKind.InlineFragment:
            case SyntaxKind.FragmentDefinition:
                Pop(_typeStack);
                break;
            case SyntaxKind.VariableDefinition:
                Pop(_inputTypeStack);
                break;
            case SyntaxKind.Argument:
                _argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case SyntaxKind.ListValue:
            case SyntaxKind.ObjectField:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case SyntaxKind.EnumValue:
                _enumValue = null;
                break;
        }
    }

    /// <summary>The definition of a field, including the meta-fields: <see cref="Introspection.FieldDefinition"/>.</summary>
    public static FieldDefinition? GetFieldDef(GraphQLSchema schema, GraphQLType parentType, string fieldName) =>
        Introspection.FieldDefinition(schema, parentType, fieldName);

    private static T? Peek<T>(List<T?> stack) => stack.Count > 0 ? stack[^1] : default;

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
