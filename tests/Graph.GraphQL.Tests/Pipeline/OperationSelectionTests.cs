using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Pipeline;

/// <summary>The pipeline picks the operation once, checks whether it may run, and every error it raises has a code.</summary>
public sealed class OperationSelectionTests
{
    private int _written;

    private GraphQLSchema Schema() => new(
        new ObjectType("Query", t => t.Field("a", Scalars.String, f => f.Resolve(_ => "a")).Field("b", Scalars.String, f => f.Resolve(_ => "b"))),
        new ObjectType("Mutation", t => t.Field("write", Scalars.Boolean, f => f.Resolve(_ =>
        {
            Interlocked.Increment(ref _written);
            return true;
        }))));

    [Fact]
    public async Task The_executor_runs_the_operation_it_is_given_without_choosing_again()
    {
        var document = Parser.Parse("query A { a } query B { b }");
        var result = await Executor.ExecuteAsync(new ExecutionArgs
        {
            Schema = Schema(),
            Document = document,
            Operation = (OperationDefinitionNode)document.Definitions[1],
        });
        Assert.Equal("""{"data":{"b":"b"}}""", result.ToJson());
    }

    [Fact]
    public async Task An_ambiguous_operation_name_is_a_BAD_REQUEST()
    {
        var result = await new RequestExecutor(Schema()).ExecuteAsync(new GraphQLRequest { Query = "query A { a } query B { b }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ErrorCodes.BadRequest, ErrorCodes.Of(Assert.Single(result.Errors!)));
    }

    [Fact]
    public async Task A_request_allowing_only_queries_refuses_a_mutation_before_it_runs()
    {
        var result = await new RequestExecutor(Schema()).ExecuteAsync(
            new GraphQLRequest { Query = "mutation { write }", AllowedOperations = AllowedOperations.Query },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(result.IsDataPresent);
        Assert.Equal(ErrorCodes.OperationNotAllowed, ErrorCodes.Of(Assert.Single(result.Errors!)));
        Assert.Equal(0, _written);
    }

    [Fact]
    public async Task The_hosts_authorizer_sees_the_chosen_operation_and_its_refusal_ends_the_request()
    {
        OperationType? seen = null;
        var executor = new RequestExecutor(Schema(), new RequestExecutorOptions
        {
            AuthorizeOperation = context =>
            {
                seen = context.Operation!.Operation;
                return context.Operation.Operation == OperationType.Mutation
                    ? new GraphQLError("No.", extensions: ErrorCodes.Code("FORBIDDEN"))
                    : null;
            },
        });
        var refused = await executor.ExecuteAsync(new GraphQLRequest { Query = "query Q { a } mutation M { write }", OperationName = "M" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(OperationType.Mutation, seen);
        Assert.Equal("FORBIDDEN", ErrorCodes.Of(Assert.Single(refused.Errors!)));
        Assert.Equal(0, _written);

        var query = await executor.ExecuteAsync(new GraphQLRequest { Query = "query Q { a } mutation M { write }", OperationName = "Q" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("""{"data":{"a":"a"}}""", query.ToJson());
    }

    [Fact]
    public async Task The_token_limit_is_recognised_by_its_code()
    {
        var syntax = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse("{ a b a b }", new ParserOptions { MaxTokens = 3 }));
        Assert.Equal(LimitCodes.MaxTokensExceeded, syntax.Code);
        Assert.Equal(LimitCodes.MaxTokensExceeded, ErrorCodes.Of(syntax));

        var result = await new RequestExecutor(Schema(), new RequestExecutorOptions { Limits = new QueryLimits { MaxTokens = 3 } })
            .ExecuteAsync(new GraphQLRequest { Query = "{ a b a b }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(LimitCodes.MaxTokensExceeded, ErrorCodes.Of(Assert.Single(result.Errors!)));
    }

    [Fact]
    public async Task A_syntax_error_that_mentions_tokens_is_still_a_parse_error()
    {
        // The old check matched " tokens" in the message; an error about a name "tokens" is not the limit.
        var result = await new RequestExecutor(Schema(), new RequestExecutorOptions { Limits = new QueryLimits { MaxTokens = 100 } })
            .ExecuteAsync(new GraphQLRequest { Query = "{ a } too many tokens" }, cancellationToken: TestContext.Current.CancellationToken);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.ParseFailed, ErrorCodes.Of(error));
        Assert.StartsWith("Syntax Error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_errors_carry_the_validation_code()
    {
        var result = await new RequestExecutor(Schema()).ExecuteAsync(new GraphQLRequest { Query = "{ nope }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ErrorCodes.ValidationFailed, ErrorCodes.Of(Assert.Single(result.Errors!)));
    }
}
