using System.Collections;
using System.Text.Json;
using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Execution;

/// <summary>
/// The state of one execution and the spec's execution algorithms (6.3-6.4): ExecuteSelectionSet (concurrent for
/// queries, serial for mutations), ExecuteField, CompleteValue with null propagation, and ResolveAbstractType.
/// Synchronous resolvers complete without allocating tasks; only pending values take the async path.
/// </summary>
internal sealed class ExecutionContext
{
    private readonly List<GraphQLError> _errors = [];

    public ExecutionContext(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ExecutionArgs args,
        DataLoaderContext dataLoaders,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        RootValue = args.RootValue;
        UserContext = args.UserContext;
        Services = args.Services;
        ExposeExceptionMessages = args.ExposeExceptionMessages;
        DataLoaders = dataLoaders;
        CancellationToken = cancellationToken;
    }

    public GraphQLSchema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public object? RootValue { get; }

    public object? UserContext { get; }

    public IServiceProvider? Services { get; }

    public bool ExposeExceptionMessages { get; }

    public DataLoaderContext DataLoaders { get; }

    public CancellationToken CancellationToken { get; }

    public List<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    /// <summary>ExecuteSelectionSet for queries: every field's resolver starts before any pending one is awaited.</summary>
    public ValueTask<object?> ExecuteFields(object? source, ResponsePath? path, SelectionPlan plan)
    {
        var fields = plan.Fields;
        var values = new object?[fields.Length];
        List<Task>? pending = null;
        for (var i = 0; i < fields.Length; i++)
        {
            var completed = ExecuteField(fields[i], source, path);
            if (completed.IsCompletedSuccessfully)
            {
                values[i] = completed.Result;
            }
            else
            {
                (pending ??= []).Add(StoreAsync(completed, values, i));
            }
        }

        var map = new ResultMap(plan.Keys, values, plan.EncodedKeys);
        return pending is null ? new ValueTask<object?>(map) : AwaitAllAsync(pending, map);
    }

    /// <summary>ExecuteSelectionSet for mutations: each field, including its sub-selection, completes before the next starts.</summary>
    public async ValueTask<object?> ExecuteFieldsSerially(object? source, SelectionPlan plan)
    {
        var fields = plan.Fields;
        var values = new object?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            ValueTask<object?> completed;
            DataLoaders.Enter();
            try
            {
                completed = ExecuteField(fields[i], source, null);
            }
            finally
            {
                DataLoaders.Exit();
            }

            values[i] = completed.IsCompletedSuccessfully ? completed.Result : await completed.ConfigureAwait(false);
        }

