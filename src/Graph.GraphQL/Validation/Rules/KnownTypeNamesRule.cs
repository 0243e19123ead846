using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Every type named in the document (type conditions, variable types) exists in the schema or the document.</summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    private static readonly string[] s_standardTypeNames = ["String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind"];

    private readonly HashSet<string> _definedTypes = new(StringComparer.Ordinal);

    public KnownTypeNamesRule(ValidationContext context)
        : base(context)
    {
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                _definedTypes.Add(type.Name.Value);
            }
        }
    }

    public override VisitAction Enter(Node node)
    {
        if (node is not NamedTypeNode named)
        {
            return VisitAction.Continue;
        }

        var typeName = named.Name.Value;
        if (Context.Schema.GetType(typeName) is not null || _definedTypes.Contains(typeName))
        {
            return VisitAction.Continue;
        }

        var ancestors = Context.Ancestors;
        var definitionNode = ancestors.Count > 1 ? ancestors[1] : Context.Parent;
        var isSdl = definitionNode is TypeSystemDefinitionNode or TypeSystemExtensionNode;
        if (isSdl && Array.IndexOf(s_standardTypeNames, typeName) >= 0)
        {
            return VisitAction.Continue;
        }

        var candidates = new List<string>(Context.Schema.TypeMap.Keys);
        candidates.AddRange(_definedTypes);
        if (isSdl)
        {
            candidates.AddRange(s_standardTypeNames);
        }

        Context.ReportError($"Unknown type \"{typeName}\"." + SuggestionList.DidYouMean(SuggestionList.For(typeName, candidates)), named);
        return VisitAction.Continue;
    }
}
