using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Validation;

/// <summary>
/// Checks an executable document against a schema with the spec's validation rules, all run in one walk of
/// the document (each rule may skip subtrees on its own). Stops after <see cref="DefaultMaxErrors"/> errors.
/// </summary>
public static class Validator
{
    /// <summary>The error limit graphql-js uses.</summary>
    public const int DefaultMaxErrors = 100;

    /// <summary>Validates <paramref name="document"/>; an empty list means it is valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(
        GraphQLSchema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRuleFactory>? rules = null,
        int maxErrors = DefaultMaxErrors) =>
        ValidateUntilCancelled(schema, document, rules, maxErrors, CancellationToken.None);

    /// <summary>
    /// Validates as <see cref="Validate"/> does, and throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled during the walk (the request pipeline's deadline, or a client gone).
    /// </summary>
    public static IReadOnlyList<GraphQLError> ValidateUntilCancelled(
        GraphQLSchema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRuleFactory>? rules,
        int maxErrors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        rules ??= SpecifiedRules.All;
        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, errors, maxErrors);
        var instances = new ValidationRule[rules.Count];
        for (var i = 0; i < instances.Length; i++)
        {
            instances[i] = rules[i](context);
        }

        try
        {
            AstWalker.Walk(document, new ParallelVisitor(instances, typeInfo, context, cancellationToken));
        }
        catch (ValidationAbortedException)
        {
            // The limit message has been recorded.
        }
        catch (InsufficientExecutionStackException)
        {
            errors.Add(new GraphQLError("Document is nested too deeply to validate."));
        }

        return errors;
    }

    /// <summary>
    /// Runs every rule at each node, keeping the type info in step; a rule that skips a subtree is not called
    /// again until the walk leaves the node where it skipped (graphql-js visitInParallel + visitWithTypeInfo).
    /// </summary>
    private sealed class ParallelVisitor(ValidationRule[] rules, TypeInfo typeInfo, ValidationContext context, CancellationToken cancellationToken) : AstVisitor
    {
        private readonly Node?[] _skipping = new Node?[rules.Length];
        private static readonly NameNode s_stopped = new("<stopped>");
        private int _visited;

        public override VisitAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            // Looked at every 256 nodes: a cancellable walk stops soon after its token fires, an uncancellable one pays nothing.
            if ((++_visited & 255) == 0 && cancellationToken.CanBeCanceled)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            context.Ancestors = ancestors;
            typeInfo.Enter(node);
            for (var i = 0; i < rules.Length; i++)
            {
                if (_skipping[i] is not null)
                {
                    continue;
                }

                var action = rules[i].Enter(node);
                if (action == VisitAction.SkipChildren)
                {
                    _skipping[i] = node;
                }
                else if (action == VisitAction.Stop)
                {
                    _skipping[i] = s_stopped;
                }
            }

            return VisitAction.Continue;
        }

        public override VisitAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            context.Ancestors = ancestors;
            for (var i = 0; i < rules.Length; i++)
            {
                var skipping = _skipping[i];
                if (skipping is null)
                {
                    rules[i].Leave(node);
                }
                else if (ReferenceEquals(skipping, node))
                {
                    _skipping[i] = null;
                }
            }

            typeInfo.Leave(node);
            return VisitAction.Continue;
        }
    }
}
