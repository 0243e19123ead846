using Graph.GraphQL.Analysis;

namespace Graph.GraphQL.Pipeline;

/// <summary>Checks depth, aliases, fragment fan-out and cost against the configured <see cref="QueryLimits"/>.</summary>
public sealed class AnalyzeLimitsStep : IRequestStep
{
    /// <inheritdoc />
    public string Name => "limits";

    /// <inheritdoc />
    public ValueTask InvokeAsync(RequestContext context)
    {
        var limits = context.Options.Limits;
        if (limits.MaxDepth is null && limits.MaxAliases is null && limits.MaxCost is null && limits.MaxExpandedFields is null)
        {
            return ValueTask.CompletedTask;
        }

        var errors = QueryLimitsChecker.Check(context.Schema, context.Operation!, context.Fragments!, context.Variables!, limits, context.CancellationToken);
        if (errors.Count > 0)
        {
            context.Fail(errors);
        }

        return ValueTask.CompletedTask;
    }
}
