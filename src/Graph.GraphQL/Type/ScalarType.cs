using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Type;

/// <summary>
/// A leaf type whose values are serialized to and parsed from a primitive representation.
/// Built-in scalars subclass it; custom scalars either subclass it or supply delegates through the builder.
/// </summary>
public class ScalarType : NamedType
{
    private Func<object, object?>? _serialize;
    private Func<object, object?>? _parseValue;
    private Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? _parseLiteral;

    /// <summary>Creates a custom scalar configured by <paramref name="configure"/>; without delegates values pass through unchanged.</summary>
    public ScalarType(string name, Action<ScalarTypeBuilder>? configure = null)
        : base(name, null)
    {
        configure?.Invoke(new ScalarTypeBuilder(this));
    }

    /// <summary>For subclasses that override the coercion methods.</summary>
    protected ScalarType(string name, string? description, string? specifiedByUrl)
        : base(name, description)
    {
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.SCALAR;

    /// <summary>URL of the specification of this scalar's format (<c>@specifiedBy</c>).</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>Applied directives (from SDL or code), kept for tools such as cost analysis.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>Cost weight (<c>@cost</c>) of a field returning this scalar, unless the field sets its own.</summary>
    public double? Cost { get; internal set; }

    /// <summary>Converts a resolver's value to its result representation; throws <see cref="ScalarCoercionException"/> when it cannot.</summary>
    public virtual object? Serialize(object value) => _serialize is null ? value : _serialize(value);

    /// <summary>Converts a variable's value (JSON-like) to the internal value; throws <see cref="ScalarCoercionException"/> when it cannot.</summary>
    public virtual object? ParseValue(object value) => _parseValue is null ? value : _parseValue(value);

    /// <summary>Converts a literal in the document to the internal value; throws <see cref="ScalarCoercionException"/> when it cannot.</summary>
    public virtual object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (_parseLiteral is not null)
        {
            return _parseLiteral(node, variables);
        }

        var value = ValueFromAst.Untyped(node, variables);
        return value is null ? null : ParseValue(value);
    }

    internal void SetSerialize(Func<object, object?> serialize) => _serialize = serialize;

    internal void SetParseValue(Func<object, object?> parseValue) => _parseValue = parseValue;

    internal void SetParseLiteral(Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?> parseLiteral) => _parseLiteral = parseLiteral;
}

/// <summary>Fluent configuration of a custom <see cref="ScalarType"/>.</summary>
public sealed class ScalarTypeBuilder
{
    private readonly ScalarType _type;

    internal ScalarTypeBuilder(ScalarType type) => _type = type;

    /// <summary>Sets the description.</summary>
    public ScalarTypeBuilder Description(string? description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Sets the <c>@specifiedBy(url:)</c> URL.</summary>
    public ScalarTypeBuilder SpecifiedBy(string url)
    {
        _type.SpecifiedByUrl = url;
        return this;
    }

    /// <summary>Sets the output conversion; throw <see cref="ScalarCoercionException"/> for values it cannot represent.</summary>
    public ScalarTypeBuilder Serialize(Func<object, object?> serialize)
    {
        _type.SetSerialize(serialize);
        return this;
    }

    /// <summary>Sets the conversion of variable values; throw <see cref="ScalarCoercionException"/> for invalid input.</summary>
    public ScalarTypeBuilder ParseValue(Func<object, object?> parseValue)
    {
        _type.SetParseValue(parseValue);
        return this;
    }

    /// <summary>Sets the conversion of literals; without it literals are read as JSON-like values and passed to ParseValue.</summary>
    public ScalarTypeBuilder ParseLiteral(Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?> parseLiteral)
    {
        _type.SetParseLiteral(parseLiteral);
        return this;
    }

    /// <summary>Sets the cost weight (<c>@cost</c>) of fields returning this scalar.</summary>
    public ScalarTypeBuilder Cost(double weight)
    {
        _type.Cost = weight;
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public ScalarTypeBuilder Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _type.AppliedDirectives = [.. _type.AppliedDirectives, new AppliedDirective(name, arguments)];
        return this;
    }
}

/// <summary>Thrown by a scalar or enum when a value cannot be represented; the message goes to the client as is.</summary>
public sealed class ScalarCoercionException : Exception
{
    /// <summary>Creates the exception with a client-facing message.</summary>
    public ScalarCoercionException(string message)
        : base(message)
    {
    }
}

/// <summary>A directive applied to a schema element, e.g. <c>@cost(weight: "2")</c>, with its argument values.</summary>
public sealed record AppliedDirective(string Name, IReadOnlyDictionary<string, object?>? Arguments = null);
