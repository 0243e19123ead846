using System.Runtime.CompilerServices;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Language;

/// <summary>
/// Recursive-descent parser for the whole GraphQL grammar (executable documents and the type system language).
/// Method names follow the spec's productions. Errors are <see cref="GraphQLSyntaxError"/> with the position of
/// the offending token, worded like graphql-js ("Expected Name, found "}".").
/// </summary>
public sealed class Parser
{
    private static readonly string[] s_directiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    [ThreadStatic]
    private static List<Node>? t_scratch;

    private readonly Source _source;
    private readonly string _body;
    private readonly bool _noLocation;
    private readonly int _maxTokens;
    private readonly int _maxNestingDepth;
    private readonly List<Node> _scratch;
    private int _depth;
    private Lexer _lexer;
    private int _tokenCount;
    private int _lastEnd;

    private Parser(Source source, ParserOptions? options)
    {
        _source = source;
        _body = source.Body;
        _noLocation = options?.NoLocation ?? false;
        _maxTokens = options?.MaxTokens ?? int.MaxValue;
        _maxNestingDepth = options is null ? ParserOptions.DefaultMaxNestingDepth : options.MaxNestingDepth ?? int.MaxValue;
        _lexer = new Lexer(source);

        // One scratch list per thread collects the items of every list being parsed, used as a stack.
        _scratch = t_scratch ?? new List<Node>(64);
        t_scratch = null;
    }

    /// <summary>Parses a GraphQL document.</summary>
    public static DocumentNode Parse(string text, ParserOptions? options = null) => Parse(new Source(text), options);

