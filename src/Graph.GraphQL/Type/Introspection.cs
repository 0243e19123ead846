using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Type;

/// <summary>
/// The introspection system of the spec (section 4): the <c>__Schema</c>, <c>__Type</c>, <c>__Field</c>,
/// <c>__InputValue</c>, <c>__EnumValue</c>, <c>__Directive</c> types, the two enums, and the meta-fields
/// <c>__schema</c>, <c>__type</c> and <c>__typename</c>.
/// </summary>
public static class Introspection
{
    /// <summary><c>__TypeKind</c>.</summary>
    public static EnumType TypeKindType { get; } = new("__TypeKind", e =>
    {
        e.Description("The kind of a type, as reported by `__Type.kind`.");
        e.Value("SCALAR", TypeKind.SCALAR, v => v.Description("A scalar type."));
        e.Value("OBJECT", TypeKind.OBJECT, v => v.Description("An object type: fields, possibly implementing interfaces."));
        e.Value("INTERFACE", TypeKind.INTERFACE, v => v.Description("An interface type: fields implemented by other types."));
        e.Value("UNION", TypeKind.UNION, v => v.Description("A union of object types."));
        e.Value("ENUM", TypeKind.ENUM, v => v.Description("An enum type: one of a set of named values."));
        e.Value("INPUT_OBJECT", TypeKind.INPUT_OBJECT, v => v.Description("An input object type: named input fields."));
        e.Value("LIST", TypeKind.LIST, v => v.Description("A list; `ofType` gives the item type."));
        e.Value("NON_NULL", TypeKind.NON_NULL, v => v.Description("A non-null wrapper; `ofType` gives the wrapped type."));
    });

    /// <summary><c>__DirectiveLocation</c>.</summary>
    public static EnumType DirectiveLocationType { get; } = new("__DirectiveLocation", e =>
    {
        e.Description("A place in a document or schema where a directive may be written.");
        foreach (var location in Enum.GetValues<DirectiveLocation>())
        {
            e.Value(location.ToString(), location, v => v.Description(DescribeLocation(location)));
        }
    });

    /// <summary><c>__Schema</c>.</summary>
    public static ObjectType SchemaType { get; } = new("__Schema", t => t
        .Description("Everything a GraphQL service exposes: its types, its root operation types and its directives.")
        .Field("description", Scalars.String, f => f.ResolveFromSource(source => ((GraphQLSchema)source!).Description))
        .Field("types", Types.NonNullList(TypeType!), f => f
            .Description("Every type of the schema.")
            .ResolveFromSource(source => ((GraphQLSchema)source!).Types))
        .Field("queryType", Types.NonNull(TypeType!), f => f
            .Description("The root type of query operations.")
            .ResolveFromSource(source => ((GraphQLSchema)source!).QueryType))
        .Field("mutationType", TypeType!, f => f
            .Description("The root type of mutation operations, if the service supports them.")
            .ResolveFromSource(source => ((GraphQLSchema)source!).MutationType))
        .Field("subscriptionType", TypeType!, f => f
            .Description("The root type of subscription operations, if the service supports them.")
            .ResolveFromSource(source => ((GraphQLSchema)source!).SubscriptionType))
        .Field("directives", Types.NonNullList(DirectiveType!), f => f
            .Description("Every directive the schema accepts.")
            .ResolveFromSource(source => ((GraphQLSchema)source!).Directives)));

    /// <summary><c>__Directive</c>.</summary>
    public static ObjectType DirectiveType { get; } = new("__Directive", t => t
        .Description("A directive: where it may be used, and its arguments.")
        .Field("name", Types.NonNull(Scalars.String), f => f.ResolveFromSource(source => ((DirectiveDefinition)source!).Name))
        .Field("description", Scalars.String, f => f.ResolveFromSource(source => ((DirectiveDefinition)source!).Description))
        .Field("isRepeatable", Types.NonNull(Scalars.Boolean), f => f.ResolveFromSource(source => Boxed(((DirectiveDefinition)source!).IsRepeatable)))
        .Field("locations", Types.NonNullList(DirectiveLocationType), f => f.ResolveFromSource(source => ((DirectiveDefinition)source!).Locations))
        .Field("args", Types.NonNullList(InputValueType!), f => f
            .Argument("includeDeprecated", Types.NonNull(Scalars.Boolean), a => a.DefaultValue(false))
            .Resolve(ctx => FilterDeprecated(((DirectiveDefinition)ctx.Source!).Arguments, ctx))));

