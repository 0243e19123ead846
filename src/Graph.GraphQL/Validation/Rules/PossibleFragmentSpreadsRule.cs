using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Is Possible (spec 5.5.2.3): a fragment is spread only where its type can overlap the parent type.</summary>
public sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                if (Context.Type is NamedType fragType && Types.IsCompositeType(fragType)
                    && Context.ParentType is NamedType parentType && Types.IsCompositeType(parentType)
                    && !TypeComparators.DoTypesOverlap(Context.Schema, fragType, parentType))
                {
                    Context.ReportError(
                        $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragType.Name}\".",
                        inline);
                }

                break;
            case FragmentSpreadNode spread:
                {
                    var name = spread.Name.Value;
                    if (FragmentType(name) is { } fragmentType && Context.ParentType is NamedType parent
                        && !TypeComparators.DoTypesOverlap(Context.Schema, fragmentType, parent))
                    {
                        Context.ReportError(
                            $"Fragment \"{name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{fragmentType.Name}\".",
                            spread);
                    }

                    break;
                }
        }

        return VisitAction.Continue;
    }

    private NamedType? FragmentType(string name)
    {
        if (Context.GetFragment(name) is { } fragment
            && TypeFromAst.Get(Context.Schema, fragment.TypeCondition) is NamedType type
            && Types.IsCompositeType(type))
        {
            return type;
        }

        return null;
    }
}