    /// <summary>Parses a GraphQL document.</summary>
    public static DocumentNode Parse(Source source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source, options);
        try
        {
            return parser.ParseDocument();
        }
        finally
        {
            parser.Release();
        }
    }

    /// <summary>Parses a single value literal, which may contain variables, e.g. <c>[1, $x]</c>.</summary>
    public static ValueNode ParseValue(string text, ParserOptions? options = null) =>
        ParseStandalone(new Source(text), options, static p => p.ParseValueLiteral(isConst: false));

    /// <summary>Parses a single constant value literal (no variables).</summary>
    public static ValueNode ParseConstValue(string text, ParserOptions? options = null) =>
        ParseStandalone(new Source(text), options, static p => p.ParseValueLiteral(isConst: true));

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string text, ParserOptions? options = null) =>
        ParseStandalone(new Source(text), options, static p => p.ParseTypeReference());

    private static T ParseStandalone<T>(Source source, ParserOptions? options, Func<Parser, T> parse)
    {
        var parser = new Parser(source, options);
        try
        {
            parser.ExpectToken(TokenKind.StartOfFile);
            var result = parse(parser);
            parser.ExpectToken(TokenKind.EndOfFile);
            return result;
        }
        finally
        {
            parser.Release();
        }
    }

    private void Release()
    {
        _scratch.Clear();
        if (_scratch.Capacity <= 4096)
        {
            t_scratch = _scratch;
        }
    }

    // Document : Definition+
    private DocumentNode ParseDocument()
    {
        var start = _lexer.Start;
        ExpectToken(TokenKind.StartOfFile);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EndOfFile));

        return new DocumentNode { Definitions = Pop<DefinitionNode>(mark), Location = Loc(start) };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        // Many definitions begin with a description, so the keyword may be one token ahead.
        var hasDescription = PeekDescription();
        var keyword = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            throw Error(_lexer.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.GetText(_body))
            {
                case "query" or "mutation" or "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "schema":
                    return ParseSchemaDefinition();
                case "scalar":
                    return ParseScalarTypeDefinition();
                case "type":
                    return ParseObjectTypeDefinition();
                case "interface":
                    return ParseInterfaceTypeDefinition();
                case "union":
                    return ParseUnionTypeDefinition();
                case "enum":
                    return ParseEnumTypeDefinition();
                case "input":
                    return ParseInputObjectTypeDefinition();
                case "directive":
                    return ParseDirectiveDefinition();
            }

            if (hasDescription)
            {
                throw Error(_lexer.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (keyword.GetText(_body).SequenceEqual("extend"))
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keyword);
    }

    // OperationDefinition : Description? OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Start;
        if (Peek(TokenKind.BraceL))
        {
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = ParseSelectionSet(),
                Location = Loc(start),
            };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        return new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = ParseVariableDefinitions(),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet(),
            Location = Loc(start),
        };
    }

    private OperationType ParseOperationType()
    {
        var token = _lexer.Token;
        ExpectToken(TokenKind.Name);
        switch (token.GetText(_body))
        {
            case "query": return OperationType.Query;
            case "mutation": return OperationType.Mutation;
            case "subscription": return OperationType.Subscription;
            default: throw Unexpected(token);
        }
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return Pop<VariableDefinitionNode>(mark);
    }

    // VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private VariableNode ParseVariable()
    {
        var start = _lexer.Start;
        ExpectToken(TokenKind.Dollar);
        return new VariableNode { Name = ParseName(), Location = Loc(start) };
    }

    // SelectionSet : { Selection+ }
    private SelectionSetNode ParseSelectionSet()
    {
        EnterNesting();
        var start = _lexer.Start;
        ExpectToken(TokenKind.BraceL);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        _depth--;
        return new SelectionSetNode { Selections = Pop<SelectionNode>(mark), Location = Loc(start) };
    }

    // Field : Alias? Name Arguments? Directives? SelectionSet?
    private FieldNode ParseField()
    {
        var start = _lexer.Start;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = ParseArguments(isConst: false),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null,
            Location = Loc(start),
        };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var mark = _scratch.Count;
        do
        {
            var start = _lexer.Start;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            _scratch.Add(new ArgumentNode { Name = name, Value = ParseValueLiteral(isConst), Location = Loc(start) });
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return Pop<ArgumentNode>(mark);
    }

    // FragmentSpread : ... FragmentName Directives?  /  InlineFragment : ... TypeCondition? Directives? SelectionSet
    private SelectionNode ParseFragment()
    {
        var start = _lexer.Start;
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            return new FragmentSpreadNode
            {
                Name = ParseFragmentName(),
                Directives = ParseDirectives(isConst: false),
                Location = Loc(start),
            };
        }

        return new InlineFragmentNode
        {
            TypeCondition = hasTypeCondition ? ParseNamedType() : null,
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet(),
            Location = Loc(start),
        };
    }

    // FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        return new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = ParseNamedType(),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet(),
            Location = Loc(start),
        };
    }

    // FragmentName : Name but not `on`
    private NameNode ParseFragmentName()
    {
        if (_lexer.Kind == TokenKind.Name && _lexer.Text.SequenceEqual("on"))
        {
            throw Unexpected(_lexer.Token);
        }

        return ParseName();
    }

    // Value[Const] : Variable (not Const) | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue | ObjectValue
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var start = _lexer.Start;
        switch (_lexer.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                {
                    var value = new string(_lexer.Text);
                    Advance();
                    return new IntValueNode(value) { Location = Loc(start) };
                }

            case TokenKind.Float:
                {
                    var value = new string(_lexer.Text);
                    Advance();
                    return new FloatValueNode(value) { Location = Loc(start) };
                }

            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                {
                    var text = _lexer.Text;
                    var kind = text switch
                    {
                        "true" => 1,
                        "false" => 2,
                        "null" => 3,
                        _ => 0,
                    };
                    var enumValue = kind == 0 ? NameTable.Get(text) : null;
                    Advance();
                    var location = Loc(start);
                    return kind switch
                    {
                        1 => new BooleanValueNode(true) { Location = location },
                        2 => new BooleanValueNode(false) { Location = location },
                        3 => new NullValueNode { Location = location },
                        _ => new EnumValueNode(enumValue!) { Location = location },
                    };
                }

            case TokenKind.Dollar:
                if (isConst)
                {
                    var dollar = _lexer.Token;
                    Advance();
                    if (_lexer.Kind == TokenKind.Name)
                    {
                        throw Error(dollar.Start, "Unexpected variable \"$" + _lexer.Text.ToString() + "\" in constant value.");
                    }

                    throw Unexpected(dollar);
                }

                return ParseVariable();
            default:
                throw Unexpected(_lexer.Token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var start = _lexer.Start;
        var block = _lexer.Kind == TokenKind.BlockString;
        var value = _lexer.StringValue!;
        Advance();
        return new StringValueNode(value, block) { Location = Loc(start) };
    }

    private ListValueNode ParseList(bool isConst)
    {
        EnterNesting();
        var start = _lexer.Start;
        ExpectToken(TokenKind.BracketL);
        var mark = _scratch.Count;
        while (!ExpectOptionalToken(TokenKind.BracketR))
        {
            _scratch.Add(ParseValueLiteral(isConst));
        }

        _depth--;
        return new ListValueNode { Values = Pop<ValueNode>(mark), Location = Loc(start) };
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        EnterNesting();
        var start = _lexer.Start;
        ExpectToken(TokenKind.BraceL);
        var mark = _scratch.Count;
        while (!ExpectOptionalToken(TokenKind.BraceR))
        {
            var fieldStart = _lexer.Start;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            _scratch.Add(new ObjectFieldNode { Name = name, Value = ParseValueLiteral(isConst), Location = Loc(fieldStart) });
        }

        _depth--;
        return new ObjectValueNode { Fields = Pop<ObjectFieldNode>(mark), Location = Loc(start) };
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var mark = _scratch.Count;
        while (Peek(TokenKind.At))
        {
            var start = _lexer.Start;
            Advance();
            var name = ParseName();
            _scratch.Add(new DirectiveNode { Name = name, Arguments = ParseArguments(isConst), Location = Loc(start) });
        }

        return Pop<DirectiveNode>(mark);
    }

    // Type : NamedType | ListType | NonNullType
    private TypeNode ParseTypeReference()
    {
        EnterNesting();
        var start = _lexer.Start;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            var inner = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            type = new ListTypeNode { Type = inner, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        _depth--;
        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = Loc(start) };
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Start;
        return new NamedTypeNode { Name = ParseName(), Location = Loc(start) };
    }

    private NameNode ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw ExpectedTokenError(TokenKind.Name);
        }

        var start = _lexer.Start;
        var value = NameTable.Get(_lexer.Text);
        Advance();
        return new NameNode(value) { Location = Loc(start) };
    }

    // ---- Type system definitions ----

    private bool PeekDescription() => _lexer.Kind is TokenKind.String or TokenKind.BlockString;

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    // SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        ExpectToken(TokenKind.BraceL);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseOperationTypeDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = Pop<OperationTypeDefinitionNode>(mark),
            Location = Loc(start),
        };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Start;
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        return new OperationTypeDefinitionNode { Operation = operation, Type = ParseNamedType(), Location = Loc(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        return new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = ParseFieldsDefinition(),
            Location = Loc(start),
        };
    }

    // ImplementsInterfaces : implements &? NamedType (& NamedType)*
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!ExpectOptionalKeyword("implements"))
        {
            return [];
        }

        return ParseDelimitedNamedTypes(TokenKind.Amp);
    }

    private IReadOnlyList<NamedTypeNode> ParseDelimitedNamedTypes(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseNamedType());
        }
        while (ExpectOptionalToken(delimiter));

        return Pop<NamedTypeNode>(mark);
    }

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseFieldDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return Pop<FieldDefinitionNode>(mark);
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return [];
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseInputValueDefinition());
        }
        while (!ExpectOptionalToken(close));

        return Pop<InputValueDefinitionNode>(mark);
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = ParseFieldsDefinition(),
            Location = Loc(start),
        };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = ParseUnionMemberTypes(),
            Location = Loc(start),
        };
    }

    // UnionMemberTypes : = |? NamedType (| NamedType)*
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseDelimitedNamedTypes(TokenKind.Pipe) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = ParseEnumValuesDefinition(),
            Location = Loc(start),
        };
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }

        var mark = _scratch.Count;
        do
        {
            var start = _lexer.Start;
            var description = ParseDescription();
            if (_lexer.Kind == TokenKind.Name && _lexer.Text is "true" or "false" or "null")
            {
                throw Error(_lexer.Start, _lexer.Token.Describe(_body) + " is reserved and cannot be used for an enum value.");
            }

            var name = ParseName();
            _scratch.Add(new EnumValueDefinitionNode
            {
                Description = description,
                Name = name,
                Directives = ParseDirectives(isConst: true),
                Location = Loc(start),
            });
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return Pop<EnumValueDefinitionNode>(mark);
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR),
            Location = Loc(start),
        };
    }

    // DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        ExpectOptionalToken(TokenKind.Pipe);
        var mark = _scratch.Count;
        do
        {
            var token = _lexer.Token;
            var location = ParseName();
            if (Array.IndexOf(s_directiveLocations, location.Value) < 0)
            {
                throw Unexpected(token);
            }

            _scratch.Add(location);
        }
        while (ExpectOptionalToken(TokenKind.Pipe));

        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = Pop<NameNode>(mark),
            Location = Loc(start),
        };
    }

    // ---- Type system extensions ----

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer.Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.GetText(_body))
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectTypeExtension();
                case "interface": return ParseInterfaceTypeExtension();
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
            }
        }

        throw Unexpected(keyword);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        IReadOnlyList<OperationTypeDefinitionNode> operationTypes = [];
        if (ExpectOptionalToken(TokenKind.BraceL))
        {
            var mark = _scratch.Count;
            do
            {
                _scratch.Add(ParseOperationTypeDefinition());
            }
            while (!ExpectOptionalToken(TokenKind.BraceR));

            operationTypes = Pop<OperationTypeDefinitionNode>(mark);
        }

        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = Loc(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = Loc(start) };
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new ObjectTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new InterfaceTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = Loc(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = Loc(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    // ---- Token helpers ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private void Advance()
    {
        _lastEnd = _lexer.End;
        _lexer.Advance();
        if (_lexer.Kind != TokenKind.EndOfFile && ++_tokenCount > _maxTokens)
        {
            throw TooManyTokens();
        }
    }

    private void ExpectToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw ExpectedTokenError(kind);
        }

        Advance();
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!ExpectOptionalKeyword(keyword))
        {
            throw Error(_lexer.Start, "Expected \"" + keyword + "\", found " + _lexer.Token.Describe(_body) + ".");
        }
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (_lexer.Kind == TokenKind.Name && _lexer.Text.SequenceEqual(keyword))
        {
            Advance();
            return true;
        }

        return false;
    }

    private T[] Pop<T>(int mark)
        where T : Node
    {
        var count = _scratch.Count - mark;
        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (T)_scratch[mark + i];
        }

        _scratch.RemoveRange(mark, count);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Location? Loc(int start) => _noLocation ? null : new Location(start, _lastEnd, _source);

    // Selection sets, lists, input objects and list types nest by recursion: a limit keeps a hostile document from
    // exhausting the stack (and everything that walks the tree later from needing deep recursion).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterNesting()
    {
        if (++_depth > _maxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw TooDeep();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private GraphQLSyntaxError TooDeep() => _depth > _maxNestingDepth
        ? Error(_lexer.Start, "Document is nested more than " + _maxNestingDepth + " levels deep (selection sets, lists, input objects and list types count), the most allowed.")
        : Error(_lexer.Start, "Document is nested too deeply.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private GraphQLSyntaxError ExpectedTokenError(TokenKind kind) =>
        Error(_lexer.Start, "Expected " + kind.Describe() + ", found " + _lexer.Token.Describe(_body) + ".");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private GraphQLSyntaxError Unexpected(Token token) => Error(token.Start, "Unexpected " + token.Describe(_body) + ".");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private GraphQLSyntaxError TooManyTokens() =>
        new(_source, _lexer.Start, "Document contains more than " + _maxTokens + " tokens. Parsing aborted.", Analysis.LimitCodes.MaxTokensExceeded);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private GraphQLSyntaxError Error(int position, string description) => new(_source, position, description);
}
