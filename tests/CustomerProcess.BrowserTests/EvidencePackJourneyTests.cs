using System.Globalization;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #18 item 6 as the quality head meets it: on the demo company's records, the head asks for the last
/// three months' evidence pack from the menu, watches its progress while the background worker builds it, downloads the
/// zip and finds the download logged on the pack's page.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class EvidencePackJourneyTests(DemoBrowserFixture browser)
{
    [BrowserTheory]
    [InlineData("zh-CN", "zh", "已就绪")]
    [InlineData("en-US", "en", "Ready")]
    public async Task The_quality_head_builds_a_quarters_evidence_pack_sees_its_progress_and_downloads_it(string locale, string suffix, string ready)
    {
        var head = await browser.SignedInAsync("quality", locale);
        await head.ClickAsync("nav a#nav-evidence");
        await head.WaitForSelectorAsync("#evidence-request");
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        await head.FillAsync("#From", today.AddMonths(-3).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await head.FillAsync("#To", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(head, $"80-evidence-request-{suffix}");
        await head.ClickAsync("#evidence-request button[type=submit].primary");

        // The pack's page: queued or building, with its progress, until the worker is done (the page reloads itself).
        await head.WaitForSelectorAsync("#evidence-status");
        await BrowserFixture.ScreenshotAsync(head, $"81-evidence-progress-{suffix}");
        // The worker waits on the app's clock (a fake one in tests): move it on until the pack is ready.
        for (var i = 0; i < 60 && await head.Locator("#evidence-download").CountAsync() == 0; i++)
        {
            browser.App.Clock.Advance(TimeSpan.FromSeconds(6));
            try
            {
                // The page reloads itself every 3 seconds: on to the next step as soon as the download is offered.
                await head.WaitForSelectorAsync("#evidence-download", new PageWaitForSelectorOptions { Timeout = 2000 });
            }
            catch (TimeoutException)
            {
            }
        }

        await head.WaitForSelectorAsync("#evidence-download");
        Assert.Equal(ready, (await head.Locator("#evidence-status").TextContentAsync())!.Trim());
        Assert.Matches("^[0-9a-f]{64}$", (await head.Locator("#evidence-manifest-hash").TextContentAsync())!.Trim());
        await BrowserFixture.ScreenshotAsync(head, $"82-evidence-ready-{suffix}");

        var download = await head.RunAndWaitForDownloadAsync(() => head.ClickAsync("#evidence-download"));
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"evidence-journey-{suffix}-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "manifest.csv");
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("reviews/", StringComparison.Ordinal));
        }

        File.Delete(path);
        await head.ReloadAsync();
        await head.WaitForSelectorAsync("#evidence-downloads");
        await BrowserFixture.ScreenshotAsync(head, $"83-evidence-downloaded-{suffix}");
    }
}
