using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Operation Type Existence (September 2025 spec): the schema must have a root type for each operation's kind.</summary>
public sealed class KnownOperationTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case OperationDefinitionNode operation:
                var root = operation.Operation switch
                {
                    OperationType.Query => Context.Schema.QueryType,
                    OperationType.Mutation => Context.Schema.MutationType,
                    _ => Context.Schema.SubscriptionType,
                };
                if (root is null)
                {
                    var kind = operation.Operation.ToString().ToLowerInvariant();
                    Context.ReportError($"The {kind} operation is not supported by the schema.", operation);
                }

                return VisitAction.SkipChildren;
            case FragmentDefinitionNode:
                return VisitAction.SkipChildren;
            default:
                return VisitAction.Continue;
        }
    }
}
