using System.Collections;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Execution;

namespace Graph.Api.Schema;

/// <summary>Reads coerced argument values (enums arrive as their CLR values, lists as lists, input objects as maps).</summary>
public static class Args
{
    /// <summary>The argument, or null when absent or null.</summary>
    public static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments.TryGetValue(name, out var value) ? value : null;

    /// <summary>A string argument, or null; BAD_USER_INPUT when it holds a control character.</summary>
    public static string? String(IResolveFieldContext context, string name) =>
        Raw(context, name) is string text && Graph.Core.ControlCharacters.Problem(text, allowLineBreaks: true) is { } control
            ? throw new InvalidArgumentException(name, $"'{name}' {control}")
            : Raw(context, name) as string;

    /// <summary>An Int argument, or null.</summary>
    public static int? Int(IResolveFieldContext context, string name) => Raw(context, name) switch
    {
        int i => i,
        long l => checked((int)l),
        _ => null,
    };

    /// <summary>A Float argument, or null.</summary>
    public static double? Float(IResolveFieldContext context, string name) => Raw(context, name) switch
    {
        double d => d,
        int i => i,
        long l => l,
        float f => f,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>A PartialDate argument, or null.</summary>
    public static PartialDate? Date(IResolveFieldContext context, string name) => Raw(context, name) as PartialDate?;

    /// <summary>An enum argument, or null.</summary>
    public static T? Enum<T>(IResolveFieldContext context, string name)
        where T : struct, System.Enum => Raw(context, name) is T value ? value : null;

    /// <summary>A list argument's items of type <typeparamref name="T"/>, or null when absent.</summary>
    public static List<T>? List<T>(IResolveFieldContext context, string name) => Raw(context, name) switch
    {
        null => null,
        IEnumerable items and not string => items.OfType<T>().ToList(),
        T single => [single],
        _ => null,
    };

    /// <summary>The edge filter from the common arguments: types, direction, from, to, minConfidence, document.</summary>
    public static RelationshipFilter Filter(IResolveFieldContext context, RelationshipFilter? basis = null, string fromName = "from", string toName = "to")
    {
        var filter = basis ?? RelationshipFilter.All;
        if (List<RelationshipType>(context, "types") is { Count: > 0 } types)
        {
            filter = filter with { Types = types.ToHashSet() };
        }

        if (Enum<Direction>(context, "direction") is { } direction)
        {
            filter = filter with { Direction = direction };
        }

        if (Date(context, fromName) is { } from)
        {
            filter = filter with { From = from };
        }

        if (Date(context, toName) is { } to)
        {
            filter = filter with { To = to };
        }

        if (Float(context, "minConfidence") is { } min)
        {
            filter = filter with { MinConfidence = min };
        }

        if (String(context, "document") is { } document)
        {
            filter = filter with { Document = ParseDocumentId(document, "document") };
        }

        return filter.Validated();
    }

    /// <summary>A document id from its <c>doc:slug</c> form or its global id.</summary>
    public static DocumentId ParseDocumentId(string text, string argument)
    {
        if (DocumentId.TryParse(text, out var id))
        {
            return id;
        }

        if (GlobalId.TryDecode(text, out var global))
        {
            if (global.TypeName == GlobalId.DocumentType && DocumentId.TryParse(global.Key, out id))
            {
                return id;
            }

            throw new InvalidArgumentException(argument, $"{argument} '{text}' is the id of a {global.TypeName}, not of a document.");
        }

        throw new InvalidArgumentException(argument, $"Malformed document id '{text}' for {argument}. Expected 'doc:slug' (e.g. 'doc:nis-north-korean-workers-russia') or a document's global id.");
    }

    /// <summary>A relationship key from its text id (<c>TYPE:from-&gt;to</c>) or its global id.</summary>
    public static RelationshipKey ParseRelationshipId(string text, string argument)
    {
        if (GlobalId.TryDecode(text, out var global))
        {
            if (global.TypeName != GlobalId.RelationshipType)
            {
                throw new InvalidArgumentException(argument, $"{argument} '{text}' is the id of a {global.TypeName}, not of a relationship.");
            }

            text = global.Key;
        }

        try
        {
            return RelationshipKey.ParseId(text);
        }
        catch (InvalidArgumentException e)
        {
            throw new InvalidArgumentException(argument, e.Message + " A relationship's global id (its 'id' field) is also accepted.");
        }
    }
}
