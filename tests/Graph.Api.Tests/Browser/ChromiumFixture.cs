using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright. Playwright cannot download its own
/// browsers on this project's machines, so the system browser at <see cref="ExecutablePath"/> is used.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>The Debian chromium package's launcher.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The script that installs the browser (and the other test prerequisites).</summary>
    public const string InstallScript = "scripts/install-test-deps.sh";

    /// <summary>Flags for a quiet, sandbox-free headless run that makes no network calls of its own.</summary>
    public static readonly IReadOnlyList<string> LaunchArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the browser is not available, or null when it is.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>The running browser; call <see cref="NewPageAsync"/> in tests instead, which skips when absent.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(UnavailableReason ?? "Chromium has not been launched.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            UnavailableReason = $"Browser tests need Chromium at {ExecutablePath}, which is missing; install it with `sudo bash {InstallScript}` (or `apt-get install -y chromium`).";
            return;
        }

        // Never let Playwright try to fetch browsers of its own: the machines cannot reach its download host.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>Skips the calling test, naming the missing file and the installer, when Chromium is absent.</summary>
    public void SkipIfUnavailable()
    {
        if (UnavailableReason is not null)
        {
            Assert.Skip(UnavailableReason);
        }
    }

    /// <summary>A fresh context (no stored state) and page, sized like a laptop screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        SkipIfUnavailable();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 860 },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
