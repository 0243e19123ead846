using System.Collections.Concurrent;
using System.Reflection;
using Graph.GraphQL.Execution;

namespace Graph.GraphQL.Type;

/// <summary>Fluent configuration shared by object and interface types: description, interfaces and fields.</summary>
public abstract class ComplexTypeBuilder<TSelf>
    where TSelf : ComplexTypeBuilder<TSelf>
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

    /// <summary>Declares implemented interfaces (or <see cref="TypeReference"/>s to them).</summary>
    public TSelf Implements(params NamedType[] interfaces)
    {
        foreach (var iface in interfaces)
        {
            Type.AddInterface(iface);
        }

        return Self;
    }

    /// <summary>Adds a field; <paramref name="configure"/> sets its arguments, resolver and metadata.</summary>
    public TSelf Field(string name, GraphQLType type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldDefinition(name, type);
        configure?.Invoke(new FieldBuilder(field));
        Type.AddField(field);
        return Self;
    }

    /// <summary>Adds a field computed synchronously from the context.</summary>
    public TSelf Field(string name, GraphQLType type, Func<IResolveFieldContext, object?> resolve)
    {
        return Field(name, type, f => f.Resolve(resolve));
    }

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

/// <summary>Fluent configuration of an <see cref="ObjectType"/>.</summary>
public sealed class ObjectTypeBuilder : ComplexTypeBuilder<ObjectTypeBuilder>
{
    internal ObjectTypeBuilder(ObjectType type)
        : base(type)
    {
    }

    /// <summary>Tells interfaces and unions whether a value is of this type.</summary>
    public ObjectTypeBuilder IsTypeOf(Func<object, bool> isTypeOf)
    {
        ArgumentNullException.ThrowIfNull(isTypeOf);
        ((ObjectType)Type).SetIsTypeOf(isTypeOf);
        return this;
    }

    /// <summary>Tells interfaces and unions whether a value is of this type, with the resolver context at hand.</summary>
    public ObjectTypeBuilder IsTypeOf(Func<object, IResolveFieldContext, bool> isTypeOf)
    {
        ((ObjectType)Type).IsTypeOf = isTypeOf;
        return this;
    }

    /// <summary>Values of CLR type <typeparamref name="T"/> (or derived) are of this type.</summary>
    public ObjectTypeBuilder IsTypeOf<T>()
    {
        ((ObjectType)Type).SetIsTypeOf(static value => value is T);
        return this;
    }
}

/// <summary>Fluent configuration of an <see cref="InterfaceType"/>.</summary>
public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder>
{
    internal InterfaceTypeBuilder(InterfaceType type)
        : base(type)
    {
    }

    /// <summary>Finds the object type of a value.</summary>
    public InterfaceTypeBuilder ResolveType(Func<object, ObjectType?> resolveType)
    {
        ((InterfaceType)Type).ResolveType = (value, _) => resolveType(value);
        return this;
    }

    /// <summary>Finds the object type of a value: return an <see cref="ObjectType"/> or a type name.</summary>
    public InterfaceTypeBuilder ResolveType(TypeResolver resolveType)
    {
        ((InterfaceType)Type).ResolveType = resolveType;
        return this;
    }
}

/// <summary>Fluent configuration of a <see cref="UnionType"/>.</summary>
public sealed class UnionTypeBuilder
{
    private readonly UnionType _type;

    internal UnionTypeBuilder(UnionType type) => _type = type;

    /// <summary>Sets the description.</summary>
    public UnionTypeBuilder Description(string? description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Adds member types (object types or references to them).</summary>
    public UnionTypeBuilder Types(params NamedType[] types)
    {
        foreach (var type in types)
        {
            _type.AddType(type);
        }

        return this;
    }

    /// <summary>Finds the object type of a value.</summary>
    public UnionTypeBuilder ResolveType(Func<object, ObjectType?> resolveType)
    {
        _type.ResolveType = (value, _) => resolveType(value);
        return this;
    }

    /// <summary>Finds the object type of a value: return an <see cref="ObjectType"/> or a type name.</summary>
    public UnionTypeBuilder ResolveType(TypeResolver resolveType)
    {
        _type.ResolveType = resolveType;
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public UnionTypeBuilder Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _type.AppliedDirectives = [.. _type.AppliedDirectives, new AppliedDirective(name, arguments)];
        return this;
    }
}

/// <summary>Fluent configuration of a field: arguments, resolver, deprecation and cost metadata.</summary>
public sealed class FieldBuilder
{
    private static readonly ConcurrentDictionary<System.Type, Func<Task, object?>> s_taskResults = new();
    private readonly FieldDefinition _field;

    internal FieldBuilder(FieldDefinition field) => _field = field;

    /// <summary>Sets the description.</summary>
    public FieldBuilder Description(string? description)
    {
        _field.Description = description;
        return this;
    }

