using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Leaf Field Selections (spec 5.3.3): scalar and enum fields have no selection set; all others must have one.</summary>
public sealed class ScalarLeafsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is not FieldNode field || Context.Type is not { } type)
        {
            return VisitAction.Continue;
        }

        var name = field.Name.Value;
        if (Types.IsLeafType(Types.GetNamedType(type)))
        {
            if (field.SelectionSet is { } selectionSet)
            {
                Context.ReportError($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            Context.ReportError($"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field);
        }

        return VisitAction.Continue;
    }
}
