using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// docker-compose.yml: accepted by <c>docker-compose config</c> (Debian's docker-compose package; needs no engine),
/// the API wired to Neo4j's HTTP port and Bolt used by the Bolt tools, no password without the environment's, and no
/// NEO4J_* variable given to a neo4j container that Neo4j 5 would refuse as an unknown setting.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly Lazy<YamlMappingNode> s_services = new(() =>
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryPaths.Of("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    });

    [Fact]
    public async Task Docker_compose_accepts_the_file_and_wires_the_API_to_Neo4j()
    {
        var (exit, output, error) = await ConfigAsync("a-test-password");
        Assert.True(exit == 0, $"docker-compose config refused docker-compose.yml (exit {exit}): {error}");
        foreach (var expected in new[] { "neo4j:5-community", "Graph__Store: neo4j", "Graph__Neo4j__Uri: http://neo4j:7474", "Graph__Neo4j__Password: a-test-password", "NEO4J_AUTH: neo4j/a-test-password", "service_healthy", "service_completed_successfully", "neo4j-data", "target: 7474", "target: 7687", "src/Graph.Api/Dockerfile" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }

        // Interpolated on the host; no container sees a variable of that name.
        Assert.DoesNotMatch(@"\bNEO4J_PASSWORD\b", output);
    }

    [Fact]
    public async Task Without_a_password_in_the_environment_compose_says_what_to_set()
    {
        var (exit, _, error) = await ConfigAsync(null);
        Assert.NotEqual(0, exit);
        Assert.Contains("NEO4J_PASSWORD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_NEO4J_variable_given_to_a_neo4j_container_is_a_Neo4j_5_setting_or_one_the_image_reads()
    {
        var settings = Neo4jSettings.Load();
        var checkedAny = false;
        foreach (var (name, service) in Services().Where(s => Image(s.Service).StartsWith("neo4j:", StringComparison.Ordinal)))
        {
            foreach (var variable in Environment(service).Keys.Where(k => k.StartsWith("NEO4J_", StringComparison.Ordinal)))
            {
                checkedAny = true;
                Assert.True(settings.Accepts(variable), $"Service '{name}' is given {variable}, which the neo4j image would write as the setting '{Neo4jSettings.SettingOf(variable)}'; Neo4j 5 knows no such setting ({Neo4jSettings.FileName}) and refuses to start under strict validation.");
            }
        }

        Assert.True(checkedAny, "No neo4j service with NEO4J_* variables was found in docker-compose.yml.");
    }

    [Fact]
    public void The_settings_check_refuses_what_Neo4j_5_refuses()
    {
        var settings = Neo4jSettings.Load();
        Assert.Equal("server.memory.heap.max_size", Neo4jSettings.SettingOf("NEO4J_server_memory_heap_max__size"));
        Assert.True(settings.Accepts("NEO4J_server_memory_heap_max__size"));
        Assert.True(settings.Accepts("NEO4J_AUTH"));
        Assert.True(settings.Accepts("NEO4J_dbms_ssl_policy_bolt_enabled"));
        Assert.True(settings.Accepts("NEO4J_dbms_security_oidc_okta_client__id"));
        Assert.False(settings.Accepts("NEO4J_PASSWORD"));
        Assert.False(settings.Accepts("NEO4J_dbms_memory_heap_max__size")); // the Neo4j 4 name
        Assert.False(settings.Accepts("NEO4J_server_memory_heap_max_size")); // single underscore: server.memory.heap.max.size
        Assert.True(settings.Count > 300, $"Only {settings.Count} settings in {Neo4jSettings.FileName}.");
    }

    [Fact]
    public void The_password_reaches_the_neo4j_service_only_through_NEO4J_AUTH()
    {
        var neo4j = Service("neo4j");
        Assert.Equal("neo4j/${NEO4J_PASSWORD:?set NEO4J_PASSWORD (8 or more characters) in the environment or in .env}", Environment(neo4j)["NEO4J_AUTH"]);
        foreach (var (name, service) in Services())
        {
            Assert.False(Environment(service).ContainsKey("NEO4J_PASSWORD"), $"Service '{name}' is given NEO4J_PASSWORD.");
            Assert.DoesNotContain(Environment(service), e => e.Key != "NEO4J_AUTH" && e.Key.StartsWith("NEO4J_", StringComparison.Ordinal) && e.Value.Contains("${NEO4J_PASSWORD", StringComparison.Ordinal));
        }

        var healthcheck = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)neo4j["healthcheck"])["test"]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.DoesNotContain("NEO4J_PASSWORD", healthcheck, StringComparison.Ordinal);
        Assert.Contains("NEO4J_AUTH", healthcheck, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_tool_gets_the_scheme_it_speaks_the_API_HTTP_and_cypher_shell_Bolt()
    {
        var api = Environment(Service("api"));
        Assert.Matches(@"^https?://neo4j:7474$", api["Graph__Neo4j__Uri"]);
        Assert.Equal("${NEO4J_PASSWORD:?set NEO4J_PASSWORD (8 or more characters) in the environment or in .env}", api["Graph__Neo4j__Password"]);

        var commands = Services().Select(s => s.Service).Where(s => s.Children.ContainsKey("command") || s.Children.ContainsKey("healthcheck"))
            .SelectMany(s => s.AllNodes.OfType<YamlScalarNode>()).Select(n => n.Value ?? "").Where(v => v.Contains("cypher-shell", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var address = CypherShellAddress().Match(command);
            Assert.True(address.Success, $"cypher-shell without -a: {command}");
            Assert.Matches(@"^(bolt|neo4j)://[a-z0-9.-]+:7687$", address.Groups[1].Value);
        }
    }

    private static IEnumerable<(string Name, YamlMappingNode Service)> Services() =>
        s_services.Value.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value));

    private static YamlMappingNode Service(string name) => (YamlMappingNode)s_services.Value[name];

    private static string Image(YamlMappingNode service) =>
        service.Children.TryGetValue("image", out var image) ? ((YamlScalarNode)image).Value ?? "" : "";

    /// <summary>A service's environment, written as a mapping or as a list of NAME=value.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!service.Children.TryGetValue("environment", out var environment))
        {
            return variables;
        }

        if (environment is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                variables[((YamlScalarNode)key).Value!] = (value as YamlScalarNode)?.Value ?? "";
            }
        }
        else
        {
            foreach (var item in ((YamlSequenceNode)environment).Children.Select(c => ((YamlScalarNode)c).Value ?? ""))
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                variables[equals < 0 ? item : item[..equals]] = equals < 0 ? "" : item[(equals + 1)..];
            }
        }

        return variables;
    }

    private static async Task<(int Exit, string Output, string Error)> ConfigAsync(string? password)
    {
        var binary = DeployTool.Find("docker-compose");
        if (binary is null)
        {
            RequiredTool.Missing("docker-compose is not installed (Debian package 'docker-compose'; scripts/install-test-deps.sh installs it).");
        }

        return await DeployTool.RunAsync(binary!, ["-f", RepositoryPaths.Of("docker-compose.yml"), "config"], TimeSpan.FromMinutes(1), configure: start =>
        {
            start.Environment.Remove("NEO4J_PASSWORD");
            if (password is not null)
            {
                start.Environment["NEO4J_PASSWORD"] = password;
            }
        });
    }

    [GeneratedRegex(@"cypher-shell\s+-a\s+(\S+)")]
    private static partial Regex CypherShellAddress();
}