    /// <summary>Adds an argument; <paramref name="configure"/> sets its default, description or deprecation.</summary>
    public FieldBuilder Argument(string name, GraphQLType type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueDefinition(name, type);
        configure?.Invoke(new InputValueBuilder(argument));
        _field.Arguments = [.. _field.Arguments, argument];
        return this;
    }

    /// <summary>Marks the field deprecated (<c>@deprecated</c>).</summary>
    public FieldBuilder Deprecated(string reason = Directives.DefaultDeprecationReason)
    {
        _field.DeprecationReason = reason;
        return this;
    }

    /// <summary>Sets an asynchronous resolver.</summary>
    public FieldBuilder Resolve(FieldResolver resolver)
    {
        _field.Resolver = resolver;
        _field.SourceResolver = null;
        return this;
    }

    /// <summary>Sets the subscribe resolver of a subscription root field: it returns the field's source event stream.</summary>
    public FieldBuilder Subscribe(SubscribeResolver subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _field.Subscriber = subscriber;
        return this;
    }

    /// <summary>
    /// Sets a synchronous resolver that reads only the parent value (no arguments, no context): the executor calls it
    /// on its fast path, as it reads default fields, which matters for fields resolved thousands of times per response.
    /// </summary>
    public FieldBuilder ResolveFromSource(Func<object?, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _field.Resolver = context => new ValueTask<object?>(resolver(context.Source));
        _field.SourceResolver = resolver;
        return this;
    }

    /// <summary>
    /// Sets a synchronous resolver. If it returns a <see cref="Task"/>, the task is awaited and its result used,
    /// so <c>ctx =&gt; repository.FindAsync(id)</c> also works.
    /// </summary>
    public FieldBuilder Resolve(Func<IResolveFieldContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _field.Resolver = context =>
        {
            var result = resolver(context);
            return result is Task task ? AwaitTask(task) : new ValueTask<object?>(result);
        };
        _field.SourceResolver = null;
        return this;
    }

    /// <summary>Sets a resolver returning a task.</summary>
    public FieldBuilder ResolveAsync(Func<IResolveFieldContext, Task<object?>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _field.Resolver = context => new ValueTask<object?>(resolver(context));
        _field.SourceResolver = null;
        return this;
    }

    /// <summary>Sets the cost weight (<c>@cost(weight:)</c>) of resolving this field.</summary>
    public FieldBuilder Cost(double weight)
    {
        _field.Cost = weight;
        return this;
    }

    /// <summary>
    /// Declares how big the list this field returns is (<c>@listSize</c>): the value of the first slicing argument given,
    /// else <paramref name="assumedSize"/>.
    /// </summary>
    public FieldBuilder ListSize(int? assumedSize = null, params string[] slicingArguments)
    {
        _field.ListSize = new ListSizeDefinition(assumedSize, slicingArguments, [], RequireOneSlicingArgument: false);
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public FieldBuilder Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _field.AppliedDirectives = [.. _field.AppliedDirectives, new AppliedDirective(name, arguments)];
        return this;
    }

    internal static async ValueTask<object?> AwaitTask(Task task)
    {
        await task.ConfigureAwait(false);
        var reader = s_taskResults.GetOrAdd(task.GetType(), CreateResultReader);
        return reader(task);
    }

    private static Func<Task, object?> CreateResultReader(System.Type taskType)
    {
        for (var type = taskType; type is not null && type != typeof(Task); type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
            {
                var property = type.GetProperty("Result", BindingFlags.Public | BindingFlags.Instance)!;
                var resultType = type.GetGenericArguments()[0];
                if (resultType.Name == "VoidTaskResult")
                {
                    return static _ => null;
                }

                return task => property.GetValue(task);
            }
        }

        return static _ => null;
    }
}

/// <summary>Fluent configuration of an argument or input field.</summary>
public sealed class InputValueBuilder
{
    private readonly InputValueDefinition _value;

    internal InputValueBuilder(InputValueDefinition value) => _value = value;

    /// <summary>Sets the description.</summary>
    public InputValueBuilder Description(string? description)
    {
        _value.Description = description;
        return this;
    }

    /// <summary>
    /// Sets the default, as an internal value (int, double, string, bool, enum value, list, dictionary). Execution
    /// fills in the defaults of input fields it leaves out; introspection prints it as given.
    /// </summary>
    public InputValueBuilder DefaultValue(object? value)
    {
        _value.DefaultValue = value;
        return this;
    }

    /// <summary>
    /// Sets the default as a GraphQL literal, as SDL writes it: introspection prints it as written, execution coerces it
    /// through the type (once, on first use).
    /// </summary>
    public InputValueBuilder DefaultValueLiteral(Language.Ast.ValueNode literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        _value.DefaultValueLiteral = literal;
        return this;
    }

    /// <summary>Marks the value deprecated (<c>@deprecated</c>); only allowed on optional values.</summary>
    public InputValueBuilder Deprecated(string reason = Directives.DefaultDeprecationReason)
    {
        _value.DeprecationReason = reason;
        return this;
    }