        return new ResultMap(plan.Keys, values, plan.EncodedKeys);
    }

    private ValueTask<object?> ExecuteField(FieldPlan field, object? source, ResponsePath? parentPath)
    {
        if (field.IsDefaultLeaf)
        {
            // Hot path: a leaf read by the default resolver needs no context and no path unless it fails.
            try
            {
                var value = field.SourceResolver is { } read
                    ? read(source)
                    : DefaultFieldResolver.Resolve(source, field.Definition.Name, ref field.LastAccessor);
                if (value is not null and not DBNull)
                {
                    return new ValueTask<object?>(field.LeafType is ScalarType scalar ? SerializeScalar(scalar, value) : SerializeEnum((EnumType)field.LeafType!, value));
                }

                if (field.ReturnType is NonNullType)
                {
                    throw NonNullError(field);
                }

                return default;
            }
            catch (Exception e)
            {
                return new ValueTask<object?>(HandleFieldError(e, field.ReturnType, field, new ResponsePath(parentPath, field.ResponseKey, field.ParentType.Name)));
            }
        }

        var path = new ResponsePath(parentPath, field.ResponseKey, field.ParentType.Name);
        object? result;
        try
        {
            var definition = field.Definition;
            var resolver = definition.Resolver;
            if (field.SourceResolver is { } read)
            {
                if (definition.Arguments.Count > 0)
                {
                    field.GetArguments();
                }

                result = read(source);
            }
            else if (resolver is null)
            {
                if (definition.Arguments.Count > 0)
                {
                    field.GetArguments();
                }

                result = DefaultFieldResolver.Resolve(source, definition.Name, ref field.LastAccessor);
            }
            else
            {
                CancellationToken.ThrowIfCancellationRequested();
                var context = new ResolveFieldContext(this, field, source, path, field.GetArguments());
                var resolving = resolver(context);
                if (!resolving.IsCompletedSuccessfully)
                {
                    return CompleteResolvedAsync(resolving, field, path);
                }

                result = resolving.Result;
            }
        }
        catch (Exception e)
        {
            return new ValueTask<object?>(HandleFieldError(e, field.ReturnType, field, path));
        }

        return CompleteValueCatching(field.ReturnType, field, path, result);
    }

    private async ValueTask<object?> CompleteResolvedAsync(ValueTask<object?> resolving, FieldPlan field, ResponsePath path)
    {
        object? result;
        try
        {
            result = await resolving.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return HandleFieldError(e, field.ReturnType, field, path);
        }

        // Completing may call child resolvers, whose data loader keys must wait for this section to end.
        ValueTask<object?> completed;
        DataLoaders.Enter();
        try
        {
            completed = CompleteValueCatching(field.ReturnType, field, path, result);
        }
        finally
        {
            DataLoaders.Exit();
        }

        return await completed.ConfigureAwait(false);
    }

    private ValueTask<object?> CompleteValueCatching(GraphQLType returnType, FieldPlan field, ResponsePath path, object? result)
    {
        try
        {
            var completed = CompleteValue(returnType, field, path, result);
            return completed.IsCompletedSuccessfully ? completed : CatchAsync(completed, returnType, field, path);
        }
        catch (Exception e)
        {
            return new ValueTask<object?>(HandleFieldError(e, returnType, field, path));
        }
    }

    private async ValueTask<object?> CatchAsync(ValueTask<object?> completing, GraphQLType returnType, FieldPlan field, ResponsePath path)
    {
        try
        {
            return await completing.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return HandleFieldError(e, returnType, field, path);
        }
    }

    /// <summary>
    /// Records a field error and yields null, unless the position is non-null: then the error travels up to the
    /// nearest nullable parent (spec 6.4.4, "Handling Field Errors").
    /// </summary>
    private object? HandleFieldError(Exception exception, GraphQLType returnType, FieldPlan field, ResponsePath path)
    {
        var error = LocateError(exception, field.Nodes, path);
        if (returnType is NonNullType)
        {
            throw error;
        }

        AddError(error);
        return null;
    }

    private GraphQLError LocateError(Exception exception, FieldNode[] nodes, ResponsePath path)
    {
        switch (exception)
        {
            case GraphQLError { Path: not null } located:
                return located;
            case GraphQLError graphQLError:
                return GraphQLError.Located(graphQLError, nodes, path.ToList());
            case ScalarCoercionException coercion:
                return new GraphQLError(coercion.Message, nodes, path: path.ToList(), originalError: coercion);
            case OperationCanceledException canceled when CancellationToken.IsCancellationRequested:
                return new GraphQLError("The request was cancelled before this field was resolved.", nodes, path: path.ToList(), originalError: canceled, extensions: ErrorCodes.Cancelled);
            default:
                var message = ExposeExceptionMessages ? exception.Message : "Unexpected error.";
                return new GraphQLError(message, nodes, path: path.ToList(), originalError: exception, extensions: ErrorCodes.InternalServerError);
        }
    }

    /// <summary>CompleteValue (6.4.3): checks non-null, serializes leaves, completes lists item by item and objects field by field.</summary>
    private ValueTask<object?> CompleteValue(GraphQLType returnType, FieldPlan field, ResponsePath path, object? result)
    {
        if (returnType is NonNullType nonNull)
        {
            var completed = CompleteValue(nonNull.OfType, field, path, result);
            if (completed.IsCompletedSuccessfully)
            {
                return completed.Result is null ? throw NonNullError(field) : completed;
            }

            return CheckNonNullAsync(completed, field);
        }

        if (result is null or DBNull)
        {
            return default;
        }

        if (result is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            return default;
        }

        if (result is Exception exception)
        {
            throw exception;
        }

        switch (returnType)
        {
            case ScalarType scalar:
                return new ValueTask<object?>(SerializeScalar(scalar, result));
            case EnumType enumType:
                return new ValueTask<object?>(SerializeEnum(enumType, result));
            case ObjectType objectType:
                return CompleteObjectValue(objectType, field, path, result);
            case ListType list:
                return CompleteListValue(list, field, path, result);
            case InterfaceType or UnionType:
                return CompleteObjectValue(ResolveAbstractType((NamedType)returnType, field, path, result), field, path, result);
            default:
                throw new GraphQLError($"Cannot complete value of unexpected output type: \"{returnType}\".");
        }
    }

    private static object SerializeScalar(ScalarType scalar, object result)
    {
        if (result is JsonElement element)
        {
            result = DefaultFieldResolver.FromJson(element) ?? throw new ScalarCoercionException($"{scalar.Name} cannot represent value: null");
        }

        return scalar.Serialize(result)
            ?? throw new GraphQLError($"Expected `{scalar.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null");
    }

    private static object SerializeEnum(EnumType enumType, object result)
    {
        if (result is JsonElement element)
        {
            result = DefaultFieldResolver.FromJson(element) ?? string.Empty;
        }

        return enumType.Serialize(result);
    }

    private static GraphQLError NonNullError(FieldPlan field) =>
        new($"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Definition.Name}.");

    private static async ValueTask<object?> CheckNonNullAsync(ValueTask<object?> completing, FieldPlan field)
    {
        var value = await completing.ConfigureAwait(false);
        return value ?? throw NonNullError(field);
    }

    private ValueTask<object?> CompleteObjectValue(ObjectType type, FieldPlan field, ResponsePath path, object result)
    {
        var matches = type.IsTypeOfWithoutContext is { } withoutContext
            ? withoutContext(result)
            : type.IsTypeOf is not { } isTypeOf || isTypeOf(result, new ResolveFieldContext(this, field, result, path, Values.Empty));
        if (!matches)
        {
            throw new GraphQLError($"Expected value of type \"{type.Name}\" but got: {Inspect.Value(result)}.");
        }

        return ExecuteFields(result, path, field.GetSubPlan(type));
    }

    private ValueTask<object?> CompleteListValue(ListType listType, FieldPlan field, ResponsePath path, object result)
    {
        IList? list = result as IList;
        if (list is null)
        {
            if (result is JsonElement { ValueKind: JsonValueKind.Array } element)
            {
                var items = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(DefaultFieldResolver.FromJson(item));
                }

                list = items;
            }
            else if (result is IEnumerable enumerable and not string and not IDictionary and not IReadOnlyDictionary<string, object?>)
            {
                var items = new List<object?>();
                foreach (var item in enumerable)
                {
                    items.Add(item);
                }

                list = items;
            }
            else
            {
                throw new GraphQLError($"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Definition.Name}\".");
            }
        }

        var itemType = listType.OfType;
        var count = list.Count;
        var values = new object?[count];
        List<Task>? pending = null;
        for (var i = 0; i < count; i++)
        {
            var itemPath = new ResponsePath(path, ResponsePath.BoxIndex(i), null);
            ValueTask<object?> completed;
            try
            {
                completed = CompleteValue(itemType, field, itemPath, list[i]);
            }
            catch (Exception e)
            {
                values[i] = HandleFieldError(e, itemType, field, itemPath);
                continue;
            }

            if (completed.IsCompletedSuccessfully)
            {
                values[i] = completed.Result;
            }
            else
            {
                (pending ??= []).Add(StoreItemAsync(completed, values, i, itemType, field, itemPath));
            }
        }

        return pending is null ? new ValueTask<object?>(values) : AwaitAllAsync(pending, values);
    }

    private async Task StoreItemAsync(ValueTask<object?> completing, object?[] values, int index, GraphQLType itemType, FieldPlan field, ResponsePath itemPath)
    {
        try
        {
            values[index] = await completing.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            values[index] = HandleFieldError(e, itemType, field, itemPath);
        }
    }

    /// <summary>ResolveAbstractType (6.4.3): the type's resolver, else <c>__typename</c> of a map, else IsTypeOf of each possible type.</summary>
    private ObjectType ResolveAbstractType(NamedType abstractType, FieldPlan field, ResponsePath path, object result)
    {
        var resolver = abstractType is InterfaceType iface ? iface.ResolveType : ((UnionType)abstractType).ResolveType;
        var resolved = resolver is not null
            ? resolver(result, new ResolveFieldContext(this, field, result, path, Values.Empty))
            : DefaultResolveType(abstractType, field, path, result);

        var fieldName = $"{field.ParentType.Name}.{field.Definition.Name}";
        if (resolved is null)
        {
            throw new GraphQLError(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{fieldName}\". " +
                $"Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }

        var typeName = resolved switch
        {
            NamedType named => named.Name,
            string name => name,
            _ => throw new GraphQLError($"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{fieldName}\" with value {Inspect.Value(result)}, received \"{Inspect.Value(resolved)}\"."),
        };

        var runtimeType = Schema.GetType(typeName);
        if (runtimeType is null)
        {
            throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.");
        }

        if (runtimeType is not ObjectType objectType)
        {
            throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{typeName}\".");
        }

        if (!Schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLError($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".");
        }

        return objectType;
    }

    private string? DefaultResolveType(NamedType abstractType, FieldPlan field, ResponsePath path, object result)
    {
        switch (result)
        {
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var name) && name is string typeName:
                return typeName;
            case IDictionary<string, object?> dictionary when dictionary.TryGetValue("__typename", out var name) && name is string typeName:
                return typeName;
            case JsonElement { ValueKind: JsonValueKind.Object } element when element.TryGetProperty("__typename", out var name) && name.ValueKind == JsonValueKind.String:
                return name.GetString();
        }

        var possibleTypes = Schema.PossibleTypesCached(abstractType);
        ResolveFieldContext? context = null;
        foreach (var type in possibleTypes)
        {
            if (type.IsTypeOfWithoutContext is { } withoutContext ? withoutContext(result)
                : type.IsTypeOf is { } isTypeOf && isTypeOf(result, context ??= new ResolveFieldContext(this, field, result, path, Values.Empty)))
            {
                return type.Name;
            }
        }

        // CLR objects whose class is named like a possible type.
        var clrName = result.GetType().Name;
        foreach (var type in possibleTypes)
        {
            if (type.IsTypeOf is null && type.Name == clrName)
            {
                return type.Name;
            }
        }

        return null;
    }

    private static async Task StoreAsync(ValueTask<object?> completing, object?[] values, int index)
    {
        values[index] = await completing.ConfigureAwait(false);
    }

    private static async ValueTask<object?> AwaitAllAsync(List<Task> pending, object result)
    {
        await Task.WhenAll(pending).ConfigureAwait(false);
        return result;
    }
}
