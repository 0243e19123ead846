using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Validation.Rules;

/// <summary>Field Selections (spec 5.3.1): a selected field is defined on the type it is selected on.</summary>
public sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitAction Enter(Node node)
    {
        if (node is not FieldNode field || Context.ParentType is not NamedType parentType || Context.FieldDef is not null)
        {
            return VisitAction.Continue;
        }

        var fieldName = field.Name.Value;
        var suggestion = SuggestionList.DidYouMean("to use an inline fragment on", SuggestedTypeNames(parentType, fieldName));
        if (suggestion.Length == 0)
        {
            suggestion = SuggestionList.DidYouMean(SuggestedFieldNames(parentType, fieldName));
        }

        Context.ReportError($"Cannot query field \"{fieldName}\" on type \"{parentType.Name}\"." + suggestion, field);
        return VisitAction.Continue;
    }

    // Types that do have the field, for "did you mean to use an inline fragment on": most used first,
    // interfaces before their implementations, then by name.
    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        var result = new List<string>();
        if (!Types.IsAbstractType(type))
        {
            return result;
        }

        var schema = Context.Schema;
        var suggested = new List<NamedType>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            suggested.Add(possible);
            usage[possible.Name] = 1;
            foreach (var iface in possible.Interfaces)
            {
                if (iface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usage.TryGetValue(iface.Name, out var count))
                {
                    suggested.Add(iface);
                }

                usage[iface.Name] = count + 1;
            }
        }

        suggested.Sort((a, b) =>
        {
            var diff = usage[b.Name] - usage[a.Name];
            if (diff != 0)
            {
                return diff;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return string.CompareOrdinal(a.Name, b.Name);
        });
        foreach (var t in suggested)
        {
            result.Add(t.Name);
        }

        return result;
    }

    private static IReadOnlyList<string> SuggestedFieldNames(NamedType type, string fieldName)
    {
        if (type is not ComplexType complex)
        {
            return [];
        }

        var names = new List<string>(complex.Fields.Count);
        foreach (var f in complex.Fields)
        {
            names.Add(f.Name);
        }

        return SuggestionList.For(fieldName, names);
    }
}
