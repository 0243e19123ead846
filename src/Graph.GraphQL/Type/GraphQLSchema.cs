using System.Collections.Concurrent;
namespace Graph.GraphQL.Type;

/// <summary>
/// A complete, validated type system: root operation types, every named type reachable from them (plus the ones
/// passed in <c>types</c>), and the directives. Construction checks the spec's type-system rules and throws
/// <see cref="SchemaValidationException"/> listing every problem.
/// </summary>
public sealed class GraphQLSchema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly List<NamedType> _types = [];
    private readonly List<DirectiveDefinition> _directives = [];
    private readonly Dictionary<string, DirectiveDefinition> _directivesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Implementations> _implementations = new(StringComparer.Ordinal);
    // Filled lazily by concurrent requests (validation and execution share one schema), so concurrent maps.
    private readonly ConcurrentDictionary<string, HashSet<string>> _subTypes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ObjectType>> _possibleTypes = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds a schema. <paramref name="types"/> adds types not reachable from the roots (e.g. implementations only
    /// returned through interfaces) and fixes the order of the type map; <paramref name="directives"/> adds custom
    /// directives (the built-in ones are added unless redefined).
    /// </summary>
    public GraphQLSchema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null,
        string? description = null)
        : this(query, mutation, subscription, types, directives, description, validate: true)
    {
    }

    internal GraphQLSchema(
        NamedType? query,
        NamedType? mutation,
        NamedType? subscription,
        IEnumerable<NamedType>? types,
        IEnumerable<DirectiveDefinition>? directives,
        string? description,
        bool validate)
    {
        Description = description;

        if (directives is not null)
        {
            foreach (var directive in directives)
            {
                _directives.Add(directive);
            }
        }

        foreach (var specified in Type.Directives.Specified)
        {
            if (!_directives.Exists(d => d.Name == specified.Name))
            {
                _directives.Add(specified);
            }
        }

        foreach (var directive in _directives)
        {
            _directivesByName.TryAdd(directive.Name, directive);
        }

        var errors = new List<string>();
        var collector = new TypeCollector(errors);
        var typeList = types?.ToList() ?? [];
        collector.Seed(typeList);
        foreach (var type in typeList)
        {
            collector.CollectSeed(type);
        }

        collector.Collect(query);
        collector.Collect(mutation);
        collector.Collect(subscription);
        foreach (var directive in _directives)
        {
            foreach (var argument in directive.Arguments)
            {
                collector.Collect(argument.Type);
            }
        }

        collector.Collect(Introspection.SchemaType);

        foreach (var type in collector.Ordered)
        {
            if (_typeMap.TryGetValue(type.Name, out var existing))
            {
                if (!ReferenceEquals(existing, type))
                {
                    errors.Add($"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
                }

                continue;
            }

            _typeMap.Add(type.Name, type);
            _types.Add(type);
        }

        QueryType = ResolveRoot(query, errors);
        MutationType = ResolveRoot(mutation, errors);
        SubscriptionType = ResolveRoot(subscription, errors);
        RawQueryType = query is TypeReference ? GetType(query.Name) : query;
        RawMutationType = mutation is TypeReference ? GetType(mutation.Name) : mutation;
        RawSubscriptionType = subscription is TypeReference ? GetType(subscription.Name) : subscription;

        new TypeReferenceResolver(this, errors).ResolveAll(_types, _directives);
        IndexImplementations();

        if (validate)
        {
            SchemaValidator.Validate(this, errors);
        }

        if (errors.Count > 0)
        {
            throw new SchemaValidationException(errors);
        }
    }

    /// <summary>The schema's description.</summary>
    public string? Description { get; }

    /// <summary>Root type of queries.</summary>
    public ObjectType? QueryType { get; }

    /// <summary>Root type of mutations; null when the schema has none.</summary>
    public ObjectType? MutationType { get; }

    /// <summary>Root type of subscriptions; null when the schema has none.</summary>
    public ObjectType? SubscriptionType { get; }

    internal NamedType? RawQueryType { get; }

    internal NamedType? RawMutationType { get; }

    internal NamedType? RawSubscriptionType { get; }

    /// <summary>Every named type by name (including built-in scalars in use and introspection types).</summary>
    public IReadOnlyDictionary<string, NamedType> TypeMap => _typeMap;

    /// <summary>Every named type in the order graphql-js would list them (used by the SDL printer and introspection).</summary>
    public IReadOnlyList<NamedType> Types => _types;

    /// <summary>Directives: custom ones first, then the built-in ones not redefined.</summary>
    public IReadOnlyList<DirectiveDefinition> Directives => _directives;

    /// <summary>The named type called <paramref name="name"/>, or null.</summary>
    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    /// <summary>The directive called <paramref name="name"/> (without <c>@</c>), or null.</summary>
    public DirectiveDefinition? GetDirective(string name) => _directivesByName.GetValueOrDefault(name);

    /// <summary>The root type for an operation kind ("query", "mutation", "subscription").</summary>
    public ObjectType? GetRootType(string operation) => operation switch
    {
        "query" => QueryType,
        "mutation" => MutationType,
        "subscription" => SubscriptionType,
        _ => null,
    };

    /// <summary>Object types a value of the abstract type may have at runtime: union members, or interface implementations.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType)
    {
        return abstractType switch
        {
            UnionType union => union.Types,
            InterfaceType iface => GetImplementations(iface).Objects,
            _ => [],
        };
    }

    /// <summary>Object and interface types that declare <paramref name="interfaceType"/>.</summary>
    public Implementations GetImplementations(InterfaceType interfaceType) =>
        _implementations.GetValueOrDefault(interfaceType.Name) ?? Implementations.Empty;

    /// <summary>True when <paramref name="maybeSubType"/> is a member of the union or implements the interface.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
    {
        if (!_subTypes.TryGetValue(abstractType.Name, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            if (abstractType is UnionType union)
            {
                foreach (var type in union.Types)
                {
                    set.Add(type.Name);
                }
            }
            else if (abstractType is InterfaceType iface)
            {
                var implementations = GetImplementations(iface);
                foreach (var type in implementations.Objects)
                {
                    set.Add(type.Name);
                }

                foreach (var type in implementations.Interfaces)
                {
                    set.Add(type.Name);
                }
            }

            _subTypes.TryAdd(abstractType.Name, set);
        }

        return set.Contains(maybeSubType.Name);
    }

    /// <summary>The possible types as a cached list (avoids re-allocation in the executor's hot path).</summary>
    internal IReadOnlyList<ObjectType> PossibleTypesCached(NamedType abstractType)
    {
        if (_possibleTypes.TryGetValue(abstractType.Name, out var list))
        {
            return list;
        }

        list = GetPossibleTypes(abstractType);
        _possibleTypes.TryAdd(abstractType.Name, list);

        return list;
    }

    private ObjectType? ResolveRoot(NamedType? root, List<string> errors)
    {
        if (root is null)
        {
            return null;
        }

        var resolved = root is TypeReference ? GetType(root.Name) : root;
        if (resolved is null)
        {
            errors.Add($"Root type \"{root.Name}\" is not defined.");
        }

        return resolved as ObjectType;
    }

    private void IndexImplementations()
    {
        foreach (var type in _types)
        {
            if (type is ComplexType complex)
            {
                foreach (var iface in complex.Interfaces)
                {
                    if (!_implementations.TryGetValue(iface.Name, out var implementations))
                    {
                        implementations = new Implementations(new List<ObjectType>(), new List<InterfaceType>());
                        _implementations.Add(iface.Name, implementations);
                    }

                    if (type is ObjectType objectType)
                    {
                        ((List<ObjectType>)implementations.Objects).Add(objectType);
                    }
                    else
                    {
                        ((List<InterfaceType>)implementations.Interfaces).Add((InterfaceType)type);
                    }
                }
            }
        }
    }

    /// <summary>Collects named types depth-first in graphql-js's order (interfaces, then fields and their arguments).</summary>
    private sealed class TypeCollector(List<string> errors)
    {
        private readonly HashSet<NamedType> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly List<NamedType?> _ordered = [];

        public IEnumerable<NamedType> Ordered
        {
            get
            {
                foreach (var type in _ordered)
                {
                    if (type is not null)
                    {
                        yield return type;
                    }
                }
            }
        }

        public void Seed(List<NamedType> types)
        {
            foreach (var type in types)
            {
                if (_seen.Add(type))
                {
                    _ordered.Add(type);
                }
            }
        }

        public void CollectSeed(NamedType type)
        {
            // Move a seeded type to the end, then collect what it references (graphql-js keeps this order).
            var index = _ordered.IndexOf(type);
            if (index >= 0)
            {
                _ordered[index] = null;
                _seen.Remove(type);
            }

            Collect(type);
        }

        public void Collect(GraphQLType? type)
        {
            var named = Type.Types.GetNamedType(type);
            if (named is null || named is TypeReference || !_seen.Add(named))
            {
                return;
            }

            _ordered.Add(named);
            try
            {
                switch (named)
                {
                    case UnionType union:
                        foreach (var member in union.DeclaredTypes)
                        {
                            Collect(member);
                        }

                        break;
                    case ComplexType complex:
                        foreach (var iface in complex.DeclaredInterfaces)
                        {
                            Collect(iface);
                        }

                        foreach (var field in complex.Fields)
                        {
                            Collect(field.Type);
                            foreach (var argument in field.Arguments)
                            {
                                Collect(argument.Type);
                            }
                        }

                        break;
                    case InputObjectType input:
                        foreach (var field in input.Fields)
                        {
                            Collect(field.Type);
                        }

                        break;
                }
            }
            catch (SchemaValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }
    }

    /// <summary>Replaces every <see cref="TypeReference"/> with the schema's type of that name.</summary>
    private sealed class TypeReferenceResolver(GraphQLSchema schema, List<string> errors)
    {
        public void ResolveAll(List<NamedType> types, List<DirectiveDefinition> directives)
        {
            foreach (var type in types)
            {
                switch (type)
                {
                    case ComplexType complex:
                        for (var i = 0; i < complex.DeclaredInterfaces.Count; i++)
                        {
                            if (complex.DeclaredInterfaces[i] is TypeReference reference)
                            {
                                complex.ReplaceInterface(i, Lookup(reference, $"{type.Name} implements"));
                            }
                        }

                        foreach (var field in complex.Fields)
                        {
                            field.Type = Resolve(field.Type, $"{type.Name}.{field.Name}");
                            foreach (var argument in field.Arguments)
                            {
                                argument.Type = Resolve(argument.Type, $"{type.Name}.{field.Name}({argument.Name}:)");
                            }
                        }

                        break;
                    case UnionType union:
                        for (var i = 0; i < union.DeclaredTypes.Count; i++)
                        {
                            if (union.DeclaredTypes[i] is TypeReference reference)
                            {
                                union.ReplaceType(i, Lookup(reference, $"union {type.Name}"));
                            }
                        }

                        break;
                    case InputObjectType input:
                        foreach (var field in input.Fields)
                        {
                            field.Type = Resolve(field.Type, $"{type.Name}.{field.Name}");
                        }

                        break;
                }
            }

            foreach (var directive in directives)
            {
                foreach (var argument in directive.Arguments)
                {
                    argument.Type = Resolve(argument.Type, $"@{directive.Name}({argument.Name}:)");
                }
            }
        }

        private GraphQLType Resolve(GraphQLType type, string where)
        {
            switch (type)
            {
                case TypeReference reference:
                    return Lookup(reference, where);
                case ListType list:
                    list.OfType = Resolve(list.OfType, where);
                    return list;
                case NonNullType nonNull:
                    nonNull.OfType = Resolve(nonNull.OfType, where);
                    return nonNull;
                default:
                    return type;
            }
        }

        private NamedType Lookup(TypeReference reference, string where)
        {
            var type = schema.GetType(reference.Name);
            if (type is null)
            {
                errors.Add($"Type \"{reference.Name}\" (used by {where}) is not defined in the schema: declare it or pass it in the schema's types.");
                return reference;
            }

            return type;
        }
    }
}

/// <summary>Types implementing an interface: objects and (for interfaces implementing interfaces) interfaces.</summary>
public sealed record Implementations(IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces)
{
    internal static Implementations Empty { get; } = new([], []);
}

/// <summary>Thrown when a schema breaks the spec's type-system rules; <see cref="Errors"/> lists every problem found.</summary>
public sealed class SchemaValidationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public SchemaValidationException(IReadOnlyList<string> errors)
        : base("The schema is invalid:\n" + string.Join("\n", errors))
    {
        Errors = errors;
    }

    /// <summary>Each problem, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
