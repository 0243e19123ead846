using System.Text;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Type;

/// <summary>A leaf type with a closed set of named values; each name maps to an internal value.</summary>
public sealed class EnumType : NamedType
{
    private readonly List<EnumValueDefinition> _values = [];
    private readonly Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private Dictionary<object, EnumValueDefinition>? _byValue;

    /// <summary>Declares an enum whose values are added by <paramref name="configure"/>.</summary>
    public EnumType(string name, Action<EnumTypeBuilder>? configure = null)
        : base(name, null)
    {
        configure?.Invoke(new EnumTypeBuilder(this));
    }

    /// <summary>Declares an enum with the given names; each internal value is its name.</summary>
    public EnumType(string name, params string[] values)
        : base(name, null)
    {
        foreach (var value in values)
        {
            AddValue(new EnumValueDefinition(value, value));
        }
    }

    /// <summary>
    /// An enum mirroring a CLR enum: each member becomes a value named in CONSTANT_CASE (<c>NewHope</c> → <c>NEW_HOPE</c>)
    /// whose internal value is the member.
    /// </summary>
    public static EnumType FromEnum<TEnum>(string? name = null, Action<EnumTypeBuilder>? configure = null)
        where TEnum : struct, Enum
    {
        var type = new EnumType(name ?? typeof(TEnum).Name);
        foreach (var member in Enum.GetValues<TEnum>())
        {
            type.AddValue(new EnumValueDefinition(ToConstantCase(member.ToString()), member));
        }

        configure?.Invoke(new EnumTypeBuilder(type));
        return type;
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.ENUM;

    /// <summary>Values in declaration order.</summary>
    public IReadOnlyList<EnumValueDefinition> Values => _values;

    /// <summary>Applied directives (from SDL or code), for tools.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>Cost weight (<c>@cost</c>) of a field returning this enum.</summary>
    public double? Cost { get; internal set; }

    /// <summary>The value called <paramref name="name"/>, or null.</summary>
    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Converts an internal value to the value's name.</summary>
    public string Serialize(object value)
    {
        var byValue = _byValue ??= IndexByValue();
        if (byValue.TryGetValue(value, out var definition))
        {
            return definition.Name;
        }

        // A name given where the internal value differs (e.g. a dictionary source holding "EMPIRE").
        if (value is string s && _byName.TryGetValue(s, out definition))
        {
            return definition.Name;
        }

        throw new ScalarCoercionException($"Enum \"{Name}\" cannot represent value: {Inspect.Value(value)}");
    }

    /// <summary>Converts a variable's value (the name as a string) to the internal value.</summary>
    public object? ParseValue(object value)
    {
        if (value is not string name)
        {
            throw new ScalarCoercionException($"Enum \"{Name}\" cannot represent non-string value: {Inspect.Value(value)}." + DidYouMeanValue(Inspect.Value(value)));
        }

        if (_byName.TryGetValue(name, out var definition))
        {
            return definition.Value;
        }

        throw new ScalarCoercionException($"Value \"{name}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(name));
    }

    /// <summary>Converts an enum literal to the internal value.</summary>
    public object? ParseLiteral(ValueNode node)
    {
        if (node is not EnumValueNode enumNode)
        {
            var text = Language.AstPrinter.Print(node);
            throw new ScalarCoercionException($"Enum \"{Name}\" cannot represent non-enum value: {text}." + DidYouMeanValue(text));
        }

        if (_byName.TryGetValue(enumNode.Value, out var definition))
        {
            return definition.Value;
        }

        throw new ScalarCoercionException($"Value \"{enumNode.Value}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(enumNode.Value));
    }

    internal void AddValue(EnumValueDefinition value)
    {
        if (!_byName.TryAdd(value.Name, value))
        {
            throw new SchemaValidationException([$"Enum value \"{Name}.{value.Name}\" is defined more than once."]);
        }

        _values.Add(value);
        _byValue = null;
    }

    private string DidYouMeanValue(string unknown)
    {
        var names = new List<string>(_values.Count);
        foreach (var value in _values)
        {
            names.Add(value.Name);
        }

        return SuggestionList.DidYouMean("the enum value", SuggestionList.For(unknown, names));
    }

    private Dictionary<object, EnumValueDefinition> IndexByValue()
    {
        var map = new Dictionary<object, EnumValueDefinition>();
        foreach (var value in _values)
        {
            if (value.Value is not null)
            {
                map.TryAdd(value.Value, value);
            }
        }

        return map;
    }

    private static string ToConstantCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
