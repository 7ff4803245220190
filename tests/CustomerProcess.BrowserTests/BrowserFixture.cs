using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>The app on a real loopback port (Kestrel) and Debian's Chromium driven by Playwright.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => BrowserAvailability.ChromiumPath;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string State, string LandedOn)> _signedIn = new(StringComparer.Ordinal);

    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new AppFactory())
    {
    }

    /// <summary>The browser on another app (the demo records: <see cref="DemoBrowserFixture"/>).</summary>
    protected BrowserFixture(AppFactory app)
    {
        App = app;
        App.UseKestrel(0);
    }

    public AppFactory App { get; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Console errors and failed requests seen by any page (CSP violations, 404 scripts, …).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PageErrors { get; } = new();

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (BrowserAvailability.SkipReason is not null)
        {
            return; // every test of the collection reports itself skipped with the reason (BrowserFactAttribute)
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath} and {BrowserAvailability.RequireVariable} requires the browser tests. Install it once with: sudo apt-get install -y --no-install-recommends chromium");
        }

        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal))
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        Directory.CreateDirectory(ScreenshotDirectory);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser session (own cookies) signed in as the user, English unless told otherwise, on the page
    /// the sign-in lands on. The first sign-in of a user goes through the form; later ones start from the cookies it left
    /// (stored once per user), and sign in through the form again when the app no longer accepts them.</summary>
    public async Task<IPage> SignedInAsync(string userName, string locale = "en-US")
    {
        if (_signedIn.TryGetValue(userName, out var stored))
        {
            var again = await NewPageAsync(await NewContextAsync(locale, stored.State));
            await again.GotoAsync(stored.LandedOn);
            if (again.Url == stored.LandedOn)
            {
                return again;
            }

            await again.Context.CloseAsync();
        }

        var page = await NewPageAsync(await NewContextAsync(locale, null));
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", DemoData.Password);
        await page.ClickAsync("button[type=submit].primary");
        await WaitForUrlAsync(page, url => !url.Contains("/Account/Login", StringComparison.Ordinal), $"{userName} was not signed in");
        _signedIn[userName] = (await page.Context.StorageStateAsync(), page.Url);
        return page;
    }

    private Task<IBrowserContext> NewContextAsync(string locale, string? storageState) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });

    /// <summary>Waits for the browser to reach a URL and parse the page; on timeout, says where it is and what it shows
    /// (CI runs once timed out on a first sign-in and once on a first order submission). It does not wait for the
    /// load event (every stylesheet, script and image): once, on a loaded CI machine, the URL matched and the load
    /// event did not come within 30 s; the next steps wait for the elements they use.</summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> url, string failure)
    {
        try
        {
            await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException e)
        {
            var shown = await page.Locator("main").InnerTextAsync();
            throw new TimeoutException($"{failure}; still at {page.Url}, showing: {shown}", e);
        }
    }

    /// <summary>A page whose console errors are recorded in <see cref="PageErrors"/>. Chromium also logs a page
    /// answered 404 or 422 (a form refused with its validation messages) as an error; those are not page errors.</summary>
    public async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("404", StringComparison.Ordinal)
                && !message.Text.Contains("status of 422", StringComparison.Ordinal)
                && !message.Text.Contains("status of 409", StringComparison.Ordinal))
            {
                PageErrors.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => PageErrors.Enqueue($"{page.Url}: {error}");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The tests on the demo records share one app and one browser too (each test its own browser context);
/// none of them needs the demo records untouched by the others.</summary>
[CollectionDefinition(Name)]
public sealed class DemoBrowserCollection : ICollectionFixture<DemoBrowserFixture>
{
    public const string Name = "browser on the demo records";
}
