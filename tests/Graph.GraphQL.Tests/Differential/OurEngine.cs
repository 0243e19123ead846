using System.Text.Json;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Tests.KitchenSink;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;
using Graph.GraphQL.Validation;

namespace Graph.GraphQL.Tests.Differential;

/// <summary>
/// Runs a corpus case through our engine the way run-operations.mjs runs it through graphql-js:
/// parse, validate with the specification's rules, then execute over the kitchen-sink data, and
/// returns the response as our JSON writer writes it ({ errors?, data? }; {} for a valid subscription).
/// </summary>
public static class OurEngine
{
    private static readonly Lazy<KitchenSinkData> s_data =
        new(() => KitchenSinkData.Load(Path.Combine(GraphQLJs.ToolsDirectory, "kitchen-sink-data.json")));

    private static readonly Lazy<GraphQLSchema> s_kitchenSink = new(() => KitchenSinkSchema.Build(s_data.Value));

    private static readonly Lazy<GraphQLSchema> s_kitchenSinkFromSdl = new(() =>
        KitchenSinkSchema.BuildFromSdl(File.ReadAllText(Path.Combine(GraphQLJs.ToolsDirectory, "kitchen-sink.graphql")), s_data.Value));

    private static readonly Lazy<GraphQLSchema> s_queryOnly = new(KitchenSinkSchema.BuildQueryOnly);

    private static readonly Lazy<IReadOnlyList<ValidationRuleFactory>> s_specRules = new(SpecificationRules);

    /// <summary>The kitchen-sink schema built code-first with our engine.</summary>
    public static GraphQLSchema KitchenSink => s_kitchenSink.Value;

    /// <summary>The kitchen-sink schema built by our BuildSchema from kitchen-sink.graphql.</summary>
    public static GraphQLSchema KitchenSinkFromSdl => s_kitchenSinkFromSdl.Value;

    /// <summary>The rules of the specification: ours without MaxIntrospectionDepthRule, a recommendation that run-operations.mjs leaves out too.</summary>
    public static IReadOnlyList<ValidationRuleFactory> SpecRules => s_specRules.Value;

    /// <summary>Runs the case and returns our response.</summary>
    /// <param name="reference">The case.</param>
    /// <param name="fromSdl">Use the kitchen-sink schema built from SDL instead of the code-first one.</param>
    public static async Task<JsonElement> RunAsync(ReferenceCase reference, bool fromSdl = false)
    {
        var schema = reference.Schema switch
        {
            "kitchen-sink" => fromSdl ? s_kitchenSinkFromSdl.Value : s_kitchenSink.Value,
            "query-only" => s_queryOnly.Value,
            _ => throw new InvalidOperationException($"{reference.Name} names an unknown schema \"{reference.Schema}\"."),
        };

        DocumentNode document;
        try
        {
            document = Parser.Parse(reference.Document);
        }
        catch (GraphQLSyntaxError error)
        {
            return ToJson(ExecutionResult.FromError(error));
        }

        var validationErrors = Validator.Validate(schema, document, SpecRules);
        if (validationErrors.Count > 0)
        {
            return ToJson(ExecutionResult.FromErrors(validationErrors));
        }

        var operation = Executor.GetOperation(document, reference.OperationName, out _);
        if (operation?.Operation == OperationType.Subscription)
        {
            // As in run-operations.mjs: subscriptions need an event stream, the corpus checks their validation only.
            return JsonSerializer.SerializeToElement(new { });
        }

        var data = s_data.Value;
        var result = await Executor.ExecuteAsync(new ExecutionArgs
        {
            Schema = schema,
            Document = document,
            OperationName = reference.OperationName,
            VariableValues = reference.Variables is { } variables ? JsonValues.ToDictionary(variables) : null,
            RootValue = reference.Schema == "query-only"
                ? null
                : operation?.Operation == OperationType.Mutation ? data.Mutation : data.Query,
            UserContext = new KitchenSinkContext(),
            ExposeExceptionMessages = true,
        });
        return ToJson(result);
    }

    /// <summary>
    /// The rules of <see cref="SpecRules"/> that report the case's document on their own, by class name (graphql-js
    /// names its rules the same way); ["syntax"] for a document that does not parse, as run-operations.mjs says.
    /// </summary>
    public static IReadOnlyList<string> RulesReporting(ReferenceCase reference, bool fromSdl = false)
    {
        var schema = reference.Schema switch
        {
            "kitchen-sink" => fromSdl ? s_kitchenSinkFromSdl.Value : s_kitchenSink.Value,
            "query-only" => s_queryOnly.Value,
            _ => throw new InvalidOperationException($"{reference.Name} names an unknown schema \"{reference.Schema}\"."),
        };

        DocumentNode document;
        try
        {
            document = Parser.Parse(reference.Document);
        }
        catch (GraphQLSyntaxError)
        {
            return ["syntax"];
        }

        var reporting = new List<string>();
        foreach (var rule in SpecRules)
        {
            string? name = null;
            ValidationRuleFactory named = context =>
            {
                var instance = rule(context);
                name = instance.GetType().Name;
                return instance;
            };
            if (Validator.Validate(schema, document, [named]).Count > 0)
            {
                reporting.Add(name!);
            }
        }

        return reporting;
    }

    private static JsonElement ToJson(ExecutionResult result)
    {
        using var json = JsonDocument.Parse(result.ToJson());
        return json.RootElement.Clone();
    }

    private static IReadOnlyList<ValidationRuleFactory> SpecificationRules()
    {
        // A document valid by every rule of the specification, too deep for MaxIntrospectionDepthRule alone.
        var probe = Parser.Parse("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        return [.. SpecifiedRules.All.Where(rule => Validator.Validate(s_kitchenSink.Value, probe, [rule]).Count == 0)];
    }
}
