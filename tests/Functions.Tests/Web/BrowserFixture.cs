using Microsoft.Playwright;
using Xunit;

namespace QuyCheWorkflow.Functions.Tests.Web;

/// <summary>
/// One headless Chromium per test assembly: <c>[assembly: AssemblyFixture(typeof(BrowserFixture))]</c>.
/// It drives Debian's /usr/bin/chromium (installed by tools/ensure-chromium.sh); Playwright's own browser download
/// is never used. Each launch gets a fresh temporary profile from Playwright, and each test a fresh context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A common phone screen in CSS pixels.</summary>
    public static ViewportSize PhoneViewport { get; } = new() { Width = 390, Height = 844 };

    private static readonly string[] s_arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    /// <summary>Where page tests keep screenshots: TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotDirectory { get; } =
        Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Install it first: ./test.sh does it, or run tools/ensure-chromium.sh.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = s_arguments,
        });
    }

    /// <summary>A fresh context (no cookies, no cache) shaped like a phone, in Vietnamese, in Vietnam time.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync(string? baseUrl = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = PhoneViewport,
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
