using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Variables Are Input Types (spec 5.8.2): a variable's type is a scalar, enum or input object (or lists/non-null of them).</summary>
public sealed class VariablesAreInputTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is VariableDefinitionNode definition)
        {
            var type = TypeFromAst.Get(Context.Schema, definition.Type);
            if (type is not null && !Types.IsInputType(type))
            {
                Context.ReportError(
                    $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{AstPrinter.Print(definition.Type)}\".",
                    definition.Type);
            }
        }

        return VisitAction.Continue;
    }
}
