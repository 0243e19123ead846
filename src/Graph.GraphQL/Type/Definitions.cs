using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Type;

/// <summary>A field of an object or interface type: its type, arguments, resolver and metadata.</summary>
public sealed class FieldDefinition
{
    private Dictionary<string, InputValueDefinition>? _argumentsByName;

    /// <summary>Creates a field; most code uses the type builders instead.</summary>
    public FieldDefinition(string name, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    /// <summary>The field's name.</summary>
    public string Name { get; }

    /// <summary>Markdown description.</summary>
    public string? Description { get; internal set; }

    /// <summary>The output type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>Arguments in declaration order.</summary>
    public IReadOnlyList<InputValueDefinition> Arguments { get; internal set; } = [];

    /// <summary>Computes the field's value; null means the default resolver (dictionary key, JSON property or CLR property).</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>
    /// For a field of the subscription root: creates the source event stream (spec 6.2.3.1, ResolveFieldEventStream);
    /// each event is then executed as the selection set with the event as root value. Null for every other field.
    /// </summary>
    public SubscribeResolver? Subscriber { get; internal set; }

    /// <summary>
    /// Set when the resolver reads only the parent value (<see cref="FieldBuilder.ResolveFromSource"/>): the executor
    /// calls it directly, without a resolver context, the way it reads default fields.
    /// </summary>
    internal Func<object?, object?>? SourceResolver { get; set; }

    /// <summary>Why the field is deprecated (<c>@deprecated(reason:)</c>); null when it is not.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>True when <see cref="DeprecationReason"/> is set.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Cost weight of resolving this field (<c>@cost(weight:)</c>); null uses the type's or the default weight.</summary>
    public double? Cost { get; internal set; }

    /// <summary>How the size of a list field is estimated (<c>@listSize</c>); null uses the analyzer's default.</summary>
    public ListSizeDefinition? ListSize { get; internal set; }

    /// <summary>Applied directives (from SDL or code), for tools.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>The argument called <paramref name="name"/>, or null.</summary>
    public InputValueDefinition? GetArgument(string name)
    {
        if (Arguments.Count == 0)
        {
            return null;
        }

        if (Arguments.Count <= 4)
        {
            foreach (var argument in Arguments)
            {
                if (argument.Name == name)
                {
                    return argument;
                }
            }

            return null;
        }

        _argumentsByName ??= Index(Arguments);
        return _argumentsByName.GetValueOrDefault(name);
    }

    internal static Dictionary<string, InputValueDefinition> Index(IReadOnlyList<InputValueDefinition> values)
    {
        var map = new Dictionary<string, InputValueDefinition>(values.Count, StringComparer.Ordinal);
        foreach (var value in values)
        {
            map.TryAdd(value.Name, value);
        }

        return map;
    }

    /// <inheritdoc />
    public override string ToString() => Name + ": " + Type;
}

/// <summary>
/// The <c>@listSize</c> metadata of a list field: a fixed assumed size, or arguments whose value is the size
/// (e.g. <c>first</c>, <c>limit</c>).
/// </summary>
public sealed record ListSizeDefinition(int? AssumedSize, IReadOnlyList<string> SlicingArguments, IReadOnlyList<string> SizedFields, bool RequireOneSlicingArgument = true);

/// <summary>An argument of a field or directive, or a field of an input object.</summary>
public sealed class InputValueDefinition
{
    private object? _defaultValue;
    private Language.Ast.ValueNode? _defaultValueLiteral;

    // The default after input coercion, computed once on first use (types are resolved by then).
    private CoercedDefault? _coercedDefault;

    /// <summary>Creates an input value; most code uses the builders instead.</summary>
    public InputValueDefinition(string name, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>Markdown description.</summary>
    public string? Description { get; internal set; }

    /// <summary>The input type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>
    /// The default as an internal value, as given in code (nested input-field defaults not yet filled in); for a schema
    /// built from SDL, the coerced literal. Execution uses <see cref="CoercedDefaultValue"/>; see <see cref="HasDefaultValue"/>.
    /// </summary>
    public object? DefaultValue
    {
        get => _defaultValueLiteral is not null ? CoercedDefaultValue : _defaultValue;
        internal set
        {
            _defaultValue = value;
            _defaultValueLiteral = null;
            _coercedDefault = null;
            HasDefaultValue = true;
        }
    }

    /// <summary>True when a default was given (it may be null).</summary>
    public bool HasDefaultValue { get; private set; }

    /// <summary>The default as written in SDL, when the schema was built from SDL (printed as is by introspection and the SDL printer).</summary>
    public Language.Ast.ValueNode? DefaultValueLiteral
    {
        get => _defaultValueLiteral;
        internal set
        {
            _defaultValueLiteral = value;
            _defaultValue = null;
            _coercedDefault = null;
            HasDefaultValue = value is not null;
        }
    }

    /// <summary>
    /// The default coerced through <see cref="Type"/> as the specification's input coercion does: the SDL literal coerced,
    /// or the code-first value with the defaults of nested input fields filled in (<c>{x: 1.5}</c> becomes
    /// <c>{x: 1.5, y: 0}</c> when <c>y</c> defaults to 0). Computed once; this is what execution uses.
    /// </summary>
    public object? CoercedDefaultValue
    {
        get
        {
            var cached = Volatile.Read(ref _coercedDefault);
            if (cached is null)
            {
                cached = new CoercedDefault(Utilities.CoerceDefaultValue.Coerce(this));
                Volatile.Write(ref _coercedDefault, cached);
            }

            return cached.Value;
        }
    }

    /// <summary>The literal's source when there is one; the given value otherwise (for the coercion).</summary>
    internal object? GivenDefaultValue => _defaultValue;

    /// <summary>Why this input value is deprecated; null when it is not.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>True when <see cref="DeprecationReason"/> is set.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Cost weight of supplying this argument or input field (<c>@cost</c>).</summary>
    public double? Cost { get; internal set; }

    /// <summary>Applied directives (from SDL or code), for tools.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>True when the value must be supplied: non-null type without a default.</summary>
    public bool IsRequired => Type is NonNullType && !HasDefaultValue;

    internal void ClearDefault()
    {
        _defaultValue = null;
        _defaultValueLiteral = null;
        _coercedDefault = null;
        HasDefaultValue = false;
    }

    private sealed record CoercedDefault(object? Value);

    /// <inheritdoc />
    public override string ToString() => Name + ": " + Type;
}

/// <summary>One value of an enum type: its name in GraphQL and the internal value resolvers see.</summary>
public sealed class EnumValueDefinition
{
    /// <summary>Creates an enum value whose internal value is <paramref name="value"/>.</summary>
    public EnumValueDefinition(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Value = value;
    }

    /// <summary>The name as written in queries and results.</summary>
    public string Name { get; }

    /// <summary>The internal value (the name itself unless configured otherwise).</summary>
    public object? Value { get; }

    /// <summary>Markdown description.</summary>
    public string? Description { get; internal set; }

    /// <summary>Why the value is deprecated; null when it is not.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>True when <see cref="DeprecationReason"/> is set.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Applied directives (from SDL or code), for tools.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
