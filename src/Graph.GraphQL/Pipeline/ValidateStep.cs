namespace Graph.GraphQL.Pipeline;

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