    /// <summary><c>__Type</c>.</summary>
    public static ObjectType TypeType { get; } = new("__Type", t => t
        .Description("A type of the schema: a named type, or a list or non-null wrapper around another type (see `kind`).")
        .Field("kind", Types.NonNull(TypeKindType), f => f.ResolveFromSource(source => KindOf((GraphQLType)source!)))
        .Field("name", Scalars.String, f => f.ResolveFromSource(source => (source as NamedType)?.Name))
        .Field("description", Scalars.String, f => f.ResolveFromSource(source => (source as NamedType)?.Description))
        .Field("specifiedByURL", Scalars.String, f => f.ResolveFromSource(source => (source as ScalarType)?.SpecifiedByUrl))
        .Field("fields", Types.List(Types.NonNull(FieldType!)), f => f
            .Argument("includeDeprecated", Types.NonNull(Scalars.Boolean), a => a.DefaultValue(false))
            .Resolve(ctx => ctx.Source is ComplexType complex ? FilterDeprecated(complex.Fields, ctx) : null))
        .Field("interfaces", Types.List(Types.NonNull(TypeType!)), f => f
            .ResolveFromSource(source => (source as ComplexType)?.Interfaces))
        .Field("possibleTypes", Types.List(Types.NonNull(TypeType!)), f => f
            .Resolve(ctx => ctx.Source is InterfaceType or UnionType ? ctx.Schema.GetPossibleTypes((NamedType)ctx.Source) : null))
        .Field("enumValues", Types.List(Types.NonNull(EnumValueType!)), f => f
            .Argument("includeDeprecated", Types.NonNull(Scalars.Boolean), a => a.DefaultValue(false))
            .Resolve(ctx => ctx.Source is EnumType enumType ? FilterDeprecated(enumType.Values, ctx) : null))
        .Field("inputFields", Types.List(Types.NonNull(InputValueType!)), f => f
            .Argument("includeDeprecated", Types.NonNull(Scalars.Boolean), a => a.DefaultValue(false))
            .Resolve(ctx => ctx.Source is InputObjectType input ? FilterDeprecated(input.Fields, ctx) : null))
        .Field("ofType", TypeType!, f => f.ResolveFromSource(source => source switch
        {
            ListType list => list.OfType,
            NonNullType nonNull => nonNull.OfType,
            _ => null,
        }))
        .Field("isOneOf", Scalars.Boolean, f => f.ResolveFromSource(source => source is InputObjectType input ? Boxed(input.IsOneOf) : null)));

    /// <summary><c>__Field</c>.</summary>
    public static ObjectType FieldType { get; } = new("__Field", t => t
        .Description("A field of an object or interface type.")
        .Field("name", Types.NonNull(Scalars.String), f => f.ResolveFromSource(source => ((FieldDefinition)source!).Name))
        .Field("description", Scalars.String, f => f.ResolveFromSource(source => ((FieldDefinition)source!).Description))
        .Field("args", Types.NonNullList(InputValueType!), f => f
            .Argument("includeDeprecated", Types.NonNull(Scalars.Boolean), a => a.DefaultValue(false))
            .Resolve(ctx => FilterDeprecated(((FieldDefinition)ctx.Source!).Arguments, ctx)))
        .Field("type", Types.NonNull(TypeType!), f => f.ResolveFromSource(source => ((FieldDefinition)source!).Type))
        .Field("isDeprecated", Types.NonNull(Scalars.Boolean), f => f.ResolveFromSource(source => Boxed(((FieldDefinition)source!).IsDeprecated)))
        .Field("deprecationReason", Scalars.String, f => f.ResolveFromSource(source => ((FieldDefinition)source!).DeprecationReason)));

