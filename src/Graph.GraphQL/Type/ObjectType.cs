using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Type;

/// <summary>An object type: a set of named fields, each resolved to a value of its type.</summary>
public sealed class ObjectType : ComplexType
{
    /// <summary>
    /// Declares an object type. <paramref name="configure"/> runs when the type is first used (at the latest when the
    /// schema is built), so it may refer to types declared after this one.
    /// </summary>
    public ObjectType(string name, Action<ObjectTypeBuilder>? configure = null)
        : base(name)
    {
        if (configure is not null)
        {
            SetConfiguration(() => configure(new ObjectTypeBuilder(this)));
        }
    }

    /// <summary>
    /// Declares an object type over the .NET type <typeparamref name="T"/>: every field resolver receives the parent
    /// as a <typeparamref name="T"/>. <paramref name="configure"/> runs on first use, like the untyped constructor's.
    /// </summary>
    public static ObjectType Create<T>(string name, Action<ObjectTypeBuilder<T>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var type = new ObjectType(name);
        type.SetConfiguration(() => configure(new ObjectTypeBuilder<T>(type)));
        return type;
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.OBJECT;

    /// <summary>Decides whether a value belongs to this type, for resolving interfaces and unions; null when not set.</summary>
    public Func<object, IResolveFieldContext, bool>? IsTypeOf
    {
        get => _isTypeOf;
        internal set
        {
            _isTypeOf = value;
            IsTypeOfWithoutContext = null;
        }
    }

    /// <summary>The same test when it needs no context (set by the context-free builders): no context is allocated per value.</summary>
    internal Func<object, bool>? IsTypeOfWithoutContext { get; private set; }

    private Func<object, IResolveFieldContext, bool>? _isTypeOf;

    internal void SetIsTypeOf(Func<object, bool> isTypeOf)
    {
        _isTypeOf = (value, _) => isTypeOf(value);
        IsTypeOfWithoutContext = isTypeOf;
    }
}

/// <summary>An interface: fields that implementing object (or interface) types must provide.</summary>
public sealed class InterfaceType : ComplexType
{
    /// <summary>Declares an interface; <paramref name="configure"/> runs on first use.</summary>
    public InterfaceType(string name, Action<InterfaceTypeBuilder>? configure = null)
        : base(name)
    {
        if (configure is not null)
        {
            SetConfiguration(() => configure(new InterfaceTypeBuilder(this)));
        }
    }

    /// <summary>Declares an interface whose values are <typeparamref name="T"/>s; field resolvers receive them typed.</summary>
    public static InterfaceType Create<T>(string name, Action<InterfaceTypeBuilder<T>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var type = new InterfaceType(name);
        type.SetConfiguration(() => configure(new InterfaceTypeBuilder<T>(type)));
        return type;
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.INTERFACE;

    /// <summary>Finds the object type of a value (returns an <see cref="ObjectType"/> or a type name); null when not set.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>A union of object types.</summary>
public sealed class UnionType : NamedType
{
    private readonly List<NamedType> _types = [];
    private readonly LazyConfiguration _configuration = new();
    private ObjectType[]? _objectTypes;

    /// <summary>Declares a union; <paramref name="configure"/> runs on first use.</summary>
    public UnionType(string name, Action<UnionTypeBuilder>? configure = null)
        : base(name, null)
    {
        if (configure is not null)
        {
            _configuration.Set(() => configure(new UnionTypeBuilder(this)));
        }
    }

    /// <summary>Declares a union of the given members.</summary>
    public UnionType(string name, params NamedType[] types)
        : base(name, null)
    {
        _types.AddRange(types);
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.UNION;

    /// <summary>Member types in declaration order.</summary>
    public IReadOnlyList<ObjectType> Types
    {
        get
        {
            EnsureConfigured();
            if (_objectTypes is null)
            {
                var list = new List<ObjectType>(_types.Count);
                foreach (var type in _types)
                {
                    if (type is ObjectType objectType)
                    {
                        list.Add(objectType);
                    }
                }

                _objectTypes = [.. list];
            }

            return _objectTypes;
        }
    }

    /// <summary>Finds the object type of a value (returns an <see cref="ObjectType"/> or a type name); null when not set.</summary>
    public TypeResolver? ResolveType { get; internal set; }

    /// <summary>Cost weight (<c>@cost</c>) is not defined on unions by the cost spec; kept for symmetry with SDL input.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    internal List<NamedType> DeclaredTypes
    {
        get
        {
            EnsureConfigured();
            return _types;
        }
    }

    internal void AddType(NamedType type)
    {
        _types.Add(type);
        _objectTypes = null;
    }

    internal void ReplaceType(int index, NamedType type)
    {
        _types[index] = type;
        _objectTypes = null;
    }

    internal void EnsureConfigured() => _configuration.Ensure();
}

/// <summary>Resolves the runtime object type of a value of an abstract type: returns an <see cref="ObjectType"/>, a type name, or null.</summary>
public delegate object? TypeResolver(object value, IResolveFieldContext context);
