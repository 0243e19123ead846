using System.Security.Cryptography;
using System.Text;
using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Pipeline;

/// <summary>Hashes the query text and looks the document up in the <see cref="DocumentCache"/>.</summary>
public sealed class DocumentCacheStep(DocumentCache cache) : IRequestStep
{
    /// <inheritdoc />
    public string Name => "documentCache";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Request.Query))
        {
            context.Fail([new GraphQLError("The request has no query: send the GraphQL document in \"query\".")]);
            return ValueTask.CompletedTask;
        }

        var hash = Hash(context.Request.Query);
        context.DocumentHash = hash;
        if (cache.TryGet(hash, out var document))
        {
            context.Document = document;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>SHA-256 of the UTF-8 text, lower-case hex.</summary>
    public static string Hash(string query)
    {
        var byteCount = Encoding.UTF8.GetByteCount(query);
        var buffer = byteCount <= 4096 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(query, buffer);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer, digest);
        return Convert.ToHexStringLower(digest);
    }
}

/// <summary>Parses the query text when the cache had no document, with the token limit.</summary>
public sealed class ParseStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "parse";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        if (context.Document is not null)
        {
            return ValueTask.CompletedTask;
        }

        var maxTokens = context.Options.Limits.MaxTokens;
        try
        {
            var document = Parser.Parse(context.Request.Query, new ParserOptions { MaxTokens = maxTokens });
            context.Document = new CachedDocument(document);
        }
        catch (GraphQLSyntaxError error) when (maxTokens is not null && error.Description.Contains(" tokens", StringComparison.Ordinal))
        {
            context.Fail([new GraphQLError(
                $"The document has more than {maxTokens} tokens, the maximum allowed.",
                source: error.DocumentSource,
                positions: error.Positions,
                extensions: new Dictionary<string, object?> { ["code"] = LimitCodes.MaxTokensExceeded, ["limit"] = maxTokens })]);
        }
        catch (GraphQLSyntaxError error)
        {
            context.Fail([error]);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Validates a document not validated before, then stores it in the cache.</summary>
public sealed class ValidateStep(DocumentCache cache) : IRequestStep
{
    /// <inheritdoc />
    public string Name => "validate";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var document = context.Document!;
        if (document.IsValidated)
        {
            return ValueTask.CompletedTask;
        }

        var errors = context.Options.Validator(context.Schema, document.Document);
        if (errors.Count > 0)
        {
            context.Fail(errors);
            return ValueTask.CompletedTask;
        }

        document.IsValidated = true;
        cache.Add(context.DocumentHash!, document);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Selects the operation (cached per document and operation name) and indexes the fragments.</summary>
public sealed class OperationCacheStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "operation";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var document = context.Document!;
        var key = context.Request.OperationName ?? string.Empty;
        lock (document.Operations)
        {
            if (document.Operations.TryGetValue(key, out var cached))
            {
                context.Operation = cached.Operation;
                context.Fragments = cached.Fragments;
                return ValueTask.CompletedTask;
            }
        }

        var operation = Executor.GetOperation(document.Document, context.Request.OperationName, out var error);
        if (operation is null)
        {
            context.Fail([error!]);
            return ValueTask.CompletedTask;
        }

        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        lock (document.Operations)
        {
            document.Operations[key] = (operation, fragments);
        }

        context.Operation = operation;
        context.Fragments = fragments;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Coerces the request's variables against the operation's variable definitions.</summary>
public sealed class CoerceVariablesStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "coerceVariables";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var errors = new List<GraphQLError>();
        var variables = Values.CoerceVariableValues(context.Schema, context.Operation!.VariableDefinitions, context.Request.Variables, errors);
        if (variables is null)
        {
            context.Fail(errors);
        }
        else
        {
            context.Variables = variables;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Checks depth, aliases and cost against the configured <see cref="QueryLimits"/>.</summary>
public sealed class AnalyzeLimitsStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "limits";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var limits = context.Options.Limits;
        if (limits.MaxDepth is null && limits.MaxAliases is null && limits.MaxCost is null)
        {
            return ValueTask.CompletedTask;
        }

        var errors = QueryLimitsChecker.Check(context.Schema, context.Operation!, context.Fragments!, context.Variables!, limits);
        if (errors.Count > 0)
        {
            context.Fail(errors);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Executes the operation.</summary>
public sealed class ExecuteStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "execute";

    /// <inheritdoc />
    public async ValueTask InvokeAsync(RequestContext context)
    {
        context.Result = await Executor.ExecuteAsync(new ExecutionArgs
        {
            Schema = context.Schema,
            Document = context.Document!.Document,
            OperationName = context.Request.OperationName,
            CoercedVariableValues = context.Variables,
            UserContext = context.UserContext,
            Services = context.Services,
            CancellationToken = context.CancellationToken,
            Timeout = context.Options.Timeout,
            ExposeExceptionMessages = context.Options.ExposeExceptionMessages,
        }).ConfigureAwait(false);
    }
}
