namespace Graph.GraphQL.Type;

/// <summary>A structured input: named fields, each an input type. With <see cref="IsOneOf"/> exactly one field must be given.</summary>
public sealed class InputObjectType : NamedType
{
    private readonly List<InputValueDefinition> _fields = [];
    private readonly Dictionary<string, InputValueDefinition> _byName = new(StringComparer.Ordinal);
    private Action? _configure;

    /// <summary>Declares an input object; <paramref name="configure"/> runs on first use.</summary>
    public InputObjectType(string name, Action<InputObjectTypeBuilder>? configure = null)
        : base(name, null)
    {
        if (configure is not null)
        {
            _configure = () => configure(new InputObjectTypeBuilder(this));
        }
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.INPUT_OBJECT;

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<InputValueDefinition> Fields
    {
        get
        {
            EnsureConfigured();
            return _fields;
        }
    }

    /// <summary>True for a OneOf input object (<c>@oneOf</c>): exactly one field, non-null, must be supplied.</summary>
    public bool IsOneOf { get; internal set; }

    /// <summary>Applied directives (from SDL or code), for tools.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public InputValueDefinition? GetField(string name)
    {
        EnsureConfigured();
        return _byName.GetValueOrDefault(name);
    }

    internal void AddField(InputValueDefinition field)
    {
        if (!_byName.TryAdd(field.Name, field))
        {
            throw new SchemaValidationException([$"Input field \"{Name}.{field.Name}\" is defined more than once."]);
        }

        _fields.Add(field);
    }

    internal void EnsureConfigured()
    {
        var configure = Interlocked.Exchange(ref _configure, null);
        configure?.Invoke();
    }
}
