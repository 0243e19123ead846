using Graph.Core.Model;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>PartialDate</c> scalar: an ISO 8601 date at year, month or day precision (<c>2024</c>, <c>2024-10</c>, <c>2025-02-09</c>).</summary>
public static class PartialDateScalar
{
    /// <summary>Where the date format is specified (ISO 8601, the calendar date forms).</summary>
    public const string Specification = "https://www.iso.org/iso-8601-date-and-time-format.html";

    /// <summary>Declares the scalar.</summary>
    public static ScalarType Create() => new("PartialDate", s => s
        .Description("A calendar date at the precision the sources give, in ISO 8601 form: a year (`2024`), a month (`2024-10`) or a day (`2025-02-09`). As input, a window bound covers every day of its span.")
        .SpecifiedBy(Specification)
        .Serialize(value => value switch
        {
            PartialDate date => date.ToString(),
            string text when PartialDate.TryParse(text, out var date) => date.ToString(),
            _ => throw new ScalarCoercionException($"PartialDate cannot represent {value}: expected a date such as '2024', '2024-10' or '2025-02-09'."),
        })
        .ParseValue(value => value is string text && PartialDate.TryParse(text, out var date)
            ? date
            : throw new ScalarCoercionException($"PartialDate expects an ISO 8601 date string of year, month or day precision ('2024', '2024-10' or '2025-02-09'); got {Describe(value)}."))
        .ParseLiteral((node, _) => node is StringValueNode s && PartialDate.TryParse(s.Value, out var date)
            ? date
            : throw new ScalarCoercionException($"PartialDate expects an ISO 8601 date string of year, month or day precision (\"2024\", \"2024-10\" or \"2025-02-09\"); got {Graph.GraphQL.Language.AstPrinter.Print(node)}.")));

    private static string Describe(object value) => value is string s ? $"\"{s}\"" : value.GetType().Name;
}
