namespace Graph.Api.Tests;

/// <summary>
/// What a test does when a tool it drives (Chromium, Node packages) is missing. The project's test script installs
/// every such tool, so under CI (CI=true) a missing tool fails the test; elsewhere the test is skipped with the reason.
/// </summary>
internal static class RequiredTool
{
    private static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, under CI, fails) the running test, saying what is missing and how to install it.</summary>
    public static void Missing(string reason)
    {
        if (UnderCi)
        {
            Assert.Fail($"{reason} Under CI the test script installs it (scripts/install-test-deps.sh), so its absence is a failure.");
        }

        Assert.Skip(reason);
    }
}
