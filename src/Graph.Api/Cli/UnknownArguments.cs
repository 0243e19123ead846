using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Graph.Api.Cli;

/// <summary>
/// Refuses what a command does not understand: a token that is neither one of its arguments or options nor a
/// configuration switch (<c>--Graph:Store=neo4j</c>, or <c>--urls</c> and the host's other switches for the server) is
/// an error with the command's usage line, exit code 2, and the command does not run.
/// </summary>
public static class UnknownArguments
{
    /// <summary>The web host's own switches, which the server (and only the server) takes besides configuration keys.</summary>
    private static readonly string[] s_hostSwitches = ["urls", "environment", "contentRoot", "applicationName"];

    /// <summary>Wraps the action of <paramref name="command"/> and of every command below it.</summary>
    public static void RefuseIn(Command command, bool takesHostSwitches = false)
    {
        if (command.Action is { } inner)
        {
            command.Action = new Refusing(inner, takesHostSwitches);
        }

        foreach (var sub in command.Subcommands)
        {
            RefuseIn(sub, takesHostSwitches: sub.Name == "serve");
        }
    }

    /// <summary>The tokens of <paramref name="unmatched"/> that are not configuration switches (or their values).</summary>
    public static IReadOnlyList<string> Unknown(IReadOnlyList<string> unmatched, bool takesHostSwitches)
    {
        var unknown = new List<string>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                unknown.Add(token);
                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? token[2..] : token[2..equals];
            var isSwitch = key.Contains(':', StringComparison.Ordinal) && !key.StartsWith(':') && !key.EndsWith(':')
                || takesHostSwitches && s_hostSwitches.Contains(key, StringComparer.OrdinalIgnoreCase);
            if (!isSwitch)
            {
                unknown.Add(token);
            }
            else if (equals < 0 && i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                i++; // --Graph:Store neo4j: the next token is the value
            }
        }

        return unknown;
    }

    /// <summary>The usage line of a command: <c>usage: Graph.Api path &lt;from&gt; &lt;to&gt; [--max-depth &lt;max-depth&gt;] ...</c>.</summary>
    public static string Usage(CommandResult commandResult, bool takesHostSwitches)
    {
        var names = new List<string>();
        var options = new List<Option>();
        for (SymbolResult? at = commandResult; at is not null; at = at.Parent)
        {
            if (at is CommandResult c)
            {
                names.Insert(0, c.Command.Name);
                options.AddRange(c.Command.Options.Where(o => (ReferenceEquals(c, commandResult) || o.Recursive) && !o.Hidden && o is not System.CommandLine.Help.HelpOption && o is not VersionOption));
            }
        }

        var command = commandResult.Command;
        var parts = new List<string> { "usage:", string.Join(' ', names) };
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            var many = argument.Arity.MaximumNumberOfValues > 1 ? "..." : "";
            parts.Add(argument.Arity.MinimumNumberOfValues == 0 ? $"[<{argument.Name}>{many}]" : $"<{argument.Name}>{many}");
        }

        foreach (var option in options.Distinct())
        {
            parts.Add(option.ValueType == typeof(bool) ? $"[{option.Name}]" : $"[{option.Name} <{option.HelpName ?? option.Name.TrimStart('-')}>]");
        }

        parts.Add(takesHostSwitches ? "[--urls <address>] [--Section:Key=value ...]" : "[--Section:Key=value ...]");
        return string.Join(' ', parts);
    }

    private sealed class Refusing(CommandLineAction inner, bool takesHostSwitches) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            // A variadic argument (ingest's locations, accept's ids) swallows unknown options: those are refused too.
            var swallowed = parseResult.CommandResult.Children.OfType<ArgumentResult>()
                .SelectMany(a => a.Tokens).Select(t => t.Value).Where(v => v.StartsWith("--", StringComparison.Ordinal));
            var unknown = Unknown(parseResult.UnmatchedTokens, takesHostSwitches).Concat(swallowed).ToList();
            if (unknown.Count > 0)
            {
                var what = unknown.Count == 1 ? "argument" : "arguments";
                await Console.Error.WriteLineAsync($"error: {parseResult.CommandResult.Command.Name}: unrecognized {what} {string.Join(", ", unknown.Select(t => $"'{t}'"))}.").ConfigureAwait(false);
                await Console.Error.WriteLineAsync(Usage(parseResult.CommandResult, takesHostSwitches)).ConfigureAwait(false);
                return 2;
            }

            return inner switch
            {
                AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parseResult, cancellationToken).ConfigureAwait(false),
                SynchronousCommandLineAction synchronous => synchronous.Invoke(parseResult),
                _ => throw new InvalidOperationException($"Unknown action type {inner.GetType().Name}."),
            };
        }
    }
}
