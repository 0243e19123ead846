using Graph.GraphQL.Language;
using Graph.GraphQL.Validation;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class ValidatorTests
{
    [Fact]
    public void Test_schema_builds_and_a_rich_valid_query_passes_every_rule()
    {
        var document = Parser.Parse("""
            query Q($id: ID, $color: FurColor = BROWN, $cmd: DogCommand!) @onQuery {
              human(id: $id) { name(surname: true) pets { ... on Dog { barks } ...PetName } relatives { name } }
              dog { doesKnowCommand(dogCommand: $cmd) isHouseTrained ...DogFields }
              complicatedArgs { enumArgField(enumArg: $color) complexArgField(complexArg: { requiredField: true, stringListField: ["a"] }) }
              catOrDog { __typename ... on Cat { meows } }
              __schema { queryType { name } }
            }
            fragment PetName on Pet { name }
            fragment DogFields on Dog { mother { name } father { ...on Canine { name } } }
            """);
        var errors = Validator.Validate(TestSchema, document);
        Assert.Empty(errors);
    }

    [Fact]
    public void Every_rule_runs_in_the_single_pass_and_errors_come_in_document_order()
    {
        var document = Parser.Parse("""
            query Q($unused: Int) {
              dog { unknownField }
              cat { meows(bogus: 1) }
            }
            fragment Unused on Dog { name }
            """);
        var errors = Validator.Validate(TestSchema, document);
        Assert.Equal(
            [
                "Cannot query field \"unknownField\" on type \"Dog\".",
                "Unknown argument \"bogus\" on field \"Cat.meows\".",
                "Variable \"$unused\" is never used in operation \"Q\".",
                "Fragment \"Unused\" is never used.",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Stops_at_the_error_limit_with_a_final_message()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 20).Select(i => "unknown" + i)) + " }";
        var errors = Validator.Validate(TestSchema, Parser.Parse(query), maxErrors: 5);
        Assert.Equal(6, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[^1].Message);
    }

    [Fact]
    public void Default_error_limit_is_one_hundred()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 150).Select(i => "unknown" + i)) + " }";
        var errors = Validator.Validate(TestSchema, Parser.Parse(query));
        Assert.Equal(101, errors.Count);
    }

    [Fact]
    public void Validating_the_same_document_twice_gives_the_same_errors()
    {
        var document = Parser.Parse("{ dog { name: barks name } }");
        var first = Validator.Validate(TestSchema, document).Select(e => e.Message).ToList();
        var second = Validator.Validate(TestSchema, document).Select(e => e.Message).ToList();
        Assert.Single(first);
        Assert.Equal(first, second);
    }
}
