namespace Graph.GraphQL.Type;

/// <summary>Any GraphQL type: a named type or a List/NonNull wrapper around one.</summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    /// <summary>The type as written in SDL and messages, e.g. <c>[String!]!</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A type with a name declared in the schema (scalar, object, interface, union, enum, input object).</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Description = description;
    }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>Markdown description shown by introspection and the SDL printer.</summary>
    public string? Description { get; internal set; }

    /// <summary>The introspection kind of this type.</summary>
    public abstract TypeKind Kind { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A list of another type: <c>[T]</c>.</summary>
public sealed class ListType : GraphQLType
{
    /// <summary>Wraps <paramref name="ofType"/> in a list.</summary>
    public ListType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType;
    }

    /// <summary>The item type.</summary>
    public GraphQLType OfType { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => "[" + OfType + "]";
}

/// <summary>A non-null wrapper: <c>T!</c>. The wrapped type is never itself non-null.</summary>
public sealed class NonNullType : GraphQLType
{
    /// <summary>Wraps <paramref name="ofType"/> as non-null.</summary>
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Expected {ofType} to be a nullable type: a NonNull type cannot wrap another NonNull type.", nameof(ofType));
        }

        OfType = ofType;
    }

    /// <summary>The nullable type that is made non-null.</summary>
    public GraphQLType OfType { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => OfType + "!";
}

/// <summary>
/// A placeholder naming a type that is defined elsewhere; replaced by the real type when the schema is built.
/// Lets code-first definitions refer to types declared later (or to themselves).
/// </summary>
public sealed class TypeReference : NamedType
{
    /// <summary>Refers to the type called <paramref name="name"/>.</summary>
    public TypeReference(string name)
        : base(name, null)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => throw new InvalidOperationException($"Type reference \"{Name}\" has not been resolved: add the type to a schema first.");
}

/// <summary>The introspection kinds (<c>__TypeKind</c>).</summary>
public enum TypeKind
{
    /// <summary>Scalar.</summary>
    SCALAR,
    /// <summary>Object.</summary>
    OBJECT,
    /// <summary>Interface.</summary>
    INTERFACE,
    /// <summary>Union.</summary>
    UNION,
    /// <summary>Enum.</summary>
    ENUM,
    /// <summary>Input object.</summary>
    INPUT_OBJECT,
    /// <summary>List wrapper.</summary>
    LIST,
    /// <summary>Non-null wrapper.</summary>
    NON_NULL,
}
