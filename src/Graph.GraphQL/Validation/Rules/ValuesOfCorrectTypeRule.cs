using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type (spec 5.6.1) and Input Object Required Fields (5.6.4): every literal can be coerced
/// to the input type expected where it is written; OneOf input objects get exactly one non-null field.
/// </summary>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.ListValue:
                // TypeInfo has already stepped into the item type, so the list type is the parent input type.
                if (Types.GetNullableType(Context.ParentInputType) is not ListType)
                {
                    CheckLeafValue(node);
                    return VisitAction.SkipChildren;
                }

                return VisitAction.Continue;
            case SyntaxKind.ObjectValue:
                return EnterObject((ObjectValueNode)node);
            case SyntaxKind.ObjectField:
                {
                    var field = (ObjectFieldNode)node;
                    if (Context.InputType is null && Types.GetNamedType(Context.ParentInputType) is InputObjectType parentType)
                    {
                        var names = new List<string>(parentType.Fields.Count);
                        foreach (var f in parentType.Fields)
                        {
                            names.Add(f.Name);
                        }

                        Context.ReportError(
                            $"Field \"{field.Name.Value}\" is not defined by type \"{parentType.Name}\"." + SuggestionList.DidYouMean(SuggestionList.For(field.Name.Value, names)),
                            field);
                    }

                    return VisitAction.Continue;
                }

            case SyntaxKind.NullValue:
                if (Context.InputType is NonNullType nonNull)
                {
                    Context.ReportError($"Expected value of type \"{nonNull}\", found null.", node);
                }

                return VisitAction.Continue;
            case SyntaxKind.EnumValue:
            case SyntaxKind.IntValue:
            case SyntaxKind.FloatValue:
            case SyntaxKind.StringValue:
            case SyntaxKind.BooleanValue:
                CheckLeafValue(node);
                return VisitAction.Continue;
            default:
                return VisitAction.Continue;
        }
    }

    private VisitAction EnterObject(ObjectValueNode node)
    {
        if (Types.GetNamedType(Context.InputType) is not InputObjectType type)
        {
            CheckLeafValue(node);
            return VisitAction.SkipChildren;
        }

        foreach (var fieldDef in type.Fields)
        {
            if (fieldDef.IsRequired && FindField(node, fieldDef.Name) is null)
            {
                Context.ReportError($"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.", node);
            }
        }

        if (type.IsOneOf)
        {
            CheckOneOf(node, type);
        }

        return VisitAction.Continue;
    }

    private void CheckOneOf(ObjectValueNode node, InputObjectType type)
    {
        if (node.Fields.Count != 1)
        {
            Context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }

        var field = node.Fields[0];
        if (field.Value is NullValueNode)
        {
            Context.ReportError($"Field \"{type.Name}.{field.Name.Value}\" must be non-null.", node);
        }
    }

    private static ObjectFieldNode? FindField(ObjectValueNode node, string name)
    {
        foreach (var field in node.Fields)
        {
            if (field.Name.Value == name)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Reports a literal that the expected leaf type cannot parse (reported at the full expected type).</summary>
    private void CheckLeafValue(Node node)
    {
        var locationType = Context.InputType;
        if (locationType is null)
        {
            return;
        }

        var type = Types.GetNamedType(locationType);
        var value = (ValueNode)node;
        if (!Types.IsLeafType(type))
        {
            Context.ReportError($"Expected value of type \"{locationType}\", found {AstPrinter.Print(value)}.", node);
            return;
        }

        try
        {
            if (type is EnumType enumType)
            {
                enumType.ParseLiteral(value);
            }
            else
            {
                ((ScalarType)type!).ParseLiteral(value);
            }
        }
        catch (GraphQLError error)
        {
            Context.ReportError(error);
        }
        catch (Exception error) when (error is not ValidationAbortedException)
        {
            Context.ReportError(new GraphQLError(
                $"Expected value of type \"{locationType}\", found {AstPrinter.Print(value)}; {error.Message}",
                [node],
                originalError: error));
        }
    }
}
