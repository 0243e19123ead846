using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// Both HTTP wire formats against bodies written from Neo4j's documentation (Query API and HTTP API manuals):
/// discovery, results, explicit transactions, errors, retries, auth, timeouts and an unreachable server.
/// </summary>
public sealed class WireFormatTests
{
    private const string Discovery519 = """
        {"bolt_routing":"neo4j://localhost:7687","query":"http://localhost:7474/db/{databaseName}/query/v2","dbms/cluster":"http://localhost:7474/dbms/cluster","db/cluster":"http://localhost:7474/db/{databaseName}/cluster","transaction":"http://localhost:7474/db/{databaseName}/tx","bolt_direct":"bolt://localhost:7687","neo4j_version":"5.19.0","neo4j_edition":"enterprise"}
        """;

    private const string Discovery44 = """
        {"bolt_direct":"bolt://localhost:7687","bolt_routing":"neo4j://localhost:7687","transaction":"http://localhost:7474/db/{databaseName}/tx","neo4j_version":"4.4.0","neo4j_edition":"enterprise"}
        """;

    private const string QueryApiResult = """
        {"data":{"fields":["alice"],"values":[[{"elementId":"4:ff04df25-ff2b-4b55-98f8-6888297b025e:0","labels":["Person"],"properties":{"name":"Alice","age":42}}]]},"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}
        """;

    private const string TransactionalResult = """
        {"results":[{"columns":["n"],"data":[{"row":[{"name":"Alice","age":42}],"meta":[{"id":36,"elementId":"4:0ea4a108-32c5-498c-99e7-95cc67ab5f7d:36","type":"node","deleted":false}]}]}],"errors":[]}
        """;

    private const string TransactionalSyntaxError = """
        {"results":[],"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'T': expected <init> (line 1, column 1 (offset: 0))\n\"This is not a valid Cypher Statement.\"\n ^"}]}
        """;

    [Fact]
    public async Task Discovery_picks_the_Query_API_when_the_server_lists_it()
    {
        var handler = new ScriptedHandler((_, _) => Reply(HttpStatusCode.OK, Discovery519));
        using var connection = new Neo4jConnection(Options(), handler);
        Assert.Equal(Neo4jProtocol.QueryApi, await connection.DiscoverAsync(TestContext.Current.CancellationToken));
        Assert.Equal("5.19.0", connection.ServerVersion);
        Assert.Null(handler.Requests[0].Headers.Authorization);
    }

