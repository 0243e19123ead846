using System.Globalization;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Builds a schema from SDL (graphql-js <c>buildSchema</c>/<c>buildASTSchema</c>), with resolvers supplied separately.
/// Type extensions in the same document are merged; <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c>, <c>@cost</c>
/// and <c>@listSize</c> are read into the type system.
/// </summary>
public static class BuildSchema
{
    /// <summary>Parses <paramref name="sdl"/> and builds the schema; <paramref name="configure"/> attaches resolvers.</summary>
    public static GraphQLSchema FromSdl(string sdl, Action<SchemaResolvers>? configure = null)
    {
        var resolvers = new SchemaResolvers();
        configure?.Invoke(resolvers);
        return FromDocument(Parser.Parse(sdl), resolvers);
    }

    /// <summary>Builds the schema of a parsed SDL document.</summary>
    public static GraphQLSchema FromDocument(DocumentNode document, SchemaResolvers? resolvers = null)
    {
        resolvers ??= new SchemaResolvers();
        var builder = new Builder(document, resolvers);
        return builder.Build();
    }

    private sealed class Builder(DocumentNode document, SchemaResolvers resolvers)
    {
        private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
        private readonly List<string> _errors = [];

        public GraphQLSchema Build()
        {
            SchemaDefinitionNode? schemaDefinition = null;
            var directiveDefinitions = new List<DirectiveDefinitionNode>();
            var typeDefinitions = new List<TypeDefinitionNode>();
            var schemaExtensions = new List<SchemaExtensionNode>();
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case SchemaDefinitionNode schema:
                        schemaDefinition = schema;
                        break;
                    case SchemaExtensionNode schemaExtension:
                        schemaExtensions.Add(schemaExtension);
                        break;
                    case DirectiveDefinitionNode directive:
                        directiveDefinitions.Add(directive);
                        break;
                    case TypeDefinitionNode type:
                        typeDefinitions.Add(type);
                        break;
                    case TypeExtensionNode extension:
                        if (!_extensions.TryGetValue(extension.Name.Value, out var list))
                        {
                            _extensions[extension.Name.Value] = list = [];
                        }

                        list.Add(extension);
                        break;
                }
            }

            var ordered = new List<NamedType>();
            foreach (var definition in typeDefinitions)
            {
                var name = definition.Name.Value;
                if (_types.ContainsKey(name) || Scalars.IsSpecifiedName(name) && definition is not ScalarTypeDefinitionNode)
                {
                    _errors.Add($"Type \"{name}\" is defined more than once.");
                    continue;
                }

                if (Scalars.IsSpecifiedName(name))
                {
                    // Redefining a built-in scalar in SDL keeps the built-in implementation.
                    continue;
                }

                var type = CreateType(definition);
                _types[name] = type;
                ordered.Add(type);
            }

            foreach (var name in _extensions.Keys)
            {
                if (!_types.ContainsKey(name))
                {
                    _errors.Add($"Cannot extend type \"{name}\" because it is not defined.");
                }
            }

            var directives = new List<DirectiveDefinition>();
            foreach (var node in directiveDefinitions)
            {
                directives.Add(CreateDirective(node));
            }

            NamedType? query = null;
            NamedType? mutation = null;
            NamedType? subscription = null;
            var operationTypes = new List<OperationTypeDefinitionNode>();
            if (schemaDefinition is not null)
            {
                operationTypes.AddRange(schemaDefinition.OperationTypes);
            }

            foreach (var extension in schemaExtensions)
            {
                operationTypes.AddRange(extension.OperationTypes);
            }

            if (schemaDefinition is null && schemaExtensions.Count == 0)
            {
                query = _types.GetValueOrDefault("Query");
                mutation = _types.GetValueOrDefault("Mutation");
                subscription = _types.GetValueOrDefault("Subscription");
            }

            foreach (var operationType in operationTypes)
            {
                var type = Named(operationType.Type.Name.Value);
                switch (operationType.Operation)
                {
                    case OperationType.Query: query = type; break;
                    case OperationType.Mutation: mutation = type; break;
                    default: subscription = type; break;
                }
            }

            if (_errors.Count > 0)
            {
                throw new SchemaValidationException(_errors);
            }

