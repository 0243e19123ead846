using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Tests.Language;

public sealed class ParserTests
{
    private static void AssertSyntaxError(string text, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(text));
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.LocationsOrEmpty));
    }

    [Theory]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Expected Name, found String \"\".", 1, 3)]
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("query", "Expected \"{\", found <EOF>.", 1, 6)]
    [InlineData("{ a(b: ) }", "Unexpected \")\".", 1, 8)]
    [InlineData("fragment on on on { on }", "Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("query Foo($a: Int = $b) { f }", "Unexpected variable \"$b\" in constant value.", 1, 21)]
    [InlineData("query Foo($a) { f }", "Expected \":\", found \")\".", 1, 13)]
    [InlineData("{ f @dir(a: 1 }", "Expected Name, found \"}\".", 1, 15)]
    [InlineData("\"description\" { f }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"description\" extend type A @d", "Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("type Query {}", "Expected Name, found \"}\".", 1, 13)]
    [InlineData("enum E { true }", "Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("directive @d on FIELD | NOT_A_LOCATION", "Unexpected Name \"NOT_A_LOCATION\".", 1, 25)]
    [InlineData("extend type Foo", "Unexpected <EOF>.", 1, 16)]
    [InlineData("extend scalar S", "Unexpected <EOF>.", 1, 16)]
    [InlineData("extend foo Bar @d", "Unexpected Name \"foo\".", 1, 8)]
    [InlineData("{ f(a: [1, 2) }", "Unexpected \")\".", 1, 13)]
    [InlineData("query Q($v: [Int) { f }", "Expected \"]\", found \")\".", 1, 17)]
    public void Reports_syntax_errors_where_they_occur(string text, string message, int line, int column)
    {
        AssertSyntaxError(text, message, line, column);
    }

    [Fact]
    public void Parses_every_executable_production()
    {
        var document = Parser.Parse(KitchenSink.Query);
        Assert.Equal(6, document.Definitions.Count);
        var query = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, query.Operation);
        Assert.Equal("queryName", query.Name!.Value);
        Assert.Equal(2, query.VariableDefinitions.Count);
        Assert.Equal("MOBILE", Assert.IsType<EnumValueNode>(query.VariableDefinitions[1].DefaultValue).Value);
        var node = Assert.IsType<FieldNode>(Assert.Single(query.SelectionSet.Selections));
        Assert.Equal("whoever123is", node.Alias!.Value);
        Assert.Equal("node", node.Name.Value);
        Assert.Equal("whoever123is", node.ResponseName);
        var ids = Assert.IsType<ListValueNode>(Assert.Single(node.Arguments).Value);
        Assert.Equal(["123", "456"], ids.Values.Select(v => Assert.IsType<IntValueNode>(v).Value));
        var selections = node.SelectionSet!.Selections;
        Assert.IsType<FieldNode>(selections[0]);
        Assert.Equal("User", Assert.IsType<InlineFragmentNode>(selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[2]).TypeCondition);
        Assert.Equal("skip", Assert.Single(((InlineFragmentNode)selections[2]).Directives).Name.Value);

        var mutation = Assert.IsType<OperationDefinitionNode>(document.Definitions[1]);
        Assert.Equal(OperationType.Mutation, mutation.Operation);
        var subscription = Assert.IsType<OperationDefinitionNode>(document.Definitions[2]);
        Assert.Equal(OperationType.Subscription, subscription.Operation);
        Assert.Equal("onVariableDefinition", Assert.Single(subscription.VariableDefinitions[0].Directives).Name.Value);

        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[3]);
        Assert.Equal("frag", fragment.Name.Value);
        Assert.Equal("Friend", fragment.TypeCondition.Name.Value);
        var objectArg = Assert.IsType<ObjectValueNode>(((FieldNode)fragment.SelectionSet.Selections[0]).Arguments[2].Value);
        var block = Assert.IsType<StringValueNode>(objectArg.Fields[1].Value);
        Assert.True(block.Block);
        Assert.Equal("block string uses \"\"\"", block.Value);

        var shorthand = Assert.IsType<OperationDefinitionNode>(document.Definitions[4]);
        Assert.Null(shorthand.Name);
        var args = ((FieldNode)shorthand.SelectionSet.Selections[0]).Arguments;
        Assert.True(Assert.IsType<BooleanValueNode>(args[0].Value).Value);
        Assert.False(Assert.IsType<BooleanValueNode>(args[1].Value).Value);
        Assert.IsType<NullValueNode>(args[2].Value);
        Assert.Equal("query", ((FieldNode)shorthand.SelectionSet.Selections[1]).Name.Value);
    }

    [Fact]
    public void Parses_every_type_system_production()
    {
        var document = Parser.Parse(KitchenSink.Schema);
        var foo = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]);
        Assert.Equal("This is a description\nof the `Foo` type.", foo.Description!.Value);
        Assert.Equal(["Bar", "Baz", "Two"], foo.Interfaces.Select(i => i.Name.Value));
        Assert.Equal(7, foo.Fields.Count);
        var two = foo.Fields[1];
        Assert.Equal("This is a description of the `argument` argument.", two.Arguments[0].Description!.Value);
        Assert.IsType<NonNullTypeNode>(two.Arguments[0].Type);
        Assert.IsType<ListValueNode>(foo.Fields[4].Arguments[0].DefaultValue);

        Assert.Contains(document.Definitions, d => d is SchemaDefinitionNode { OperationTypes.Count: 2 });
        Assert.Contains(document.Definitions, d => d is UnionTypeDefinitionNode { Name.Value: "Feed", Types.Count: 3 });
        Assert.Contains(document.Definitions, d => d is EnumTypeDefinitionNode { Name.Value: "Site", Values.Count: 3 });
        Assert.Contains(document.Definitions, d => d is InputObjectTypeDefinitionNode { Name.Value: "InputType", Fields.Count: 2 });
        Assert.Contains(document.Definitions, d => d is InterfaceTypeExtensionNode { Name.Value: "Bar", Interfaces.Count: 1 });
        Assert.Contains(document.Definitions, d => d is ScalarTypeExtensionNode { Name.Value: "CustomScalar" });
        Assert.Contains(document.Definitions, d => d is EnumTypeExtensionNode { Values.Count: 1 });
        Assert.Contains(document.Definitions, d => d is InputObjectTypeExtensionNode { Fields.Count: 1 });
        Assert.Contains(document.Definitions, d => d is UnionTypeExtensionNode { Types.Count: 2 });
        Assert.Contains(document.Definitions, d => d is SchemaExtensionNode { OperationTypes.Count: 1 });
        var repeatable = Assert.Single(document.Definitions.OfType<DirectiveDefinitionNode>(), d => d.Name.Value == "myRepeatableDir");
        Assert.True(repeatable.Repeatable);
        Assert.Equal(["OBJECT", "INTERFACE"], repeatable.Locations.Select(l => l.Value));
        var skip = Assert.Single(document.Definitions.OfType<DirectiveDefinitionNode>(), d => d.Name.Value == "skip");
        Assert.False(skip.Repeatable);
        Assert.Equal("This is a description of the `if` argument", Assert.Single(skip.Arguments).Description!.Value);
    }

    [Fact]
    public void Parses_descriptions_on_executable_definitions()
    {
        var document = Parser.Parse(""""
            "Fetches the hero"
            query Hero("which episode" $episode: Episode) { hero(episode: $episode) { name } }
            """
            Reusable fields
            """
            fragment F on Hero { name }
            """");
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal("Fetches the hero", operation.Description!.Value);
        Assert.Equal("which episode", operation.VariableDefinitions[0].Description!.Value);
        Assert.Equal("Reusable fields", Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]).Description!.Value);
    }

    [Fact]
    public void Records_locations_spanning_each_node()
    {
        var text = "{\n  node(id: 4) {\n    id,\n    name\n  }\n}\n";
        var document = Parser.Parse(text);
        Assert.Equal(0, document.Location!.Value.Start);
        Assert.Equal(41, document.Location.Value.End);
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(4, field.Location!.Value.Start);
        Assert.Equal(38, field.Location.Value.End);
        Assert.Equal("node(id: 4) {\n    id,\n    name\n  }", text[field.Location.Value.Start..field.Location.Value.End]);
        Assert.Equal(new SourceLocation(2, 3), field.Location.Value.StartLocation);
        var argument = field.Arguments[0];
        Assert.Equal("id: 4", text[argument.Location!.Value.Start..argument.Location.Value.End]);
        var name = (FieldNode)field.SelectionSet!.Selections[1];
        Assert.Equal(new SourceLocation(4, 5), name.Location!.Value.StartLocation);
    }

    [Fact]
    public void No_location_option_leaves_locations_out()
    {
        var document = Parser.Parse("{ a }", new ParserOptions { NoLocation = true });
        Assert.Null(document.Location);
        Assert.Null(((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0].Location);
    }

    [Fact]
    public void Max_tokens_limits_the_document_and_says_the_limit()
    {
        Parser.Parse("{ foo }", new ParserOptions { MaxTokens = 3 });
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse("{ foo }", new ParserOptions { MaxTokens = 2 }));
        Assert.Equal("Syntax Error: Document contains more than 2 tokens. Parsing aborted.", error.Message);
        Assert.Equal(new SourceLocation(1, 7), Assert.Single(error.LocationsOrEmpty));
    }

    [Fact]
    public void Keywords_are_allowed_as_names_where_a_name_is_expected()
    {
        var names = new[] { "on", "fragment", "query", "mutation", "subscription", "true", "false", "null", "type", "schema" };
        foreach (var keyword in names)
        {
            var fragmentName = keyword == "on" ? "a" : keyword;
            var document = Parser.Parse($$"""
                query {{keyword}} { ... {{fragmentName}} ... on {{keyword}} { field } }
                fragment {{fragmentName}} on Type { {{keyword}}({{keyword}}: ${{keyword}}) @{{keyword}}({{keyword}}: {{keyword}}) }
                """);
            Assert.Equal(2, document.Definitions.Count);
        }
    }

    [Fact]
    public void Multi_byte_characters_are_kept_in_strings()
    {
        var document = Parser.Parse("# This comment has a \u0A0A multi-byte character.\n{ field(arg: \"Has a \u0A0A multi-byte character.\") }");
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal("Has a \u0A0A multi-byte character.", Assert.IsType<StringValueNode>(field.Arguments[0].Value).Value);
    }

    [Fact]
    public void Parse_value_reads_lists_objects_and_variables()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[123 \"abc\" $var {a: [true]}]"));
        Assert.Equal(4, list.Values.Count);
        Assert.Equal("var", Assert.IsType<VariableNode>(list.Values[2]).Name.Value);
        Assert.IsType<ObjectValueNode>(list.Values[3]);
        Assert.Equal("1.5", Assert.IsType<FloatValueNode>(Parser.ParseValue("1.5")).Value);
        Assert.IsType<StringValueNode>(Parser.ParseValue("\"\"\"block\"\"\""));
    }

    [Fact]
    public void Parse_const_value_rejects_variables()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseConstValue("[$var]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$var\" in constant value.", error.Message);
        Assert.Equal(new SourceLocation(1, 2), Assert.Single(error.LocationsOrEmpty));
    }

    [Fact]
    public void Parse_value_requires_the_whole_input()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue("1 2"));
        Assert.Equal("Syntax Error: Expected <EOF>, found Int \"2\".", error.Message);
    }

    [Fact]
    public void Parse_type_reads_nested_list_and_non_null()
    {
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[MyType!]!"));
        var list = Assert.IsType<ListTypeNode>(type.Type);
        var inner = Assert.IsType<NonNullTypeNode>(list.Type);
        Assert.Equal("MyType", Assert.IsType<NamedTypeNode>(inner.Type).Name.Value);
        Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseType("MyType!!"));
    }

    [Fact]
    public void Deeply_nested_documents_fail_with_a_syntax_error_not_a_crash()
    {
        var depth = 100_000;
        var text = new string('[', depth) + new string(']', depth);
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue(text));
        Assert.Contains("nested more than 500 levels deep", error.Message, StringComparison.Ordinal);

        // Without the nesting limit, the stack guard still turns the recursion into a syntax error.
        var unlimited = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue(text, new ParserOptions { MaxNestingDepth = null }));
        Assert.Contains("nested too deeply", unlimited.Message, StringComparison.Ordinal);

        var selections = "{" + string.Concat(Enumerable.Repeat("a {", depth)) + "b" + new string('}', depth + 1);
        Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(selections));
    }

    [Fact]
    public void Documents_nested_up_to_the_limit_parse_and_the_limit_is_configurable()
    {
        static string Nested(int selectionSets) => "{" + string.Concat(Enumerable.Repeat("a {", selectionSets - 1)) + "b" + new string('}', selectionSets);

        Assert.Single(Parser.Parse(Nested(500)).Definitions);
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(Nested(501)));
        Assert.Equal("Syntax Error: Document is nested more than 500 levels deep (selection sets, lists, input objects and list types count), the most allowed.", error.Message);
        Assert.Single(Parser.Parse(Nested(2000), new ParserOptions { MaxNestingDepth = 2000 }).Definitions);
        Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(Nested(11), new ParserOptions { MaxNestingDepth = 10 }));
    }

    [Fact]
    public void Names_read_twice_are_the_same_string()
    {
        var document = Parser.Parse("{ someField someField }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        Assert.Same(((FieldNode)selections[0]).Name.Value, ((FieldNode)selections[1]).Name.Value);
    }

    [Fact]
    public void Source_name_and_offset_appear_in_error_locations()
    {
        var source = new Source("{\n  a(", "MyQuery.graphql", new SourceLocation(1, 1));
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(source));
        Assert.Equal(new SourceLocation(2, 5), Assert.Single(error.LocationsOrEmpty));
        Assert.Contains("MyQuery.graphql:2:5", error.ToString(), StringComparison.Ordinal);
    }
}
