using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>All Variables Used (spec 5.8.4): every variable an operation declares is used by it or its fragments.</summary>
public sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    // Checked when leaving the operation, as graphql-js does, so errors come in the same order.
    public override VisitAction Enter(Node node)
    {
        // Nothing to check for an operation without variables.
        if (node is OperationDefinitionNode { VariableDefinitions.Count: 0 })
        {
            return VisitAction.SkipChildren;
        }

        return node is FragmentDefinitionNode ? VisitAction.SkipChildren : VisitAction.Continue;
    }

    public override void Leave(Node node)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            used.Add(usage.Node.Name.Value);
        }

        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            if (!used.Contains(name))
            {
                var message = operation.Name is { } opName
                    ? $"Variable \"${name}\" is never used in operation \"{opName.Value}\"."
                    : $"Variable \"${name}\" is never used.";
                Context.ReportError(message, definition);
            }
        }

    }
}