            return new GraphQLSchema(query, mutation, subscription, ordered, directives, schemaDefinition?.Description?.Value, validate: true);
        }

        private NamedType CreateType(TypeDefinitionNode definition)
        {
            var name = definition.Name.Value;
            var description = definition.Description?.Value;
            var extensions = _extensions.GetValueOrDefault(name) ?? [];
            var directives = new List<DirectiveNode>(definition.Directives);
            foreach (var extension in extensions)
            {
                directives.AddRange(extension.Directives);
            }

            switch (definition)
            {
                case ScalarTypeDefinitionNode:
                    var scalar = resolvers.Scalars.GetValueOrDefault(name) ?? new ScalarType(name);
                    scalar.Description ??= description;
                    scalar.SpecifiedByUrl ??= GetStringArgument(directives, "specifiedBy", "url");
                    scalar.Cost ??= GetCost(directives);
                    scalar.AppliedDirectives = Applied(directives);
                    return scalar;

                case ObjectTypeDefinitionNode objectNode:
                    var objectType = new ObjectType(name, t =>
                    {
                        t.Description(description);
                        AddInterfaces(t, objectNode.Interfaces, extensions);
                        AddFields(t, name, objectNode.Fields, extensions);
                        if (GetCost(directives) is { } cost)
                        {
                            t.Cost(cost);
                        }

                        if (resolvers.IsTypeOfs.TryGetValue(name, out var isTypeOf))
                        {
                            t.IsTypeOf(isTypeOf);
                        }
                    });
                    return objectType;

                case InterfaceTypeDefinitionNode interfaceNode:
                    return new InterfaceType(name, t =>
                    {
                        t.Description(description);
                        AddInterfaces(t, interfaceNode.Interfaces, extensions);
                        AddFields(t, name, interfaceNode.Fields, extensions);
                        if (resolvers.TypeResolvers.TryGetValue(name, out var resolveType))
                        {
                            t.ResolveType(resolveType);
                        }
                    });

                case UnionTypeDefinitionNode unionNode:
                    return new UnionType(name, u =>
                    {
                        u.Description(description);
                        foreach (var member in unionNode.Types)
                        {
                            u.Types(Named(member.Name.Value));
                        }

                        foreach (var extension in extensions)
                        {
                            if (extension is UnionTypeExtensionNode unionExtension)
                            {
                                foreach (var member in unionExtension.Types)
                                {
                                    u.Types(Named(member.Name.Value));
                                }
                            }
                        }

                        if (resolvers.TypeResolvers.TryGetValue(name, out var resolveType))
                        {
                            u.ResolveType(resolveType);
                        }
                    });

                case EnumTypeDefinitionNode enumNode:
                    var enumValues = resolvers.EnumValues.GetValueOrDefault(name);
                    return new EnumType(name, e =>
                    {
                        e.Description(description);
                        var values = new List<EnumValueDefinitionNode>(enumNode.Values);
                        foreach (var extension in extensions)
                        {
                            if (extension is EnumTypeExtensionNode enumExtension)
                            {
                                values.AddRange(enumExtension.Values);
                            }
                        }

                        foreach (var value in values)
                        {
                            var valueName = value.Name.Value;
                            var internalValue = enumValues is not null && enumValues.TryGetValue(valueName, out var mapped) ? mapped : valueName;
                            e.Value(valueName, internalValue, v =>
                            {
                                v.Description(value.Description?.Value);
                                if (GetDeprecation(value.Directives) is { } reason)
                                {
                                    v.Deprecated(reason);
                                }
                            });
                        }
                    });

                case InputObjectTypeDefinitionNode inputNode:
                    var isOneOf = HasDirective(directives, "oneOf");
                    return new InputObjectType(name, t =>
                    {
                        t.Description(description);
                        if (isOneOf)
                        {
                            t.OneOf();
                        }

                        var fields = new List<InputValueDefinitionNode>(inputNode.Fields);
                        foreach (var extension in extensions)
                        {
                            if (extension is InputObjectTypeExtensionNode inputExtension)
                            {
                                fields.AddRange(inputExtension.Fields);
                            }
                        }

                        foreach (var field in fields)
                        {
                            t.Field(field.Name.Value, TypeOf(field.Type), v => ConfigureInputValue(v, field));
                        }
                    });

                default:
                    throw new SchemaValidationException([$"Unsupported type definition {definition.Kind}."]);
            }
        }

        private void AddInterfaces<TBuilder>(ComplexTypeBuilder<TBuilder> builder, IReadOnlyList<NamedTypeNode> interfaces, List<TypeExtensionNode> extensions)
            where TBuilder : ComplexTypeBuilder<TBuilder>
        {
            foreach (var iface in interfaces)
            {
                builder.Implements(Named(iface.Name.Value));
            }

            foreach (var extension in extensions)
            {
                var extra = extension switch
                {
                    ObjectTypeExtensionNode o => o.Interfaces,
                    InterfaceTypeExtensionNode i => i.Interfaces,
                    _ => [],
                };
                foreach (var iface in extra)
                {
                    builder.Implements(Named(iface.Name.Value));
                }
            }
        }

        private void AddFields<TBuilder>(ComplexTypeBuilder<TBuilder> builder, string typeName, IReadOnlyList<FieldDefinitionNode> fields, List<TypeExtensionNode> extensions)
            where TBuilder : ComplexTypeBuilder<TBuilder>
        {
            var all = new List<FieldDefinitionNode>(fields);
            foreach (var extension in extensions)
            {
                all.AddRange(extension switch
                {
                    ObjectTypeExtensionNode o => o.Fields,
                    InterfaceTypeExtensionNode i => i.Fields,
                    _ => [],
                });
            }

            foreach (var field in all)
            {
                builder.Field(field.Name.Value, TypeOf(field.Type), f =>
                {
                    f.Description(field.Description?.Value);
                    foreach (var argument in field.Arguments)
                    {
                        f.Argument(argument.Name.Value, TypeOf(argument.Type), a => ConfigureInputValue(a, argument));
                    }

                    if (GetDeprecation(field.Directives) is { } reason)
                    {
                        f.Deprecated(reason);
                    }

                    if (GetCost(field.Directives) is { } cost)
                    {
                        f.Cost(cost);
                    }

                    if (FindDirective(field.Directives, "listSize") is { } listSize)
                    {
                        var args = ArgumentsOf(listSize);
                        var assumed = args.GetValueOrDefault("assumedSize") is { } size && Scalars.TryGetNumber(size, out var n) ? (int?)n : null;
                        var slicing = new List<string>();
                        if (args.GetValueOrDefault("slicingArguments") is List<object?> names)
                        {
                            foreach (var item in names)
                            {
                                if (item is string s)
                                {
                                    slicing.Add(s);
                                }
                            }
                        }

                        f.ListSize(assumed, [.. slicing]);
                    }

                    foreach (var directive in Applied(field.Directives))
                    {
                        f.Directive(directive.Name, directive.Arguments);
                    }

                    if (resolvers.FieldResolvers.TryGetValue((typeName, field.Name.Value), out var resolver))
                    {
                        f.Resolve(resolver);
                    }
                });
            }
        }

        private void ConfigureInputValue(InputValueBuilder builder, InputValueDefinitionNode node)
        {
            builder.Description(node.Description?.Value);
            if (node.DefaultValue is not null)
            {
                var type = TypeOf(node.Type);
                builder.DefaultValue(ValueFromAst.TryGetValue(node.DefaultValue, type, null, out var value) ? value : ValueFromAst.Untyped(node.DefaultValue));
            }

            if (GetDeprecation(node.Directives) is { } reason)
            {
                builder.Deprecated(reason);
            }

            if (GetCost(node.Directives) is { } cost)
            {
                builder.Cost(cost);
            }
        }

        private DirectiveDefinition CreateDirective(DirectiveDefinitionNode node)
        {
            return new DirectiveDefinition(node.Name.Value, d =>
            {
                d.Description(node.Description?.Value);
                foreach (var location in node.Locations)
                {
                    if (Enum.TryParse<DirectiveLocation>(location.Value, out var parsed))
                    {
                        d.Locations(parsed);
                    }
                    else
                    {
                        _errors.Add($"Directive @{node.Name.Value} has unknown location \"{location.Value}\".");
                    }
                }

                foreach (var argument in node.Arguments)
                {
                    d.Argument(argument.Name.Value, TypeOf(argument.Type), a => ConfigureInputValue(a, argument));
                }

                d.Repeatable(node.Repeatable);
            });
        }

        private GraphQLType TypeOf(TypeNode node) => node switch
        {
            NonNullTypeNode nonNull => new NonNullType(TypeOf(nonNull.Type)),
            ListTypeNode list => new ListType(TypeOf(list.Type)),
            NamedTypeNode named => Named(named.Name.Value),
            _ => throw new SchemaValidationException([$"Unknown type node {node.Kind}."]),
        };

        private NamedType Named(string name)
        {
            if (Scalars.ByName(name) is { } scalar)
            {
                return scalar;
            }

            // Unknown names stay references; the schema reports them as undefined.
            return _types.GetValueOrDefault(name) ?? new TypeReference(name);
        }

        private static DirectiveNode? FindDirective(IReadOnlyList<DirectiveNode> directives, string name)
        {
            foreach (var directive in directives)
            {
                if (directive.Name.Value == name)
                {
                    return directive;
                }
            }

            return null;
        }

        private static bool HasDirective(IReadOnlyList<DirectiveNode> directives, string name) => FindDirective(directives, name) is not null;

        private static string? GetDeprecation(IReadOnlyList<DirectiveNode> directives)
        {
            var directive = FindDirective(directives, "deprecated");
            if (directive is null)
            {
                return null;
            }

            return ArgumentsOf(directive).GetValueOrDefault("reason") as string ?? Directives.DefaultDeprecationReason;
        }

        private static string? GetStringArgument(IReadOnlyList<DirectiveNode> directives, string directiveName, string argumentName)
        {
            var directive = FindDirective(directives, directiveName);
            return directive is null ? null : ArgumentsOf(directive).GetValueOrDefault(argumentName) as string;
        }

        private static double? GetCost(IReadOnlyList<DirectiveNode> directives)
        {
            var directive = FindDirective(directives, "cost");
            if (directive is null)
            {
                return null;
            }

            var weight = ArgumentsOf(directive).GetValueOrDefault("weight");
            if (weight is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            return weight is not null && Scalars.TryGetNumber(weight, out var number) ? number : null;
        }

        private static Dictionary<string, object?> ArgumentsOf(DirectiveNode directive)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var argument in directive.Arguments)
            {
                map[argument.Name.Value] = ValueFromAst.Untyped(argument.Value);
            }

            return map;
        }

        private static IReadOnlyList<AppliedDirective> Applied(IReadOnlyList<DirectiveNode> directives)
        {
            if (directives.Count == 0)
            {
                return [];
            }

            var list = new List<AppliedDirective>(directives.Count);
            foreach (var directive in directives)
            {
                list.Add(new AppliedDirective(directive.Name.Value, ArgumentsOf(directive)));
            }

            return list;
        }
    }
}