    /// <summary>Sets the cost weight (<c>@cost</c>) of supplying this value.</summary>
    public InputValueBuilder Cost(double weight)
    {
        _value.Cost = weight;
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public InputValueBuilder Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _value.AppliedDirectives = [.. _value.AppliedDirectives, new AppliedDirective(name, arguments)];
        return this;
    }
}

/// <summary>Fluent configuration of an <see cref="EnumType"/>.</summary>
public sealed class EnumTypeBuilder
{
    private readonly EnumType _type;

    internal EnumTypeBuilder(EnumType type) => _type = type;

    /// <summary>Sets the description.</summary>
    public EnumTypeBuilder Description(string? description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Adds a value whose internal value is its name.</summary>
    public EnumTypeBuilder Value(string name, Action<EnumValueBuilder>? configure = null) => Value(name, name, configure);

    /// <summary>Adds a value with an explicit internal value.</summary>
    public EnumTypeBuilder Value(string name, object? value, Action<EnumValueBuilder>? configure = null)
    {
        var definition = new EnumValueDefinition(name, value);
        configure?.Invoke(new EnumValueBuilder(definition));
        _type.AddValue(definition);
        return this;
    }

    /// <summary>Configures a value already added (e.g. by <see cref="EnumType.FromEnum{TEnum}"/>).</summary>
    public EnumTypeBuilder Configure(string name, Action<EnumValueBuilder> configure)
    {
        var definition = _type.GetValue(name) ?? throw new ArgumentException($"Enum \"{_type.Name}\" has no value \"{name}\".", nameof(name));
        configure(new EnumValueBuilder(definition));
        return this;
    }

    /// <summary>Sets the cost weight (<c>@cost</c>) of fields returning this enum.</summary>
    public EnumTypeBuilder Cost(double weight)
    {
        _type.Cost = weight;
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public EnumTypeBuilder Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _type.AppliedDirectives = [.. _type.AppliedDirectives, new AppliedDirective(name, arguments)];
        return this;
    }
}

/// <summary>Fluent configuration of an enum value.</summary>
public sealed class EnumValueBuilder
{
    private readonly EnumValueDefinition _value;

    internal EnumValueBuilder(EnumValueDefinition value) => _value = value;

    /// <summary>Sets the description.</summary>
    public EnumValueBuilder Description(string? description)
    {
        _value.Description = description;
        return this;
    }

    /// <summary>Marks the value deprecated (<c>@deprecated</c>).</summary>
    public EnumValueBuilder Deprecated(string reason = Directives.DefaultDeprecationReason)
    {
        _value.DeprecationReason = reason;
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public EnumValueBuilder Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _value.AppliedDirectives = [.. _value.AppliedDirectives, new AppliedDirective(name, arguments)];
        return this;
    }
}

/// <summary>Fluent configuration of an <see cref="InputObjectType"/>.</summary>
public sealed class InputObjectTypeBuilder
{
    private readonly InputObjectType _type;

    internal InputObjectTypeBuilder(InputObjectType type) => _type = type;

    /// <summary>Sets the description.</summary>
    public InputObjectTypeBuilder Description(string? description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Adds a field; <paramref name="configure"/> sets its default, description or deprecation.</summary>
    public InputObjectTypeBuilder Field(string name, GraphQLType type, Action<InputValueBuilder>? configure = null)
    {
        var field = new InputValueDefinition(name, type);
        configure?.Invoke(new InputValueBuilder(field));
        _type.AddField(field);
        return this;
    }

    /// <summary>Makes this a OneOf input object (<c>@oneOf</c>): exactly one field must be given.</summary>
    public InputObjectTypeBuilder OneOf()
    {
        _type.IsOneOf = true;
        return this;
    }

    /// <summary>Records an applied directive.</summary>
    public InputObjectTypeBuilder Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        _type.AppliedDirectives = [.. _type.AppliedDirectives, new AppliedDirective(name, arguments)];
        return this;
    }
}

/// <summary>Fluent configuration of a <see cref="DirectiveDefinition"/>.</summary>
public sealed class DirectiveBuilder
{
    private readonly DirectiveDefinition _directive;

    internal DirectiveBuilder(DirectiveDefinition directive) => _directive = directive;

    /// <summary>Sets the description.</summary>
    public DirectiveBuilder Description(string? description)
    {
        _directive.Description = description;
        return this;
    }

    /// <summary>Adds locations where the directive may appear.</summary>
    public DirectiveBuilder Locations(params DirectiveLocation[] locations)
    {
        foreach (var location in locations)
        {
            _directive.AddLocation(location);
        }

        return this;
    }

    /// <summary>Adds an argument.</summary>
    public DirectiveBuilder Argument(string name, GraphQLType type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueDefinition(name, type);
        configure?.Invoke(new InputValueBuilder(argument));
        _directive.AddArgument(argument);
        return this;
    }

    /// <summary>Allows the directive more than once at one location.</summary>
    public DirectiveBuilder Repeatable(bool repeatable = true)
    {
        _directive.IsRepeatable = repeatable;
        return this;
    }
}
