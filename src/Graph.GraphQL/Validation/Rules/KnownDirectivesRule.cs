using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Directives Are Defined and In Valid Locations (spec 5.7.1, 5.7.2).</summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    private readonly Dictionary<string, IReadOnlyList<DirectiveLocation>> _locations = new(StringComparer.Ordinal);

    public KnownDirectivesRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            _locations[directive.Name] = directive.Locations;
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var locations = new List<DirectiveLocation>();
                foreach (var name in directive.Locations)
                {
                    if (Enum.TryParse<DirectiveLocation>(name.Value, out var location))
                    {
                        locations.Add(location);
                    }
                }

                _locations[directive.Name.Value] = locations;
            }
        }
    }

    public override VisitAction Enter(Node node)
    {
        if (node is not DirectiveNode directive)
        {
            return VisitAction.Continue;
        }

        var name = directive.Name.Value;
        if (!_locations.TryGetValue(name, out var locations))
        {
            Context.ReportError($"Unknown directive \"@{name}\".", directive);
            return VisitAction.Continue;
        }

        if (LocationOf(Context.Ancestors) is { } candidate && !Contains(locations, candidate))
        {
            Context.ReportError($"Directive \"@{name}\" may not be used on {candidate}.", directive);
        }

        return VisitAction.Continue;
    }

    private static bool Contains(IReadOnlyList<DirectiveLocation> locations, DirectiveLocation location)
    {
        foreach (var l in locations)
        {
            if (l == location)
            {
                return true;
            }
        }

        return false;
    }

    private static DirectiveLocation? LocationOf(IReadOnlyList<Node> ancestors)
    {
        if (ancestors.Count == 0)
        {
            return null;
        }

        return ancestors[^1] switch
        {
            OperationDefinitionNode operation => operation.Operation switch
            {
                OperationType.Query => DirectiveLocation.QUERY,
                OperationType.Mutation => DirectiveLocation.MUTATION,
                _ => DirectiveLocation.SUBSCRIPTION,
            },
            FieldNode => DirectiveLocation.FIELD,
            FragmentSpreadNode => DirectiveLocation.FRAGMENT_SPREAD,
            InlineFragmentNode => DirectiveLocation.INLINE_FRAGMENT,
            FragmentDefinitionNode => DirectiveLocation.FRAGMENT_DEFINITION,
            VariableDefinitionNode => DirectiveLocation.VARIABLE_DEFINITION,
            SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.SCHEMA,
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.SCALAR,
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.OBJECT,
            FieldDefinitionNode => DirectiveLocation.FIELD_DEFINITION,
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.INTERFACE,
            UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.UNION,
            EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.ENUM,
            EnumValueDefinitionNode => DirectiveLocation.ENUM_VALUE,
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.INPUT_OBJECT,
            InputValueDefinitionNode => ancestors.Count > 1 && ancestors[^2] is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
                ? DirectiveLocation.INPUT_FIELD_DEFINITION
                : DirectiveLocation.ARGUMENT_DEFINITION,
            _ => null,
        };
    }
}
