using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Input Object Field Uniqueness (spec 5.6.3): an object literal gives each field once.</summary>
public sealed class UniqueInputFieldNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is not ObjectValueNode value || value.Fields.Count < 2)
        {
            return VisitAction.Continue;
        }

        var fields = value.Fields;
        for (var i = 1; i < fields.Count; i++)
        {
            var name = fields[i].Name.Value;
            for (var j = 0; j < i; j++)
            {
                if (fields[j].Name.Value == name)
                {
                    Context.ReportError($"There can be only one input field named \"{name}\".", fields[j].Name, fields[i].Name);
                    break;
                }
            }
        }

        return VisitAction.Continue;
    }
}
