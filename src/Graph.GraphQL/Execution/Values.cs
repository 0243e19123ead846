using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Execution;

/// <summary>
/// The spec's CoerceVariableValues and CoerceArgumentValues (section 6.1.2 and 6.4.1), plus directive argument
/// values for <c>@skip</c>/<c>@include</c>. Messages follow graphql-js.
/// </summary>
public static class Values
{
    /// <summary>An empty, shared argument map.</summary>
    internal static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>
    /// Coerces the request's raw variable values against the operation's variable definitions. Returns the coerced
    /// values, or null with <paramref name="errors"/> filled (at most <paramref name="maxErrors"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? CoerceVariableValues(
        GraphQLSchema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors,
        int maxErrors = 50)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }

        inputs ??= Empty;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        var startCount = errors.Count;
        foreach (var definition in definitions)
        {
            if (errors.Count - startCount >= maxErrors)
            {
                errors.Add(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."));
                return null;
            }

            var name = definition.Variable.Name.Value;
            var type = TypeFromAst.Get(schema, definition.Type);
            if (type is null || !Types.IsInputType(type))
            {
                // Validation rejects this; kept for documents executed without validation.
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{AstPrinter.Print(definition.Type)}\" which cannot be used as an input type.",
                    [definition.Type]));
                continue;
            }

            if (!inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    if (ValueFromAst.TryGetValue(definition.DefaultValue, type, null, out var defaultValue))
                    {
                        coerced[name] = defaultValue;
                    }
                }
                else if (type is NonNullType)
                {
                    errors.Add(new GraphQLError($"Variable \"${name}\" of required type \"{type}\" was not provided.", [definition]));
                }

                continue;
            }

            if (value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined })
            {
                value = null;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(new GraphQLError($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", [definition]));
                continue;
            }

            coerced[name] = CoerceInputValue.Coerce(value, type, (path, invalidValue, message) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {Inspect.Value(invalidValue)}";
                if (path.Count > 0)
                {
                    prefix += $" at \"{name}{CoerceInputValue.PrintPath(path)}\"";
                }

                errors.Add(new GraphQLError(prefix + "; " + message, [definition]));
            });
        }

        return errors.Count == startCount ? coerced : null;
    }

    /// <summary>
    /// Coerces the arguments written on <paramref name="node"/> for <paramref name="arguments"/>. Throws a
    /// <see cref="GraphQLError"/> located at the argument for the first problem.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        IReadOnlyList<InputValueDefinition> arguments,
        IReadOnlyList<ArgumentNode> argumentNodes,
        Node node,
        IReadOnlyDictionary<string, object?> variables)
    {
        if (arguments.Count == 0)
        {
            return Empty;
        }

        var coerced = new Dictionary<string, object?>(arguments.Count, StringComparer.Ordinal);
        foreach (var definition in arguments)
        {
            var name = definition.Name;
            var type = definition.Type;
            ArgumentNode? argumentNode = null;
            foreach (var candidate in argumentNodes)
            {
                if (candidate.Name.Value == name)
                {
                    argumentNode = candidate;
                    break;
                }
            }

            if (argumentNode is null)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[name] = definition.DefaultValue;
                }
                else if (type is NonNullType)
                {
                    throw new GraphQLError($"Argument \"{name}\" of required type \"{type}\" was not provided.", [node]);
                }

                continue;
            }

            var valueNode = argumentNode.Value;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (!variables.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        coerced[name] = definition.DefaultValue;
                    }
                    else if (type is NonNullType)
                    {
                        throw new GraphQLError(
                            $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.",
                            [valueNode]);
                    }

                    continue;
                }

                if (variableValue is null && type is NonNullType)
                {
                    throw new GraphQLError($"Argument \"{name}\" of non-null type \"{type}\" must not be null.", [valueNode]);
                }

                coerced[name] = variableValue;
                continue;
            }

            if (valueNode is NullValueNode && type is NonNullType)
            {
                throw new GraphQLError($"Argument \"{name}\" of non-null type \"{type}\" must not be null.", [valueNode]);
            }

            if (!ValueFromAst.TryGetValue(valueNode, type, variables, out var value))
            {
                throw new GraphQLError($"Argument \"{name}\" has invalid value {AstPrinter.Print(valueNode)}.", [valueNode]);
            }

            coerced[name] = value;
        }

        return coerced;
    }

    /// <summary>The argument values of <paramref name="directive"/> among <paramref name="directives"/>, or null when it is not applied.</summary>
    public static IReadOnlyDictionary<string, object?>? GetDirectiveValues(
        DirectiveDefinition directive,
        IReadOnlyList<DirectiveNode> directives,
        IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directiveNode in directives)
        {
            if (directiveNode.Name.Value == directive.Name)
            {
                return CoerceArgumentValues(directive.Arguments, directiveNode.Arguments, directiveNode, variables);
            }
        }

        return null;
    }
}
