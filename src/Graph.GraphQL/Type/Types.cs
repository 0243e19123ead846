namespace Graph.GraphQL.Type;

/// <summary>
/// Type constructors (<c>Types.NonNull(t)</c>, <c>Types.List(t)</c>, <c>Types.Ref("Name")</c>) and the spec's type
/// predicates (IsInputType, IsOutputType, IsLeafType, ...), as in graphql-js's <c>definition</c> module.
/// </summary>
public static class Types
{
    /// <summary><c>T!</c>.</summary>
    public static NonNullType NonNull(GraphQLType type) => new(type);

    /// <summary><c>[T]</c>.</summary>
    public static ListType List(GraphQLType type) => new(type);

    /// <summary><c>[T!]!</c>, the common shape of a list field.</summary>
    public static NonNullType NonNullList(GraphQLType itemType) => new(new ListType(NonNullOf(itemType)));

    /// <summary>A reference by name to a type defined elsewhere in the schema.</summary>
    public static TypeReference Ref(string name) => new(name);

    /// <summary>Scalars, enums, input objects, and lists/non-nulls of them.</summary>
    public static bool IsInputType(GraphQLType? type) =>
        GetNamedType(type) is ScalarType or EnumType or InputObjectType;

    /// <summary>Scalars, objects, interfaces, unions, enums, and lists/non-nulls of them.</summary>
    public static bool IsOutputType(GraphQLType? type) =>
        GetNamedType(type) is ScalarType or ObjectType or InterfaceType or UnionType or EnumType;

    /// <summary>Scalars and enums.</summary>
    public static bool IsLeafType(GraphQLType? type) => type is ScalarType or EnumType;

    /// <summary>Objects, interfaces and unions.</summary>
    public static bool IsCompositeType(GraphQLType? type) => type is ObjectType or InterfaceType or UnionType;

    /// <summary>Interfaces and unions.</summary>
    public static bool IsAbstractType(GraphQLType? type) => type is InterfaceType or UnionType;

    /// <summary>List or non-null.</summary>
    public static bool IsWrappingType(GraphQLType? type) => type is ListType or NonNullType;

    /// <summary>True for <c>T!</c>.</summary>
    public static bool IsNonNullType(GraphQLType? type) => type is NonNullType;

    /// <summary>True for <c>[T]</c>.</summary>
    public static bool IsListType(GraphQLType? type) => type is ListType;

    /// <summary>True for a non-null input value without a default.</summary>
    public static bool IsRequiredArgument(InputValueDefinition argument) => argument.IsRequired;

    /// <summary>The named type under any List/NonNull wrappers; null for null.</summary>
    public static NamedType? GetNamedType(GraphQLType? type)
    {
        while (true)
        {
            switch (type)
            {
                case null: return null;
                case NamedType named: return named;
                case ListType list: type = list.OfType; break;
                case NonNullType nonNull: type = nonNull.OfType; break;
                default: return null;
            }
        }
    }

    /// <summary>The type without a NonNull wrapper.</summary>
    public static GraphQLType? GetNullableType(GraphQLType? type) => type is NonNullType nonNull ? nonNull.OfType : type;

    /// <summary>True for names that introspection reserves (types and fields starting with <c>__</c>).</summary>
    public static bool IsIntrospectionType(NamedType type) => Introspection.IsIntrospectionTypeName(type.Name);

    private static NonNullType NonNullOf(GraphQLType type) => type as NonNullType ?? new NonNullType(type);
}

/// <summary>Shorthands for wrapping types: <c>Scalars.String.NonNull()</c>, <c>human.List()</c>.</summary>
public static class GraphQLTypeExtensions
{
    /// <summary><c>T!</c> (unchanged when already non-null).</summary>
    public static NonNullType NonNull(this GraphQLType type) => type as NonNullType ?? new NonNullType(type);

    /// <summary><c>[T]</c>.</summary>
    public static ListType List(this GraphQLType type) => new(type);
}

/// <summary>The spec's type comparisons (graphql-js <c>typeComparators</c>): equality, subtyping and overlap.</summary>
public static class TypeComparators
{
    /// <summary>True when both are the same type (same named type under the same wrappers).</summary>
    public static bool IsEqualType(GraphQLType typeA, GraphQLType typeB)
    {
        if (ReferenceEquals(typeA, typeB))
        {
            return true;
        }

        return (typeA, typeB) switch
        {
            (NonNullType a, NonNullType b) => IsEqualType(a.OfType, b.OfType),
            (ListType a, ListType b) => IsEqualType(a.OfType, b.OfType),
            (NamedType a, NamedType b) => a.Name == b.Name && a.GetType() == b.GetType(),
            _ => false,
        };
    }

    /// <summary>True when a value of <paramref name="maybeSubType"/> may be used where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(GraphQLSchema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (IsEqualType(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return Types.IsAbstractType(superType)
            && maybeSubType is ObjectType or InterfaceType
            && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>True when some object type could be of both composite types (used to validate fragment spreads).</summary>
    public static bool DoTypesOverlap(GraphQLSchema schema, NamedType typeA, NamedType typeB)
    {
        if (ReferenceEquals(typeA, typeB))
        {
            return true;
        }

        if (Types.IsAbstractType(typeA))
        {
            if (Types.IsAbstractType(typeB))
            {
                foreach (var type in schema.GetPossibleTypes(typeA))
                {
                    if (schema.IsSubType(typeB, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            return schema.IsSubType(typeA, typeB);
        }

        if (Types.IsAbstractType(typeB))
        {
            return schema.IsSubType(typeB, typeA);
        }

        return false;
    }
}