/// <summary>Resolvers and runtime behaviour attached to an SDL schema by <see cref="BuildSchema"/>.</summary>
public sealed class SchemaResolvers
{
    internal Dictionary<(string Type, string Field), FieldResolver> FieldResolvers { get; } = [];

    internal Dictionary<string, TypeResolver> TypeResolvers { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Func<object, bool>> IsTypeOfs { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, ScalarType> Scalars { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, IReadOnlyDictionary<string, object?>> EnumValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets the resolver of <c>type.field</c>.</summary>
    public SchemaResolvers Resolve(string typeName, string fieldName, FieldResolver resolver)
    {
        FieldResolvers[(typeName, fieldName)] = resolver;
        return this;
    }

    /// <summary>Sets a synchronous resolver of <c>type.field</c> (a returned Task is awaited).</summary>
    public SchemaResolvers Resolve(string typeName, string fieldName, Func<IResolveFieldContext, object?> resolver)
    {
        var field = new FieldDefinition(fieldName, Type.Scalars.String);
        new FieldBuilder(field).Resolve(resolver);
        FieldResolvers[(typeName, fieldName)] = field.Resolver!;
        return this;
    }

    /// <summary>Sets how an interface or union finds the object type of a value (an ObjectType or a type name).</summary>
    public SchemaResolvers ResolveType(string abstractTypeName, TypeResolver resolver)
    {
        TypeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>Sets how an object type recognizes its values.</summary>
    public SchemaResolvers IsTypeOf(string typeName, Func<object, bool> isTypeOf)
    {
        IsTypeOfs[typeName] = isTypeOf;
        return this;
    }

    /// <summary>Supplies the implementation of a custom scalar declared in the SDL (names must match).</summary>
    public SchemaResolvers Scalar(ScalarType scalar)
    {
        Scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Maps enum value names to internal values (others keep their name).</summary>
    public SchemaResolvers Enum(string typeName, IReadOnlyDictionary<string, object?> values)
    {
        EnumValues[typeName] = values;
        return this;
    }
}
