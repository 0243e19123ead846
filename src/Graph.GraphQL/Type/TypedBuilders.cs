using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Type;

/// <summary>A resolver that receives its parent value already typed as <typeparamref name="T"/>.</summary>
public delegate ValueTask<object?> FieldResolver<in T>(T source, IResolveFieldContext context);

/// <summary>
/// Fluent configuration of an object or interface type over the .NET type <typeparamref name="T"/> (in the spirit of
/// HotChocolate's <c>ObjectType&lt;T&gt;</c>): every field resolver receives the parent as <typeparamref name="T"/>.
/// The one conversion from <see cref="object"/> happens here, once per call inside a delegate made at declaration.
/// </summary>
public abstract class ComplexTypeBuilder<T, TSelf>
    where TSelf : ComplexTypeBuilder<T, TSelf>
{
    private protected ComplexTypeBuilder(ComplexType type) => Type = type;

    private protected ComplexType Type { get; }

    private TSelf Self => (TSelf)this;

    /// <summary>Sets the description.</summary>
    public TSelf Description(string? description)
    {
        Type.Description = description;
        return Self;
    }

    /// <summary>Declares implemented interfaces (or references to them, e.g. <c>Types.Ref("Node")</c>).</summary>
    public TSelf Implements(params NamedType[] interfaces)
    {
        foreach (var iface in interfaces)
        {
            Type.AddInterface(iface);
        }

        return Self;
    }

    /// <summary>Adds a field; <paramref name="configure"/> sets its arguments, typed resolver and metadata.</summary>
    public TSelf Field(string name, GraphQLType type, Action<FieldBuilder<T>>? configure = null)
    {
        var field = new FieldDefinition(name, type);
        configure?.Invoke(new FieldBuilder<T>(new FieldBuilder(field)));
        Type.AddField(field);
        return Self;
    }

    /// <summary>Adds a field read from the parent alone (the executor's fast path: no resolver context).</summary>
    public TSelf Field(string name, GraphQLType type, string? description, Func<T, object?> resolve) =>
        Field(name, type, f => f.Description(description).Resolve(resolve));

    /// <summary>Sets the cost weight (<c>@cost</c>) of fields returning this type.</summary>
    public TSelf Cost(double weight)
    {
        Type.Cost = weight;
        return Self;
    }

    /// <summary>Records an applied directive.</summary>
    public TSelf Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        Type.AppliedDirectives = [.. Type.AppliedDirectives, new AppliedDirective(name, arguments)];
        return Self;
    }
}

/// <summary>Fluent configuration of an <see cref="ObjectType"/> whose values are <typeparamref name="T"/>s.</summary>
public sealed class ObjectTypeBuilder<T> : ComplexTypeBuilder<T, ObjectTypeBuilder<T>>
{
    internal ObjectTypeBuilder(ObjectType type)
        : base(type)
    {
    }

    /// <summary>Values of type <typeparamref name="T"/> (or derived) are of this type, for interfaces and unions.</summary>
    public ObjectTypeBuilder<T> IsTypeOf()
    {
        ((ObjectType)Type).SetIsTypeOf(static value => value is T);
        return this;
    }

    /// <summary>Values of type <typeparamref name="T"/> that pass <paramref name="isTypeOf"/> are of this type.</summary>
    public ObjectTypeBuilder<T> IsTypeOf(Func<T, bool> isTypeOf)
    {
        ArgumentNullException.ThrowIfNull(isTypeOf);
        ((ObjectType)Type).SetIsTypeOf(value => value is T typed && isTypeOf(typed));
        return this;
    }
}

/// <summary>Fluent configuration of an <see cref="InterfaceType"/> whose values are <typeparamref name="T"/>s.</summary>
public sealed class InterfaceTypeBuilder<T> : ComplexTypeBuilder<T, InterfaceTypeBuilder<T>>
{
    internal InterfaceTypeBuilder(InterfaceType type)
        : base(type)
    {
    }

    /// <summary>Finds the object type of a value: return an <see cref="ObjectType"/> or a type name (null when unknown).</summary>
    public InterfaceTypeBuilder<T> ResolveType(Func<T, object?> resolveType)
    {
        ArgumentNullException.ThrowIfNull(resolveType);
        ((InterfaceType)Type).ResolveType = (value, _) => value is T typed ? resolveType(typed) : null;
        return this;
    }
}

/// <summary>
/// Fluent configuration of a field whose parent is a <typeparamref name="T"/>: the resolvers receive it typed.
/// Each <c>Resolve</c> overload makes one delegate at declaration; nothing is allocated or reflected per call beyond
/// what the untyped resolvers do.
/// </summary>
public sealed class FieldBuilder<T>
{
    private readonly FieldBuilder _field;

    internal FieldBuilder(FieldBuilder field) => _field = field;

    /// <summary>Sets the description.</summary>
    public FieldBuilder<T> Description(string? description)
    {
        _field.Description(description);
        return this;
    }

    /// <summary>Adds an argument; <paramref name="configure"/> sets its default, description or deprecation.</summary>
    public FieldBuilder<T> Argument(string name, GraphQLType type, Action<InputValueBuilder>? configure = null)
    {
        _field.Argument(name, type, configure);
        return this;
    }

    /// <summary>Marks the field deprecated (<c>@deprecated</c>).</summary>
    public FieldBuilder<T> Deprecated(string reason = Directives.DefaultDeprecationReason)
    {
        _field.Deprecated(reason);
        return this;
    }

    /// <summary>Sets the cost weight (<c>@cost(weight:)</c>) of resolving this field.</summary>
    public FieldBuilder<T> Cost(double weight)
    {
        _field.Cost(weight);
        return this;
    }

    /// <summary>Declares how big the list this field returns is (<c>@listSize</c>).</summary>
    public FieldBuilder<T> ListSize(int? assumedSize = null, params string[] slicingArguments)
    {
        _field.ListSize(assumedSize, slicingArguments);
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public FieldBuilder<T> Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _field.Directive(name, arguments);
        return this;
    }

    /// <summary>
    /// Resolves from the parent alone (no arguments, no context): the executor calls it on its fast path, as it reads
    /// default fields.
    /// </summary>
    public FieldBuilder<T> Resolve(Func<T, object?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _field.ResolveFromSource(source => resolve((T)source!));
        return this;
    }

    /// <summary>Resolves synchronously from the parent and the context (arguments, services, loaders).</summary>
    public FieldBuilder<T> Resolve(Func<T, IResolveFieldContext, object?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _field.Resolve(context => new ValueTask<object?>(resolve((T)context.Source!, context)));
        return this;
    }

    /// <summary>Sets the subscribe resolver of a subscription root field (its source event stream).</summary>
    public FieldBuilder<T> Subscribe(SubscribeResolver subscriber)
    {
        _field.Subscribe(subscriber);
        return this;
    }

    /// <summary>Resolves asynchronously from the parent and the context.</summary>
    public FieldBuilder<T> Resolve(FieldResolver<T> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _field.Resolve(context => resolve((T)context.Source!, context));
        return this;
    }
}