    [Fact]
    public async Task Discovery_falls_back_to_the_transactional_endpoint_on_older_servers()
    {
        using var connection = new Neo4jConnection(Options(), new ScriptedHandler((_, _) => Reply(HttpStatusCode.OK, Discovery44)));
        Assert.Equal(Neo4jProtocol.Transactional, await connection.DiscoverAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_root_that_is_not_Neo4j_is_reported_with_what_to_check()
    {
        using var connection = new Neo4jConnection(Options(), new ScriptedHandler((_, _) => Reply(HttpStatusCode.OK, "<html>nginx</html>")));
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.DiscoverAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.Protocol, error.Kind);
        Assert.Contains("Graph:Neo4j:Uri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_API_request_carries_statement_parameters_and_basic_auth_and_its_result_is_read()
    {
        var handler = Server(Discovery519, (_, _) => Reply(HttpStatusCode.Accepted, QueryApiResult));
        using var connection = new Neo4jConnection(Options(), handler);
        var result = await connection.ReadAsync(new CypherStatement("MERGE (n:Person {name: $name, age: $age}) RETURN n AS alice", new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42L, ["amount"] = 1.10m }), TestContext.Current.CancellationToken);

        var request = handler.Requests[1];
        Assert.Equal("/db/neo4j/query/v2", request.RequestUri!.AbsolutePath);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal("neo4j:s3cret", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
        var body = JsonDocument.Parse(handler.Bodies[1]!).RootElement;
        Assert.Equal("MERGE (n:Person {name: $name, age: $age}) RETURN n AS alice", body.GetProperty("statement").GetString());
        // Typed JSON: each parameter says its type; numbers travel as text so 1.0 stays a Float.
        Assert.Equal("application/vnd.neo4j.query", request.Content!.Headers.ContentType!.MediaType);
        Assert.Contains(request.Headers.Accept, a => a.MediaType == "application/vnd.neo4j.query");
        var parameters = body.GetProperty("parameters");
        Assert.Equal("""{"$type":"String","_value":"Alice"}""", parameters.GetProperty("name").GetRawText());
        Assert.Equal("""{"$type":"Integer","_value":"42"}""", parameters.GetProperty("age").GetRawText());
        Assert.Equal("""{"$type":"String","_value":"1.10"}""", parameters.GetProperty("amount").GetRawText());
        Assert.Equal("Read", body.GetProperty("accessMode").GetString());

        Assert.Equal(["alice"], result.Fields);
        var alice = Assert.Single(result.Records)["alice"];
        Assert.Equal("Alice", alice.GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_typed_answer_is_read_into_plain_values_with_numbers_as_numbers()
    {
        // The shapes of Neo4j's typed JSON documentation: a node, an integer and a float as text, a list, a map, a date.
        const string typed = """
            {"data":{"fields":["n","count","confidence","names","props","day","nothing"],"values":[[
              {"$type":"Node","_value":{"_element_id":"4:x:0","_labels":["Actor","State"],"_properties":{"id":{"$type":"String","_value":"state:chad"},"degree":{"$type":"Integer","_value":"7"}}}},
              {"$type":"Integer","_value":"9007199254740993"},
              {"$type":"Float","_value":"1.0"},
              {"$type":"List","_value":[{"$type":"String","_value":"Chad"},{"$type":"String","_value":"Tchad"}]},
              {"$type":"Map","_value":{"confidence":{"$type":"Float","_value":"0.25"}}},
              {"$type":"Date","_value":"2025-02-09"},
              {"$type":"Null","_value":null}
            ]]},"bookmarks":["FB:b1"]}
            """;
        var handler = Server(Discovery519, (_, _) => Reply(HttpStatusCode.Accepted, typed));
        using var connection = new Neo4jConnection(Options(), handler);
        var row = Assert.Single((await connection.ReadAsync(new CypherStatement("RETURN 1"), TestContext.Current.CancellationToken)).Records);

        Assert.Equal("state:chad", row["n"].GetProperty("properties").GetProperty("id").GetString());
        Assert.Equal(7, row["n"].GetProperty("properties").GetProperty("degree").GetInt32());
        Assert.Equal(["Actor", "State"], row["n"].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(9007199254740993L, row["count"].GetInt64());
        Assert.Equal(1.0, row["confidence"].GetDouble());
        Assert.Equal(["Chad", "Tchad"], row["names"].EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(0.25, row["props"].GetProperty("confidence").GetDouble());
        Assert.Equal("2025-02-09", row["day"].GetString());
        Assert.Equal(JsonValueKind.Null, row["nothing"].ValueKind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_float_with_no_fraction_is_sent_as_a_float_on_both_APIs(bool queryApi)
    {
        var handler = Server(queryApi ? Discovery519 : Discovery44, (_, _) => Reply(HttpStatusCode.OK, queryApi ? QueryApiResult : TransactionalResult));
        using var connection = new Neo4jConnection(Options(), handler);
        var parameters = new Dictionary<string, object?> { ["row"] = new Dictionary<string, object?> { ["confidence"] = 1.0, ["weights"] = new List<object?> { 2.0, 0.5 } } };
        await connection.ReadAsync(new CypherStatement("RETURN $row", parameters), TestContext.Current.CancellationToken);

        var body = JsonDocument.Parse(handler.Bodies[1]!).RootElement;
        if (queryApi)
        {
            var row = body.GetProperty("parameters").GetProperty("row").GetProperty("_value");
            Assert.Equal("""{"$type":"Float","_value":"1"}""", row.GetProperty("confidence").GetRawText());
            Assert.Equal("Float", row.GetProperty("weights").GetProperty("_value")[0].GetProperty("$type").GetString());
        }
        else
        {
            // The transactional endpoint has no types: a number with a fraction is what it reads as a Float.
            var row = body.GetProperty("statements")[0].GetProperty("parameters").GetProperty("row");
            Assert.Equal("1.0", row.GetProperty("confidence").GetRawText());
            Assert.Equal("[2.0,0.5]", row.GetProperty("weights").GetRawText());
        }
    }

    [Fact]
    public async Task Bookmarks_of_a_committed_write_go_with_every_later_request()
    {
        var commits = 0;
        var handler = Server(Discovery519, (request, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            return path.EndsWith("/commit", StringComparison.Ordinal)
                ? Reply(HttpStatusCode.OK, $$"""{"bookmarks":["FB:commit-{{++commits}}"]}""")
                : path.EndsWith("/query/v2/tx", StringComparison.Ordinal)
                    ? Reply(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"t1","expires":"2030-01-01T00:00:00Z"}}""")
                    : Reply(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"bookmarks":["FB:read"]}""");
        });
        using var connection = new Neo4jConnection(Options(), handler);
        var ct = TestContext.Current.CancellationToken;
        await connection.ReadAsync(new CypherStatement("RETURN 1"), ct);
        Assert.False(JsonDocument.Parse(handler.Bodies[1]!).RootElement.TryGetProperty("bookmarks", out _));

        await connection.WriteAsync(tx => tx.RunAsync(new CypherStatement("CREATE (:Probe)")), ct);
        Assert.Equal(["FB:commit-1"], connection.Bookmarks);
        await connection.ReadAsync(new CypherStatement("MATCH (p:Probe) RETURN p"), ct);
        Assert.Equal("FB:commit-1", JsonDocument.Parse(handler.Bodies[^1]!).RootElement.GetProperty("bookmarks")[0].GetString());

        // The next transaction opens with them, and its commit's bookmark replaces them.
        await connection.WriteAsync(tx => tx.RunAsync(new CypherStatement("CREATE (:Probe)")), ct);
        var open = handler.Requests.FindLastIndex(r => r.RequestUri!.AbsolutePath.EndsWith("/query/v2/tx", StringComparison.Ordinal));
        Assert.Equal("FB:commit-1", JsonDocument.Parse(handler.Bodies[open]!).RootElement.GetProperty("bookmarks")[0].GetString());
        Assert.Equal(["FB:commit-2"], connection.Bookmarks);
    }

    [Fact]
    public async Task Transactional_request_carries_statements_and_its_rows_are_read()
    {
        var handler = Server(Discovery44, (_, _) => Reply(HttpStatusCode.OK, TransactionalResult));
        using var connection = new Neo4jConnection(Options(), handler);
        var result = await connection.ReadAsync(new CypherStatement("MATCH (n:Person {name: $name}) RETURN n", new Dictionary<string, object?> { ["name"] = "Alice" }), TestContext.Current.CancellationToken);

        Assert.Equal("/db/neo4j/tx/commit", handler.Requests[1].RequestUri!.AbsolutePath);
        var statement = JsonDocument.Parse(handler.Bodies[1]!).RootElement.GetProperty("statements")[0];
        Assert.Equal("MATCH (n:Person {name: $name}) RETURN n", statement.GetProperty("statement").GetString());
        Assert.Equal("Alice", statement.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal(42, Assert.Single(result.Records)["n"].GetProperty("age").GetInt32());
    }

    [Fact]
    public async Task Transactional_200_with_errors_in_the_body_is_a_Cypher_error_with_code_and_message()
    {
        using var connection = new Neo4jConnection(Options(), Server(Discovery44, (_, _) => Reply(HttpStatusCode.OK, TransactionalSyntaxError)));
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.ReadAsync(new CypherStatement("This is not a valid Cypher Statement."), TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.Cypher, error.Kind);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Contains("Invalid input 'T'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_API_400_with_errors_is_a_Cypher_error()
    {
        using var connection = new Neo4jConnection(Options(), Server(Discovery519, (_, _) => Reply(HttpStatusCode.BadRequest,
            """{"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'MATCH (n) RETURN': expected an expression"}]}""")));
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.ReadAsync(new CypherStatement("MATCH (n) RETURN"), TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.Cypher, error.Kind);
        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_say_which_user_and_which_settings_to_check()
    {
        using var connection = new Neo4jConnection(Options(), Server(Discovery519, (_, _) => Reply(HttpStatusCode.Unauthorized,
            """{"errors":[{"code":"Neo.ClientError.Security.Unauthorized","message":"Invalid credential."}]}""")));
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.ReadAsync(new CypherStatement("RETURN 1"), TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.Unauthorized, error.Kind);
        Assert.Contains("user 'neo4j'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:Neo4j:Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_is_named_in_the_error()
    {
        using var connection = new Neo4jConnection(Options("intel"), Server(Discovery519, (_, _) => Reply(HttpStatusCode.NotFound,
            """{"errors":[{"code":"Neo.ClientError.Database.DatabaseNotFound","message":"Graph not found: intel"}]}""")));
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.ReadAsync(new CypherStatement("RETURN 1"), TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.DatabaseNotFound, error.Kind);
        Assert.Contains("'intel'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_its_address()
    {
        // A real socket: bind a port, release it, and connect to nothing there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var connection = new Neo4jConnection(new Neo4jStoreOptions { Uri = new Uri($"http://127.0.0.1:{port}"), Password = "x" });
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.ReadAsync(new CypherStatement("RETURN 1"), TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.Unreachable, error.Kind);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_a_timeout()
    {
        var options = Options();
        options.Timeout = TimeSpan.FromMilliseconds(200);
        using var connection = new Neo4jConnection(options, new ScriptedHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Reply(HttpStatusCode.OK, Discovery519);
        }));
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.DiscoverAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task Transient_errors_are_retried_and_then_succeed()
    {
        var calls = 0;
        using var connection = new Neo4jConnection(Options(), Server(Discovery519, (_, _) => ++calls <= 2
            ? Reply(HttpStatusCode.ServiceUnavailable, """{"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"Deadlock"}]}""")
            : Reply(HttpStatusCode.Accepted, QueryApiResult)));
        var result = await connection.ReadAsync(new CypherStatement("RETURN 1"), TestContext.Current.CancellationToken);
        Assert.Equal(3, calls);
        Assert.Single(result.Rows);
    }

    [Fact]
    public async Task Transient_errors_give_up_after_the_retries()
    {
        var calls = 0;
        using var connection = new Neo4jConnection(Options(), Server(Discovery44, (_, _) =>
        {
            calls++;
            return Reply(HttpStatusCode.OK, """{"results":[],"errors":[{"code":"Neo.TransientError.General.DatabaseUnavailable","message":"Database unavailable"}]}""");
        }));
        var error = await Assert.ThrowsAsync<Neo4jException>(() => connection.ReadAsync(new CypherStatement("RETURN 1"), TestContext.Current.CancellationToken));
        Assert.Equal(Neo4jErrorKind.Transient, error.Kind);
        Assert.Equal(4, calls);
        Assert.Contains("after 4 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var calls = 0;
        using var connection = new Neo4jConnection(Options(), Server(Discovery44, (_, _) =>
        {
            calls++;
            return Reply(HttpStatusCode.OK, """{"results":[],"errors":[{"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"Node already exists"}]}""");
        }));
        await Assert.ThrowsAsync<Neo4jException>(() => connection.ReadAsync(new CypherStatement("CREATE (:Actor {id: $id})"), TestContext.Current.CancellationToken));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Query_API_explicit_transaction_opens_runs_and_commits_with_cluster_affinity()
    {
        var handler = Server(Discovery519, (request, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/db/neo4j/query/v2/tx")
            {
                var open = Reply(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"4a2b0c7b4d84d09a9ac21f1d1b0fbc3e","expires":"2024-10-22T15:48:29.39Z"}}""");
                open.Headers.Add("neo4j-cluster-affinity", "MTAuOC41Ljc6MTc0NzQ=");
                return open;
            }

            return Reply(HttpStatusCode.Accepted, path.EndsWith("/commit", StringComparison.Ordinal) ? """{"bookmarks":["FB:x"]}""" : QueryApiResult);
        });
        using var connection = new Neo4jConnection(Options(), handler);
        var rows = await connection.WriteAsync(async tx =>
        {
            await tx.RunAsync(new CypherStatement("CREATE (:Actor {id: $id})", new Dictionary<string, object?> { ["id"] = "state:x" }));
            return (await tx.RunAsync(new CypherStatement("MATCH (n) RETURN n AS alice"))).Rows.Count;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(1, rows);
        Assert.Equal(["GET /", "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/4a2b0c7b4d84d09a9ac21f1d1b0fbc3e", "POST /db/neo4j/query/v2/tx/4a2b0c7b4d84d09a9ac21f1d1b0fbc3e/commit"], handler.Requests.Select(r => $"{r.Method} {r.RequestUri!.AbsolutePath}"));
        Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", handler.Requests[2].Headers.GetValues("neo4j-cluster-affinity").Single());
        Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", handler.Requests[3].Headers.GetValues("neo4j-cluster-affinity").Single());
    }

    [Fact]
    public async Task Transactional_explicit_transaction_follows_the_commit_address_and_rolls_back_on_failure()
    {
        var handler = Server(Discovery44, (request, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            return path switch
            {
                "/db/neo4j/tx" => Reply(HttpStatusCode.Created, """{"results":[{"columns":[],"data":[]}],"errors":[],"commit":"http://localhost:7474/db/neo4j/tx/16/commit","transaction":{"expires":"Mon, 20 Sep 2021 07:57:37 GMT"}}"""),
                "/db/neo4j/tx/16" when request.Method == HttpMethod.Delete => Reply(HttpStatusCode.OK, """{"results":[],"errors":[]}"""),
                "/db/neo4j/tx/16/commit" => Reply(HttpStatusCode.OK, """{"results":[],"errors":[]}"""),
                _ => Reply(HttpStatusCode.OK, TransactionalResult),
            };
        });
        using var connection = new Neo4jConnection(Options(), handler);
        await connection.WriteAsync(async tx =>
        {
            await tx.RunAsync([new CypherStatement("CREATE (:Actor {id: 'a'})"), new CypherStatement("CREATE (:Actor {id: 'b'})")]);
            await tx.RunAsync(new CypherStatement("MATCH (n) RETURN n"));
            return 0;
        }, TestContext.Current.CancellationToken);
        Assert.Equal(["GET /", "POST /db/neo4j/tx", "POST /db/neo4j/tx/16", "POST /db/neo4j/tx/16/commit"], handler.Requests.Select(r => $"{r.Method} {r.RequestUri!.AbsolutePath}"));
        Assert.Equal(2, JsonDocument.Parse(handler.Bodies[1]!).RootElement.GetProperty("statements").GetArrayLength());

        handler.Requests.Clear();
        await Assert.ThrowsAsync<InvalidOperationException>(() => connection.WriteAsync<int>(async tx =>
        {
            await tx.RunAsync(new CypherStatement("CREATE (:Actor {id: 'a'})"));
            throw new InvalidOperationException("the caller changed its mind");
        }, TestContext.Current.CancellationToken));
        Assert.Equal(["POST /db/neo4j/tx", "DELETE /db/neo4j/tx/16"], handler.Requests.Select(r => $"{r.Method} {r.RequestUri!.AbsolutePath}"));
    }

    private static Neo4jStoreOptions Options(string database = "neo4j") => new()
    {
        Uri = new Uri("http://localhost:7474"),
        User = "neo4j",
        Password = "s3cret",
        Database = database,
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private static ScriptedHandler Server(string discovery, Func<HttpRequestMessage, string?, HttpResponseMessage> answer) =>
        new((request, _) => Task.FromResult(request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath == "/"
            ? Reply(HttpStatusCode.OK, discovery)
            : answer(request, null)));

    private static HttpResponseMessage Reply(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Answers each request with a function and keeps the requests and their bodies.</summary>
    private sealed class ScriptedHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        public ScriptedHandler(Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> answer)
            : this((r, ct) => Task.FromResult(answer(r, ct)))
        {
        }

        public List<HttpRequestMessage> Requests { get; } = [];

        public List<string?> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
            return await answer(request, cancellationToken);
        }
    }
}
