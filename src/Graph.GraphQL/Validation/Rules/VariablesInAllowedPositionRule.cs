using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed (spec 5.8.5): a variable's type fits every position it is used in; a nullable
/// variable may fill a non-null position only when the variable or the position has a default value. A variable
/// giving the field of a OneOf input object must be non-null.
/// </summary>
public sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
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

        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            definitions[definition.Variable.Name.Value] = definition;
        }

        var schema = Context.Schema;
        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is null)
            {
                continue;
            }

            var varType = TypeFromAst.Get(schema, definition.Type);
            if (varType is null)
            {
                continue;
            }

            if (!AllowedVariableUsage(schema, varType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
            {
                Context.ReportError(
                    $"Variable \"${name}\" of type \"{varType}\" used in position expecting type \"{usage.Type}\".",
                    definition,
                    usage.Node);
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && varType is not NonNullType)
            {
                Context.ReportError(
                    $"Variable \"${name}\" is of type \"{varType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition,
                    usage.Node);
            }
        }

    }

    private static bool AllowedVariableUsage(GraphQLSchema schema, GraphQLType varType, ValueNode? varDefaultValue, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && varType is not NonNullType)
        {
            var hasNonNullVariableDefault = varDefaultValue is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(schema, varType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(schema, varType, locationType);
    }
}