    /// <summary><c>__InputValue</c>.</summary>
    public static ObjectType InputValueType { get; } = new("__InputValue", t => t
        .Description("An argument of a field or directive, or a field of an input object.")
        .Field("name", Types.NonNull(Scalars.String), f => f.ResolveFromSource(source => ((InputValueDefinition)source!).Name))
        .Field("description", Scalars.String, f => f.ResolveFromSource(source => ((InputValueDefinition)source!).Description))
        .Field("type", Types.NonNull(TypeType!), f => f.ResolveFromSource(source => ((InputValueDefinition)source!).Type))
        .Field("defaultValue", Scalars.String, f => f
            .Description("The default value written as a GraphQL literal, if there is one.")
            .ResolveFromSource(source => PrintDefaultValue((InputValueDefinition)source!)))
        .Field("isDeprecated", Types.NonNull(Scalars.Boolean), f => f.ResolveFromSource(source => Boxed(((InputValueDefinition)source!).IsDeprecated)))
        .Field("deprecationReason", Scalars.String, f => f.ResolveFromSource(source => ((InputValueDefinition)source!).DeprecationReason)));

    /// <summary><c>__EnumValue</c>.</summary>
    public static ObjectType EnumValueType { get; } = new("__EnumValue", t => t
        .Description("One value of an enum type.")
        .Field("name", Types.NonNull(Scalars.String), f => f.ResolveFromSource(source => ((EnumValueDefinition)source!).Name))
        .Field("description", Scalars.String, f => f.ResolveFromSource(source => ((EnumValueDefinition)source!).Description))
        .Field("isDeprecated", Types.NonNull(Scalars.Boolean), f => f.ResolveFromSource(source => Boxed(((EnumValueDefinition)source!).IsDeprecated)))
        .Field("deprecationReason", Scalars.String, f => f.ResolveFromSource(source => ((EnumValueDefinition)source!).DeprecationReason)));

    /// <summary>The <c>__schema</c> meta-field, available on the query root type.</summary>
    /// <summary>
    /// The definition of field <paramref name="fieldName"/> on <paramref name="parentType"/>, including the
    /// meta-fields (__typename on any composite type, __schema and __type on the query type); null when there is none.
    /// The one lookup validation (TypeInfo) and execution (CollectFields) share (graphql-js <c>getFieldDef</c>).
    /// </summary>
    public static FieldDefinition? FieldDefinition(GraphQLSchema schema, GraphQLType parentType, string fieldName)
    {
        if (fieldName.Length >= 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == "__typename" && Types.IsCompositeType(parentType))
            {
                return TypeNameMetaField;
            }

            if (ReferenceEquals(parentType, schema.QueryType))
            {
                if (fieldName == "__schema")
                {
                    return SchemaMetaField;
                }

                if (fieldName == "__type")
                {
                    return TypeMetaField;
                }
            }
        }

