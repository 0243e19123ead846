using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Fragments On Composite Types (spec 5.5.1.3): a type condition names an object, interface or union.</summary>
public sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition }:
                if (TypeFromAst.Get(Context.Schema, condition) is { } inlineType && !Types.IsCompositeType(inlineType))
                {
                    Context.ReportError($"Fragment cannot condition on non composite type \"{AstPrinter.Print(condition)}\".", condition);
                }

                break;
            case FragmentDefinitionNode fragment:
                if (TypeFromAst.Get(Context.Schema, fragment.TypeCondition) is { } type && !Types.IsCompositeType(type))
                {
                    Context.ReportError(
                        $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{AstPrinter.Print(fragment.TypeCondition)}\".",
                        fragment.TypeCondition);
                }

                break;
        }

        return VisitAction.Continue;
    }
}
