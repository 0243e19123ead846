namespace Graph.GraphQL.Type;

/// <summary>
/// Shared shape of object and interface types: fields and implemented interfaces.
/// Fields are declared by a configuration callback that runs on first use, so types can refer to each other.
/// </summary>
public abstract class ComplexType : NamedType
{
    private readonly LazyConfiguration _configuration = new();
    private readonly List<FieldDefinition> _fields = [];
    private readonly Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<NamedType> _interfaces = [];
    private InterfaceType[]? _interfaceTypes;

    private protected ComplexType(string name)
        : base(name, null)
    {
    }

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<FieldDefinition> Fields
    {
        get
        {
            EnsureConfigured();
            return _fields;
        }
    }

    /// <summary>Interfaces this type implements, in declaration order.</summary>
    public IReadOnlyList<InterfaceType> Interfaces
    {
        get
        {
            EnsureConfigured();
            if (_interfaceTypes is null)
            {
                var list = new List<InterfaceType>(_interfaces.Count);
                foreach (var type in _interfaces)
                {
                    if (type is InterfaceType iface)
                    {
                        list.Add(iface);
                    }
                }

                _interfaceTypes = [.. list];
            }

            return _interfaceTypes;
        }
    }

    /// <summary>Declared interfaces before validation: may hold non-interface types, which the schema reports.</summary>
    internal List<NamedType> DeclaredInterfaces
    {
        get
        {
            EnsureConfigured();
            return _interfaces;
        }
    }

    /// <summary>Cost weight (<c>@cost</c>) of a field returning this type, unless the field sets its own.</summary>
    public double? Cost { get; internal set; }

    /// <summary>Applied directives (from SDL or code), for tools.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public FieldDefinition? GetField(string name)
    {
        EnsureConfigured();
        return _fieldsByName.GetValueOrDefault(name);
    }

    /// <summary>True when this type declares <paramref name="iface"/> among its interfaces.</summary>
    public bool Implements(InterfaceType iface)
    {
        foreach (var type in Interfaces)
        {
            if (ReferenceEquals(type, iface))
            {
                return true;
            }
        }

        return false;
    }

    private protected void SetConfiguration(Action configure) => _configuration.Set(configure);

    internal void EnsureConfigured() => _configuration.Ensure();

    internal void AddField(FieldDefinition field)
    {
        if (!_fieldsByName.TryAdd(field.Name, field))
        {
            throw new SchemaValidationException([$"Field \"{Name}.{field.Name}\" is defined more than once."]);
        }

        _fields.Add(field);
    }

    internal void AddInterface(NamedType iface)
    {
        _interfaces.Add(iface);
        _interfaceTypes = null;
    }

    internal void ReplaceInterface(int index, NamedType iface)
    {
        _interfaces[index] = iface;
        _interfaceTypes = null;
    }
}
