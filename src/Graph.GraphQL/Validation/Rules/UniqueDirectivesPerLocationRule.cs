using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Directives Are Unique Per Location (spec 5.7.3): a non-repeatable directive appears at most once on a node.</summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    private readonly Dictionary<string, bool> _isUnique = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveNode> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectivesMap = new(StringComparer.Ordinal);
    private Dictionary<string, DirectiveNode>? _schemaDirectives;

    public UniqueDirectivesPerLocationRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            _isUnique[directive.Name] = !directive.IsRepeatable;
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _isUnique[directive.Name.Value] = !directive.Repeatable;
            }
        }
    }

    public override VisitAction Enter(Node node)
    {
        var directives = node switch
        {
            FieldNode f => f.Directives,
            SelectionNode s => s.Directives,
            DefinitionNode d => d.Directives,
            VariableDefinitionNode v => v.Directives,
            FieldDefinitionNode fd => fd.Directives,
            InputValueDefinitionNode iv => iv.Directives,
            EnumValueDefinitionNode ev => ev.Directives,
            _ => null,
        };
        if (directives is null || directives.Count == 0)
        {
            return VisitAction.Continue;
        }

        // Schema and type extensions share one set of seen directives with their definition (SDL documents).
        Dictionary<string, DirectiveNode> seen;
        if (node is SchemaDefinitionNode or SchemaExtensionNode)
        {
            seen = _schemaDirectives ??= new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        }
        else if (node is TypeDefinitionNode or TypeExtensionNode)
        {
            var typeName = node is TypeDefinitionNode t ? t.Name.Value : ((TypeExtensionNode)node).Name.Value;
            if (!_typeDirectivesMap.TryGetValue(typeName, out seen!))
            {
                _typeDirectivesMap[typeName] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            }
        }
        else
        {
            seen = _seen;
            seen.Clear();
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (!_isUnique.TryGetValue(name, out var unique) || !unique)
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                Context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }

        return VisitAction.Continue;
    }
}
