using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Variable Uniqueness (spec 5.8.1): an operation declares each variable once.</summary>
public sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is OperationDefinitionNode operation)
        {
            ReportDuplicates(operation.VariableDefinitions);
        }

        return VisitAction.Continue;
    }

    private void ReportDuplicates(IReadOnlyList<VariableDefinitionNode> definitions)
    {
        if (definitions.Count < 2)
        {
            return;
        }

        // Groups in first-seen order, as graphql-js reports them.
        var groups = new Dictionary<string, List<NameNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name;
            if (!groups.TryGetValue(name.Value, out var list))
            {
                groups[name.Value] = list = [];
                order.Add(name.Value);
            }

            list.Add(name);
        }

        foreach (var name in order)
        {
            var names = groups[name];
            if (names.Count > 1)
            {
                Context.ReportError($"There can be only one variable named \"${name}\".", names.ToArray());
            }
        }
    }
}
