using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Argument Uniqueness (spec 5.4.2): a field or directive is given each argument once.</summary>
public sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        var arguments = node switch
        {
            FieldNode field => field.Arguments,
            DirectiveNode directive => directive.Arguments,
            _ => null,
        };
        if (arguments is null || arguments.Count < 2)
        {
            return VisitAction.Continue;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i].Name.Value;
            var firstIndex = -1;
            for (var j = 0; j < i; j++)
            {
                if (arguments[j].Name.Value == name)
                {
                    firstIndex = j;
                    break;
                }
            }

            if (firstIndex >= 0)
            {
                continue; // reported with its first occurrence
            }

            List<Node>? duplicates = null;
            for (var j = i + 1; j < arguments.Count; j++)
            {
                if (arguments[j].Name.Value == name)
                {
                    duplicates ??= [arguments[i].Name];
                    duplicates.Add(arguments[j].Name);
                }
            }

            if (duplicates is not null)
            {
                Context.ReportError($"There can be only one argument named \"{name}\".", duplicates.ToArray());
            }
        }

        return VisitAction.Continue;
    }
}
