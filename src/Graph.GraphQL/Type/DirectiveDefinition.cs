namespace Graph.GraphQL.Type;

/// <summary>A directive the schema accepts: where it may appear, its arguments and whether it may repeat.</summary>
public sealed class DirectiveDefinition
{
    private readonly List<InputValueDefinition> _arguments = [];
    private readonly List<DirectiveLocation> _locations = [];

    /// <summary>Declares a directive; <paramref name="configure"/> sets locations, arguments and repeatability.</summary>
    public DirectiveDefinition(string name, Action<DirectiveBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        configure?.Invoke(new DirectiveBuilder(this));
    }

    /// <summary>The name, without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>Markdown description.</summary>
    public string? Description { get; internal set; }

    /// <summary>Where the directive may be used.</summary>
    public IReadOnlyList<DirectiveLocation> Locations => _locations;

    /// <summary>Arguments in declaration order.</summary>
    public IReadOnlyList<InputValueDefinition> Arguments => _arguments;

    /// <summary>True when the directive may appear more than once at one location.</summary>
    public bool IsRepeatable { get; internal set; }

    /// <summary>The argument called <paramref name="name"/>, or null.</summary>
    public InputValueDefinition? GetArgument(string name)
    {
        foreach (var argument in _arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    internal void AddArgument(InputValueDefinition argument) => _arguments.Add(argument);

    internal void AddLocation(DirectiveLocation location)
    {
        if (!_locations.Contains(location))
        {
            _locations.Add(location);
        }
    }

    /// <inheritdoc />
    public override string ToString() => "@" + Name;
}

/// <summary>Where a directive may appear (spec 3.13, <c>__DirectiveLocation</c>).</summary>
public enum DirectiveLocation
{
    /// <summary>Query operation.</summary>
    QUERY,
    /// <summary>Mutation operation.</summary>
    MUTATION,
    /// <summary>Subscription operation.</summary>
    SUBSCRIPTION,
    /// <summary>Field selection.</summary>
    FIELD,
    /// <summary>Fragment definition.</summary>
    FRAGMENT_DEFINITION,
    /// <summary>Fragment spread.</summary>
    FRAGMENT_SPREAD,
    /// <summary>Inline fragment.</summary>
    INLINE_FRAGMENT,
    /// <summary>Variable definition.</summary>
    VARIABLE_DEFINITION,
    /// <summary>Schema definition.</summary>
    SCHEMA,
    /// <summary>Scalar definition.</summary>
    SCALAR,
    /// <summary>Object definition.</summary>
    OBJECT,
    /// <summary>Field definition.</summary>
    FIELD_DEFINITION,
    /// <summary>Argument definition.</summary>
    ARGUMENT_DEFINITION,
    /// <summary>Interface definition.</summary>
    INTERFACE,
    /// <summary>Union definition.</summary>
    UNION,
    /// <summary>Enum definition.</summary>
    ENUM,
    /// <summary>Enum value definition.</summary>
    ENUM_VALUE,
    /// <summary>Input object definition.</summary>
    INPUT_OBJECT,
    /// <summary>Input field definition.</summary>
    INPUT_FIELD_DEFINITION,
}

/// <summary>The directives every schema has (spec 3.13): @include, @skip, @deprecated, @specifiedBy and @oneOf.</summary>
public static class Directives
{
    /// <summary>The reason printed when <c>@deprecated</c> is used without one.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    /// <summary><c>@include(if: Boolean!)</c>.</summary>
    public static DirectiveDefinition Include { get; } = new("include", d => d
        .Description("Includes this field or fragment only when the `if` argument is true.")
        .Locations(DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT)
        .Argument("if", new NonNullType(Scalars.Boolean), a => a.Description("Included when true.")));

    /// <summary><c>@skip(if: Boolean!)</c>.</summary>
    public static DirectiveDefinition Skip { get; } = new("skip", d => d
        .Description("Leaves out this field or fragment when the `if` argument is true.")
        .Locations(DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT)
        .Argument("if", new NonNullType(Scalars.Boolean), a => a.Description("Skipped when true.")));

    /// <summary><c>@deprecated(reason: String = "No longer supported")</c>.</summary>
    public static DirectiveDefinition Deprecated { get; } = new("deprecated", d => d
        .Description("Marks an element of the schema as no longer supported.")
        .Locations(DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.ARGUMENT_DEFINITION, DirectiveLocation.INPUT_FIELD_DEFINITION, DirectiveLocation.ENUM_VALUE)
        .Argument("reason", Scalars.String, a => a
            .Description("Why the element is deprecated and what to use instead, in Markdown.")
            .DefaultValue(DefaultDeprecationReason)));

    /// <summary><c>@specifiedBy(url: String!)</c>.</summary>
    public static DirectiveDefinition SpecifiedBy { get; } = new("specifiedBy", d => d
        .Description("Gives the URL of the specification of a custom scalar's behaviour.")
        .Locations(DirectiveLocation.SCALAR)
        .Argument("url", new NonNullType(Scalars.String), a => a.Description("Where the specification can be read.")));

    /// <summary><c>@oneOf</c> on input objects.</summary>
    public static DirectiveDefinition OneOf { get; } = new("oneOf", d => d
        .Description("Requires exactly one field of an input object to be given, and not null.")
        .Locations(DirectiveLocation.INPUT_OBJECT));

    /// <summary>The five built-in directives, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<DirectiveDefinition> Specified { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>True when <paramref name="directive"/> is one of the built-in directives (by name).</summary>
    public static bool IsSpecified(DirectiveDefinition directive) =>
        directive.Name is "include" or "skip" or "deprecated" or "specifiedBy" or "oneOf";
}
