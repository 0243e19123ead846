using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Required Arguments (spec 5.4.2.1): every non-null argument without a default is given.</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    private readonly Dictionary<string, List<(string Name, string Type)>> _sdlDirectiveRequired = new(StringComparer.Ordinal);

    public ProvidedRequiredArgumentsRule(ValidationContext context)
        : base(context)
    {
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var required = new List<(string, string)>();
                foreach (var argument in directive.Arguments)
                {
                    if (argument.Type is NonNullTypeNode && argument.DefaultValue is null)
                    {
                        required.Add((argument.Name.Value, AstPrinter.Print(argument.Type)));
                    }
                }

                _sdlDirectiveRequired[directive.Name.Value] = required;
            }
        }
    }

    public override void Leave(Node node)
    {
        switch (node)
        {
            case FieldNode field when Context.FieldDef is { } fieldDef:
                foreach (var argument in fieldDef.Arguments)
                {
                    if (argument.IsRequired && !IsProvided(field.Arguments, argument.Name))
                    {
                        Context.ReportError(
                            $"Field \"{fieldDef.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                            field);
                    }
                }

                break;
            case DirectiveNode directive:
                {
                    var name = directive.Name.Value;
                    if (_sdlDirectiveRequired.TryGetValue(name, out var sdlRequired))
                    {
                        foreach (var (argName, type) in sdlRequired)
                        {
                            if (!IsProvided(directive.Arguments, argName))
                            {
                                ReportDirective(directive, argName, type);
                            }
                        }
                    }
                    else if (Context.Schema.GetDirective(name) is { } definition)
                    {
                        foreach (var argument in definition.Arguments)
                        {
                            if (argument.IsRequired && !IsProvided(directive.Arguments, argument.Name))
                            {
                                ReportDirective(directive, argument.Name, argument.Type.ToString());
                            }
                        }
                    }

                    break;
                }
        }
    }

    private void ReportDirective(DirectiveNode directive, string argument, string type) =>
        Context.ReportError(
            $"Directive \"@{directive.Name.Value}\" argument \"{argument}\" of type \"{type}\" is required, but it was not provided.",
            directive);

    private static bool IsProvided(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }
}