        return parentType is ComplexType complex ? complex.GetField(fieldName) : null;
    }

    public static FieldDefinition SchemaMetaField { get; } = MetaField("__schema", Types.NonNull(SchemaType), "The schema of this service.", static ctx => ctx.Schema);

    /// <summary>The <c>__type(name:)</c> meta-field, available on the query root type.</summary>
    public static FieldDefinition TypeMetaField { get; } = CreateTypeMetaField();

    /// <summary>The <c>__typename</c> meta-field, available on every object, interface and union.</summary>
    public static FieldDefinition TypeNameMetaField { get; } = MetaField("__typename", Types.NonNull(Scalars.String), "The name of the object type of this value.", static ctx => ctx.ParentType.Name);

    /// <summary>The eight introspection types.</summary>
    public static IReadOnlyList<NamedType> AllTypes { get; } = [SchemaType, DirectiveType, DirectiveLocationType, TypeType, FieldType, InputValueType, EnumValueType, TypeKindType];

    private static readonly object s_true = true;
    private static readonly object s_false = false;

    internal static bool IsIntrospectionTypeName(string name) => name is "__Schema" or "__Directive" or "__DirectiveLocation" or "__Type" or "__Field" or "__InputValue" or "__EnumValue" or "__TypeKind";

    internal static object Boxed(bool value) => value ? s_true : s_false;

    private static FieldDefinition MetaField(string name, GraphQLType type, string description, Func<IResolveFieldContext, object?> resolve)
    {
        var field = new FieldDefinition(name, type) { Description = description };
        field.Resolver = ctx => new ValueTask<object?>(resolve(ctx));
        return field;
    }

    private static FieldDefinition CreateTypeMetaField()
    {
        var field = MetaField("__type", TypeType, "The type called `name`, if the schema has one.", static ctx => ctx.Schema.GetType((string)ctx.Arguments["name"]!));
        field.Arguments = [new InputValueDefinition("name", Types.NonNull(Scalars.String))];
        return field;
    }

    private static TypeKind KindOf(GraphQLType type) => type switch
    {
        NamedType named => named.Kind,
        ListType => TypeKind.LIST,
        _ => TypeKind.NON_NULL,
    };

    private static string? PrintDefaultValue(InputValueDefinition value)
    {
        if (!value.HasDefaultValue)
        {
            return null;
        }

        // As written: the SDL literal when there is one, else the code's value (graphql-js 17 semantics).
        var literal = value.DefaultValueLiteral ?? AstFromValue.Get(value.DefaultValue, value.Type);
        return literal is null ? null : AstPrinter.Print(literal);
    }

    private static IReadOnlyList<T> FilterDeprecated<T>(IReadOnlyList<T> items, IResolveFieldContext context)
    {
        if (context.Arguments.TryGetValue("includeDeprecated", out var include) && include is true)
        {
            return items;
        }

        var anyDeprecated = false;
        foreach (var item in items)
        {
            if (IsDeprecated(item))
            {
                anyDeprecated = true;
                break;
            }
        }

        if (!anyDeprecated)
        {
            return items;
        }

        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (!IsDeprecated(item))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static bool IsDeprecated<T>(T item) => item switch
    {
        FieldDefinition field => field.IsDeprecated,
        InputValueDefinition input => input.IsDeprecated,
        EnumValueDefinition value => value.IsDeprecated,
        _ => false,
    };

    private static string DescribeLocation(DirectiveLocation location) => location switch
    {
        DirectiveLocation.QUERY => "On a query operation.",
        DirectiveLocation.MUTATION => "On a mutation operation.",
        DirectiveLocation.SUBSCRIPTION => "On a subscription operation.",
        DirectiveLocation.FIELD => "On a field selection.",
        DirectiveLocation.FRAGMENT_DEFINITION => "On a fragment definition.",
        DirectiveLocation.FRAGMENT_SPREAD => "On a fragment spread.",
        DirectiveLocation.INLINE_FRAGMENT => "On an inline fragment.",
        DirectiveLocation.VARIABLE_DEFINITION => "On a variable definition.",
        DirectiveLocation.SCHEMA => "On the schema definition.",
        DirectiveLocation.SCALAR => "On a scalar definition.",
        DirectiveLocation.OBJECT => "On an object type definition.",
        DirectiveLocation.FIELD_DEFINITION => "On a field definition.",
        DirectiveLocation.ARGUMENT_DEFINITION => "On an argument definition.",
        DirectiveLocation.INTERFACE => "On an interface definition.",
        DirectiveLocation.UNION => "On a union definition.",
        DirectiveLocation.ENUM => "On an enum definition.",
        DirectiveLocation.ENUM_VALUE => "On an enum value definition.",
        DirectiveLocation.INPUT_OBJECT => "On an input object type definition.",
        _ => "On an input field definition.",
    };
}
