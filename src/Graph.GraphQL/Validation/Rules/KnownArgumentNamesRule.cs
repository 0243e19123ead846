using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Argument Names (spec 5.4.1): every argument of a field or directive is defined by it.</summary>
public sealed class KnownArgumentNamesRule : ValidationRule
{
    private readonly Dictionary<string, List<string>> _directiveArguments = new(StringComparer.Ordinal);

    public KnownArgumentNamesRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            var names = new List<string>(directive.Arguments.Count);
            foreach (var argument in directive.Arguments)
            {
                names.Add(argument.Name);
            }

            _directiveArguments[directive.Name] = names;
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var names = new List<string>(directive.Arguments.Count);
                foreach (var argument in directive.Arguments)
                {
                    names.Add(argument.Name.Value);
                }

                _directiveArguments[directive.Name.Value] = names;
            }
        }
    }

    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case DirectiveNode directive:
                if (_directiveArguments.TryGetValue(directive.Name.Value, out var known))
                {
                    foreach (var argument in directive.Arguments)
                    {
                        var name = argument.Name.Value;
                        if (!known.Contains(name))
                        {
                            Context.ReportError(
                                $"Unknown argument \"{name}\" on directive \"@{directive.Name.Value}\"." + SuggestionList.DidYouMean(SuggestionList.For(name, known)),
                                argument);
                        }
                    }
                }

                // Directive arguments are checked here; the field check below must not see them.
                return VisitAction.SkipChildren;
            case ArgumentNode argument:
                if (Context.Argument is null && Context.FieldDef is { } fieldDef && Context.ParentType is NamedType parentType)
                {
                    var name = argument.Name.Value;
                    var names = new List<string>(fieldDef.Arguments.Count);
                    foreach (var a in fieldDef.Arguments)
                    {
                        names.Add(a.Name);
                    }

                    Context.ReportError(
                        $"Unknown argument \"{name}\" on field \"{parentType.Name}.{fieldDef.Name}\"." + SuggestionList.DidYouMean(SuggestionList.For(name, names)),
                        argument);
                }

                return VisitAction.Continue;
            default:
                return VisitAction.Continue;
        }
    }
}
