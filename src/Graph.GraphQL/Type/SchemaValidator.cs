using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Type;

/// <summary>
/// The type-system validation of the spec (section 3, "Type Validation" of each type), in graphql-js's
/// <c>validateSchema</c> order and wording: root types, directives, names, fields, interfaces, unions, enums and input objects.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(GraphQLSchema schema, List<string> errors)
    {
        ValidateRootTypes(schema, errors);
        ValidateDirectives(schema, errors);
        ValidateTypes(schema, errors);
    }

    private static void ValidateRootTypes(GraphQLSchema schema, List<string> errors)
    {
        if (schema.RawQueryType is null)
        {
            errors.Add("Query root type must be provided.");
        }
        else if (schema.RawQueryType is not ObjectType)
        {
            errors.Add($"Query root type must be Object type, it cannot be {schema.RawQueryType.Name}.");
        }

        if (schema.RawMutationType is not null and not ObjectType)
        {
            errors.Add($"Mutation root type must be Object type if provided, it cannot be {schema.RawMutationType.Name}.");
        }

        if (schema.RawSubscriptionType is not null and not ObjectType)
        {
            errors.Add($"Subscription root type must be Object type if provided, it cannot be {schema.RawSubscriptionType.Name}.");
        }

        var roots = new (string Operation, ObjectType? Type)[] { ("query", schema.QueryType), ("mutation", schema.MutationType), ("subscription", schema.SubscriptionType) };
        for (var i = 0; i < roots.Length; i++)
        {
            for (var j = i + 1; j < roots.Length; j++)
            {
                if (roots[i].Type is not null && ReferenceEquals(roots[i].Type, roots[j].Type))
                {
                    errors.Add($"All root types must be different, \"{roots[i].Type!.Name}\" type is used as {roots[i].Operation} and {roots[j].Operation} root types.");
                }
            }
        }
    }

    private static void ValidateDirectives(GraphQLSchema schema, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in schema.Directives)
        {
            ValidateName(directive.Name, errors);
            if (!seen.Add(directive.Name))
            {
                errors.Add($"Directive @{directive.Name} is defined more than once.");
            }

            if (directive.Locations.Count == 0)
            {
                errors.Add($"Directive @{directive.Name} must include 1 or more locations.");
            }

            var argumentNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, errors);
                if (!argumentNames.Add(argument.Name))
                {
                    errors.Add($"Argument @{directive.Name}({argument.Name}:) can only be defined once.");
                }

                if (!Types.IsInputType(argument.Type) && !IsUnresolved(argument.Type))
                {
                    errors.Add($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.IsRequired && argument.DeprecationReason is not null)
                {
                    errors.Add($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }
    }

    private static void ValidateTypes(GraphQLSchema schema, List<string> errors)
    {
        var cycles = new InputCycleDetector(errors);
        foreach (var type in schema.Types)
        {
            if (!Types.IsIntrospectionType(type))
            {
                ValidateName(type.Name, errors);
            }

            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex, errors);
                    ValidateInterfaces(schema, complex, errors);
                    break;
                case UnionType union:
                    ValidateUnionMembers(union, errors);
                    break;
                case EnumType enumType:
                    ValidateEnumValues(enumType, errors);
                    break;
                case InputObjectType input:
                    ValidateInputFields(input, errors);
                    cycles.Detect(input);
                    break;
            }
        }
    }

    private static void ValidateFields(ComplexType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            if (!Types.IsIntrospectionType(type))
            {
                ValidateName(field.Name, errors);
            }

            if (!Types.IsOutputType(field.Type) && !IsUnresolved(field.Type))
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            var argumentNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, errors);
                if (!argumentNames.Add(argument.Name))
                {
                    errors.Add($"Argument {type.Name}.{field.Name}({argument.Name}:) can only be defined once.");
                }

                if (!Types.IsInputType(argument.Type) && !IsUnresolved(argument.Type))
                {
                    errors.Add($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.IsRequired && argument.DeprecationReason is not null)
                {
                    errors.Add($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }
    }

    private static void ValidateInterfaces(GraphQLSchema schema, ComplexType type, List<string> errors)
    {
        var implemented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in type.DeclaredInterfaces)
        {
            if (declared is not InterfaceType iface)
            {
                errors.Add($"Type {type.Name} must only implement Interface types, it cannot implement {declared.Name}.");
                continue;
            }

            if (ReferenceEquals(type, iface))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            if (!implemented.Add(iface.Name))
            {
                errors.Add($"Type {type.Name} can only implement {iface.Name} once.");
                continue;
            }

            ValidateTypeImplementsAncestors(type, iface, errors);
            ValidateTypeImplementsInterface(schema, type, iface, errors);
        }
    }

    private static void ValidateTypeImplementsInterface(GraphQLSchema schema, ComplexType type, InterfaceType iface, List<string> errors)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var fieldName = ifaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                errors.Add($"Interface field {iface.Name}.{fieldName} expected but {type.Name} does not provide it.");
                continue;
            }

            if (!TypeComparators.IsTypeSubTypeOf(schema, typeField.Type, ifaceField.Type))
            {
                errors.Add($"Interface field {iface.Name}.{fieldName} expects type {ifaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.");
            }

            foreach (var ifaceArg in ifaceField.Arguments)
            {
                var typeArg = typeField.GetArgument(ifaceArg.Name);
                if (typeArg is null)
                {
                    errors.Add($"Interface field argument {iface.Name}.{fieldName}({ifaceArg.Name}:) expected but {type.Name}.{fieldName} does not provide it.");
                    continue;
                }

                if (!TypeComparators.IsEqualType(ifaceArg.Type, typeArg.Type))
                {
                    errors.Add($"Interface field argument {iface.Name}.{fieldName}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{fieldName}({ifaceArg.Name}:) is type {typeArg.Type}.");
                }
            }

            foreach (var typeArg in typeField.Arguments)
            {
                if (typeArg.IsRequired && ifaceField.GetArgument(typeArg.Name) is null)
                {
                    errors.Add($"Object field {type.Name}.{fieldName} includes required argument {typeArg.Name} that is missing from the Interface field {iface.Name}.{fieldName}.");
                }
            }
        }
    }

    private static void ValidateTypeImplementsAncestors(ComplexType type, InterfaceType iface, List<string> errors)
    {
        var ifaceInterfaces = type.Interfaces;
        foreach (var transitive in iface.Interfaces)
        {
            var found = false;
            foreach (var candidate in ifaceInterfaces)
            {
                if (ReferenceEquals(candidate, transitive))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                errors.Add(ReferenceEquals(transitive, type)
                    ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                    : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
            }
        }
    }

    private static void ValidateUnionMembers(UnionType union, List<string> errors)
    {
        if (union.DeclaredTypes.Count == 0)
        {
            errors.Add($"Union type {union.Name} must define one or more member types.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in union.DeclaredTypes)
        {
            if (!seen.Add(member.Name))
            {
                errors.Add($"Union type {union.Name} can only include type {member.Name} once.");
                continue;
            }

            if (member is not ObjectType)
            {
                errors.Add($"Union type {union.Name} can only include Object types, it cannot include {member.Name}.");
            }
        }
    }

    private static void ValidateEnumValues(EnumType enumType, List<string> errors)
    {
        if (enumType.Values.Count == 0)
        {
            errors.Add($"Enum type {enumType.Name} must define one or more values.");
        }

        foreach (var value in enumType.Values)
        {
            if (value.Name is "true" or "false" or "null")
            {
                errors.Add($"Enum values cannot be named: {value.Name} (in enum {enumType.Name}).");
                continue;
            }

            if (!Types.IsIntrospectionType(enumType))
            {
                ValidateName(value.Name, errors);
            }
        }
    }

    private static void ValidateInputFields(InputObjectType input, List<string> errors)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, errors);
            if (!Types.IsInputType(field.Type) && !IsUnresolved(field.Type))
            {
                errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.IsRequired && field.DeprecationReason is not null)
            {
                errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }

            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefaultValue)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }
    }

    // Unresolved references were already reported as undefined types.
    private static bool IsUnresolved(GraphQLType type) => Types.GetNamedType(type) is TypeReference;

    private static void ValidateName(string name, List<string> errors)
    {
        if (name.Length == 0)
        {
            errors.Add("Expected name to be a non-empty string.");
            return;
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            return;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!CharClasses.IsNameContinue(name[i]))
            {
                errors.Add($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.");
                return;
            }
        }

        if (!CharClasses.IsNameStart(name[0]))
        {
            errors.Add($"Names must start with [_a-zA-Z] but \"{name}\" does not.");
        }
    }

    /// <summary>Depth-first search for input objects that contain themselves through non-null fields (they could never be written).</summary>
    private sealed class InputCycleDetector(List<string> errors)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<InputValueDefinition> _fieldPath = [];
        private readonly Dictionary<string, int> _pathIndexByType = new(StringComparer.Ordinal);

        public void Detect(InputObjectType input)
        {
            if (!_visited.Add(input.Name))
            {
                return;
            }

            _pathIndexByType[input.Name] = _fieldPath.Count;
            foreach (var field in input.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                {
                    _fieldPath.Add(field);
                    if (_pathIndexByType.TryGetValue(fieldType.Name, out var cycleIndex))
                    {
                        var names = new List<string>();
                        for (var i = cycleIndex; i < _fieldPath.Count; i++)
                        {
                            names.Add(_fieldPath[i].Name);
                        }

                        errors.Add($"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join(".", names)}\".");
                    }
                    else
                    {
                        Detect(fieldType);
                    }

                    _fieldPath.RemoveAt(_fieldPath.Count - 1);
                }
            }

            _pathIndexByType.Remove(input.Name);
        }
    }
}
