using System.Globalization;
using System.Text;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Language;

/// <summary>
/// Prints an AST as canonical GraphQL text, formatted like graphql-js <c>print</c>: two-space indented blocks,
/// field arguments, lists and objects wrapped when the line passes 80 characters, block strings kept as block strings.
/// </summary>
public static class AstPrinter
{
    private const int MaxLineLength = 80;

    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return PrintNode(node);
    }

    /// <summary>Prints a string as a double-quoted GraphQL string literal with the needed escapes.</summary>
    public static string PrintString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    private static string PrintNode(Node? node)
    {
        switch (node)
        {
            case null:
                return string.Empty;
            case NameNode n:
                return n.Value;
            case DocumentNode n:
                return Join(n.Definitions, "\n\n");
            case OperationDefinitionNode n:
                {
                    // Multi-line variable definitions (long defaults) go one per line, unindented, as graphql-js 17 prints them.
                    var varDefs = HasMultilineItems(n.VariableDefinitions)
                        ? Wrap("(\n", Join(n.VariableDefinitions, "\n"), "\n)")
                        : Wrap("(", Join(n.VariableDefinitions, ", "), ")");
                    var prefix = Join3(OperationName(n.Operation), PrintNode(n.Name) + varDefs, Join(n.Directives, " "), " ");
                    var body = (prefix == "query" ? string.Empty : prefix + " ") + PrintNode(n.SelectionSet);
                    return Wrap(string.Empty, PrintNode(n.Description), "\n") + body;
                }

            case VariableDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), " ")
                    + PrintNode(n.Variable) + ": " + PrintNode(n.Type)
                    + Wrap(" = ", PrintNode(n.DefaultValue)) + Wrap(" ", Join(n.Directives, " "));
            case SelectionSetNode n:
                return Block(n.Selections);
            case FieldNode n:
                {
                    var prefix = Wrap(string.Empty, PrintNode(n.Alias), ": ") + n.Name.Value;
                    var argsLine = prefix + Wrap("(", Join(n.Arguments, ", "), ")");
                    if (argsLine.Length > MaxLineLength)
                    {
                        argsLine = prefix + Wrap("(\n", Indent(Join(n.Arguments, "\n")), "\n)");
                    }

                    return Join3(argsLine, Join(n.Directives, " "), PrintNode(n.SelectionSet), " ");
                }

            case ArgumentNode n:
                return n.Name.Value + ": " + PrintNode(n.Value);
            case FragmentSpreadNode n:
                return "..." + n.Name.Value + Wrap(" ", Join(n.Directives, " "));
            case InlineFragmentNode n:
                return JoinNonEmpty(" ", "...", Wrap("on ", PrintNode(n.TypeCondition)), Join(n.Directives, " "), PrintNode(n.SelectionSet));
            case FragmentDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + "fragment " + n.Name.Value + " on " + n.TypeCondition.Name.Value + " "
                    + Wrap(string.Empty, Join(n.Directives, " "), " ") + PrintNode(n.SelectionSet);
            case VariableNode n:
                return "$" + n.Name.Value;
            case IntValueNode n:
                return n.Value;
            case FloatValueNode n:
                return n.Value;
            case StringValueNode n:
                return n.Block ? BlockString.Print(n.Value) : PrintString(n.Value);
            case BooleanValueNode n:
                return n.Value ? "true" : "false";
            case NullValueNode:
                return "null";
            case EnumValueNode n:
                return n.Value;
            case ListValueNode n:
                {
                    var values = Join(n.Values, ", ");
                    return 2 + values.Length > MaxLineLength
                        ? "[\n" + Indent(Join(n.Values, "\n")) + "\n]"
                        : "[" + values + "]";
                }

            case ObjectValueNode n:
                {
                    // graphql-js 17 pads the braces ("{ x: 1 }", and "{  }" when empty) and breaks long objects into a block.
                    var fields = Join(n.Fields, ", ");
                    return 4 + fields.Length > MaxLineLength ? Block(n.Fields) : "{ " + fields + " }";
                }

            case ObjectFieldNode n:
                return n.Name.Value + ": " + PrintNode(n.Value);
            case DirectiveNode n:
                return "@" + n.Name.Value + Wrap("(", Join(n.Arguments, ", "), ")");
            case NamedTypeNode n:
                return n.Name.Value;
            case ListTypeNode n:
                return "[" + PrintNode(n.Type) + "]";
            case NonNullTypeNode n:
                return PrintNode(n.Type) + "!";
            case SchemaDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + Join3("schema", Join(n.Directives, " "), Block(n.OperationTypes), " ");
            case OperationTypeDefinitionNode n:
                return OperationName(n.Operation) + ": " + PrintNode(n.Type);
            case ScalarTypeDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n") + Join3("scalar", n.Name.Value, Join(n.Directives, " "), " ");
            case ObjectTypeDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + JoinNonEmpty(" ", "type", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields));
            case FieldDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n") + n.Name.Value + PrintArgumentDefinitions(n.Arguments)
                    + ": " + PrintNode(n.Type) + Wrap(" ", Join(n.Directives, " "));
            case InputValueDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + Join3(n.Name.Value + ": " + PrintNode(n.Type), Wrap("= ", PrintNode(n.DefaultValue)), Join(n.Directives, " "), " ");
            case InterfaceTypeDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + JoinNonEmpty(" ", "interface", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields));
            case UnionTypeDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + JoinNonEmpty(" ", "union", n.Name.Value, Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | ")));
            case EnumTypeDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + JoinNonEmpty(" ", "enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values));
            case EnumValueDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n") + Join3(n.Name.Value, Join(n.Directives, " "), string.Empty, " ");
            case InputObjectTypeDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n")
                    + JoinNonEmpty(" ", "input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields));
            case DirectiveDefinitionNode n:
                return Wrap(string.Empty, PrintNode(n.Description), "\n") + "directive @" + n.Name.Value
                    + PrintArgumentDefinitions(n.Arguments) + (n.Repeatable ? " repeatable" : string.Empty)
                    + " on " + Join(n.Locations, " | ");
            case SchemaExtensionNode n:
                return Join3("extend schema", Join(n.Directives, " "), Block(n.OperationTypes), " ");
            case ScalarTypeExtensionNode n:
                return Join3("extend scalar", n.Name.Value, Join(n.Directives, " "), " ");
            case ObjectTypeExtensionNode n:
                return JoinNonEmpty(" ", "extend type", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields));
            case InterfaceTypeExtensionNode n:
                return JoinNonEmpty(" ", "extend interface", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields));
            case UnionTypeExtensionNode n:
                return JoinNonEmpty(" ", "extend union", n.Name.Value, Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | ")));
            case EnumTypeExtensionNode n:
                return JoinNonEmpty(" ", "extend enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values));
            case InputObjectTypeExtensionNode n:
                return JoinNonEmpty(" ", "extend input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields));
            default:
                throw new ArgumentException($"Cannot print node of kind {node.Kind}.", nameof(node));
        }
    }

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        var printed = new string[arguments.Count];
        var multiline = false;
        for (var i = 0; i < printed.Length; i++)
        {
            printed[i] = PrintNode(arguments[i]);
            multiline |= printed[i].Contains('\n', StringComparison.Ordinal);
        }

        return multiline
            ? Wrap("(\n", Indent(JoinStrings(printed, "\n")), "\n)")
            : Wrap("(", JoinStrings(printed, ", "), ")");
    }

    private static bool HasMultilineItems<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        foreach (var node in nodes)
        {
            if (PrintNode(node).Contains('\n', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Join<T>(IReadOnlyList<T> nodes, string separator)
        where T : Node
    {
        if (nodes.Count == 0)
        {
            return string.Empty;
        }

        var printed = new string[nodes.Count];
        for (var i = 0; i < printed.Length; i++)
        {
            printed[i] = PrintNode(nodes[i]);
        }

        return JoinStrings(printed, separator);
    }

    private static string JoinStrings(string[] parts, string separator)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    private static string Join3(string a, string b, string c, string separator) => JoinNonEmpty(separator, a, b, c);

    private static string JoinNonEmpty(string separator, params string[] parts) => JoinStrings(parts, separator);

    private static string Block<T>(IReadOnlyList<T> nodes)
        where T : Node => Wrap("{\n", Indent(Join(nodes, "\n")), "\n}");

    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? string.Empty : start + value + end;

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  ", StringComparison.Ordinal));
}
