using System.Text;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Prints a schema as SDL, byte for byte like graphql-js's <c>printSchema</c>: built-in scalars, built-in directives
/// and introspection types are left out; definitions are separated by a blank line; no trailing newline.
/// </summary>
public static class SchemaPrinter
{
    /// <summary>The schema's SDL.</summary>
    public static string Print(GraphQLSchema schema)
    {
        var parts = new List<string>();
        var schemaDefinition = PrintSchemaDefinition(schema);
        if (schemaDefinition is not null)
        {
            parts.Add(schemaDefinition);
        }

        foreach (var directive in schema.Directives)
        {
            if (!Directives.IsSpecified(directive))
            {
                parts.Add(PrintDirective(directive));
            }
        }

        foreach (var type in schema.Types)
        {
            if (!Scalars.IsSpecified(type) && !Types.IsIntrospectionType(type))
            {
                parts.Add(PrintType(type));
            }
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>The SDL of one named type.</summary>
    public static string PrintType(NamedType type) => type switch
    {
        ScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedBy(scalar),
        ObjectType objectType => PrintDescription(objectType.Description) + "type " + objectType.Name + PrintImplements(objectType) + PrintFields(objectType),
        InterfaceType iface => PrintDescription(iface.Description) + "interface " + iface.Name + PrintImplements(iface) + PrintFields(iface),
        UnionType union => PrintDescription(union.Description) + "union " + union.Name + PrintUnionMembers(union),
        EnumType enumType => PrintDescription(enumType.Description) + "enum " + enumType.Name + PrintEnumValues(enumType),
        InputObjectType input => PrintDescription(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty) + PrintInputFields(input),
        _ => throw new ArgumentException($"Cannot print type {type}.", nameof(type)),
    };

    private static string? PrintSchemaDefinition(GraphQLSchema schema)
    {
        if (schema.Description is null && IsSchemaOfCommonNames(schema))
        {
            return null;
        }

        var operationTypes = new List<string>();
        if (schema.QueryType is not null)
        {
            operationTypes.Add("  query: " + schema.QueryType.Name);
        }

        if (schema.MutationType is not null)
        {
            operationTypes.Add("  mutation: " + schema.MutationType.Name);
        }

        if (schema.SubscriptionType is not null)
        {
            operationTypes.Add("  subscription: " + schema.SubscriptionType.Name);
        }

        return PrintDescription(schema.Description) + "schema {\n" + string.Join("\n", operationTypes) + "\n}";
    }

    private static bool IsSchemaOfCommonNames(GraphQLSchema schema) =>
        (schema.QueryType is null || schema.QueryType.Name == "Query")
        && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
        && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");

    private static string PrintDirective(DirectiveDefinition directive)
    {
        var locations = new List<string>(directive.Locations.Count);
        foreach (var location in directive.Locations)
        {
            locations.Add(location.ToString());
        }

        return PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArgs(directive.Arguments, string.Empty)
            + (directive.IsRepeatable ? " repeatable" : string.Empty) + " on " + string.Join(" | ", locations);
    }

    private static string PrintImplements(ComplexType type)
    {
        if (type.Interfaces.Count == 0)
        {
            return string.Empty;
        }

        var names = new List<string>(type.Interfaces.Count);
        foreach (var iface in type.Interfaces)
        {
            names.Add(iface.Name);
        }

        return " implements " + string.Join(" & ", names);
    }

    private static string PrintFields(ComplexType type)
    {
        var items = new List<string>(type.Fields.Count);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            items.Add(PrintDescription(field.Description, "  ", i == 0) + "  " + field.Name + PrintArgs(field.Arguments, "  ") + ": " + field.Type + PrintDeprecated(field.DeprecationReason));
        }

        return PrintBlock(items);
    }

    private static string PrintUnionMembers(UnionType union)
    {
        if (union.Types.Count == 0)
        {
            return string.Empty;
        }

        var names = new List<string>(union.Types.Count);
        foreach (var member in union.Types)
        {
            names.Add(member.Name);
        }

        return " = " + string.Join(" | ", names);
    }

    private static string PrintEnumValues(EnumType type)
    {
        var items = new List<string>(type.Values.Count);
        for (var i = 0; i < type.Values.Count; i++)
        {
            var value = type.Values[i];
            items.Add(PrintDescription(value.Description, "  ", i == 0) + "  " + value.Name + PrintDeprecated(value.DeprecationReason));
        }

        return PrintBlock(items);
    }

    private static string PrintInputFields(InputObjectType type)
    {
        var items = new List<string>(type.Fields.Count);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            items.Add(PrintDescription(type.Fields[i].Description, "  ", i == 0) + "  " + PrintInputValue(type.Fields[i]));
        }

        return PrintBlock(items);
    }

    private static string PrintBlock(List<string> items) => items.Count != 0 ? " {\n" + string.Join("\n", items) + "\n}" : string.Empty;

    private static string PrintArgs(IReadOnlyList<InputValueDefinition> args, string indentation)
    {
        if (args.Count == 0)
        {
            return string.Empty;
        }

        var anyDescription = false;
        foreach (var arg in args)
        {
            anyDescription |= arg.Description is not null;
        }

        var builder = new StringBuilder();
        if (!anyDescription)
        {
            builder.Append('(');
            for (var i = 0; i < args.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(PrintInputValue(args[i]));
            }

            return builder.Append(')').ToString();
        }

        builder.Append("(\n");
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }

            builder.Append(PrintDescription(args[i].Description, "  " + indentation, i == 0)).Append("  ").Append(indentation).Append(PrintInputValue(args[i]));
        }

        return builder.Append('\n').Append(indentation).Append(')').ToString();
    }

    private static string PrintInputValue(InputValueDefinition arg)
    {
        var result = arg.Name + ": " + arg.Type;
        if (arg.HasDefaultValue && (AstFromValue.Get(arg.DefaultValue, arg.Type) ?? arg.DefaultValueLiteral) is { } defaultAst)
        {
            result += " = " + AstPrinter.Print(defaultAst);
        }

        return result + PrintDeprecated(arg.DeprecationReason);
    }

    private static string PrintDeprecated(string? reason)
    {
        if (reason is null)
        {
            return string.Empty;
        }

        return reason != Directives.DefaultDeprecationReason
            ? " @deprecated(reason: " + AstPrinter.Print(new StringValueNode(reason)) + ")"
            : " @deprecated";
    }

    private static string PrintSpecifiedBy(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + AstPrinter.Print(new StringValueNode(scalar.SpecifiedByUrl)) + ")";

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var text = AstPrinter.Print(new StringValueNode(description, BlockString.IsPrintableAsBlockString(description)));
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + text.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
