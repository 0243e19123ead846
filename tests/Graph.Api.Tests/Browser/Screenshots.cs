using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

/// <summary>Saves full-page screenshots beside the test binaries (bin/.../screenshots, ignored by git) for a person to look at.</summary>
public static class Screenshots
{
    /// <summary>The folder the screenshots go to.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Writes <paramref name="name"/>.png and returns its full path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c == ' ' ? '-' : c).ToArray());
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, safe + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
