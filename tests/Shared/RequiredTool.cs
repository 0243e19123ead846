namespace Graph.Testing;

/// <summary>
/// What a test does when a tool it drives (Node.js packages, Chromium, docker-compose, the playground bundle) is
/// missing. The project's test script installs every such tool, so under CI (<c>CI=true</c>) a missing tool fails the
/// test; elsewhere the test is skipped with the reason. Every test project compiles this one file (Directory.Build.props).
/// </summary>
internal static class RequiredTool
{
    /// <summary>True when the environment says it is CI (<c>CI=true</c>, as GitHub Actions, GitLab and most runners set).</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, under CI, fails) the running test, saying what is missing and how to install it.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string reason) => Missing(reason, UnderCi);

    /// <summary>As <see cref="Missing(string)"/>, with CI given (for the test of this rule).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string reason, bool underCi)
    {
        if (underCi)
        {
            Assert.Fail($"{reason} Under CI the test script installs it (scripts/install-test-deps.sh), so its absence is a failure.");
        }

        Assert.Skip(reason);
    }
}
