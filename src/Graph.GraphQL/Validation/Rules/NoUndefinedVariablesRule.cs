using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>All Variable Uses Defined (spec 5.8.3): every variable used by an operation, through any fragment, is declared by it.</summary>
public sealed class NoUndefinedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    // Checked when leaving the operation, as graphql-js does, so errors come in the same order.
    public override VisitAction Enter(Node node)
    {
        return node is FragmentDefinitionNode ? VisitAction.SkipChildren : VisitAction.Continue;
    }

    public override void Leave(Node node)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return;
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            defined.Add(definition.Variable.Name.Value);
        }

        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name))
            {
                var message = operation.Name is { } opName
                    ? $"Variable \"${name}\" is not defined by operation \"{opName.Value}\"."
                    : $"Variable \"${name}\" is not defined.";
                Context.ReportError(message, usage.Node, operation);
            }
        }

    }
}
