using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Executable Definitions (spec 5.1.1): a document to execute holds only operations and fragments.</summary>
public sealed class ExecutableDefinitionsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is not DocumentNode document)
        {
            return VisitAction.Continue;
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode type => "\"" + type.Name.Value + "\"",
                TypeExtensionNode extension => "\"" + extension.Name.Value + "\"",
                DirectiveDefinitionNode directive => "\"" + directive.Name.Value + "\"",
                _ => "\"" + definition.Kind + "\"",
            };
            Context.ReportError($"The {name} definition is not executable.", definition);
        }

        return VisitAction.SkipChildren;
    }
}
