using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #17 items 3 and 4 as users see them: the start page of sales, a department head, quality and the GM,
/// and the management-review dashboard, in both languages, on a laptop and a phone; screenshots to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData("zh-CN", "zh", 1366)]
    [InlineData("zh-CN", "zh", 390)]
    [InlineData("en-US", "en", 1366)]
    [InlineData("en-US", "en", 390)]
    public async Task Every_dashboard_renders_with_its_sections_and_charts_without_page_errors(string locale, string suffix, int width)
    {
        await SeedOnceAsync();
        foreach (var (user, name) in new[] { ("sales", "sales"), ("production", "head"), ("quality", "quality"), ("gm", "gm") })
        {
            var page = await browser.SignedInAsync(user, locale);
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/");
            await page.WaitForSelectorAsync("#waiting-title");
            Assert.DoesNotContain(user, await page.Locator("h1").TextContentAsync() ?? "", StringComparison.Ordinal);
            await BrowserFixture.ScreenshotAsync(page, $"80-home-{name}-{suffix}-{width}");
            await page.Context.CloseAsync();
        }

        var gm = await browser.SignedInAsync("gm", locale);
        await gm.SetViewportSizeAsync(width, 900);
        await gm.GotoAsync("/Dashboards/ManagementReview");
        await gm.WaitForSelectorAsync("#discrepancy-heading");
        await BrowserFixture.ScreenshotAsync(gm, $"81-management-review-{suffix}-{width}");
        await gm.GotoAsync("/Dashboards/ManagementReview?period=Quarter");
        await gm.WaitForSelectorAsync("#discrepancy-heading");
        await BrowserFixture.ScreenshotAsync(gm, $"82-management-review-quarter-{suffix}-{width}");
        await gm.GotoAsync("/Dashboards/Print");
        await BrowserFixture.ScreenshotAsync(gm, $"83-management-review-print-{suffix}-{width}");
        await gm.Context.CloseAsync();

        Assert.Empty(browser.PageErrors);
    }

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool _seeded;

    /// <summary>Known records through the real forms: complaints (one past its 72 h, one answered in time), an order
    /// waiting in review, a contract reviewed in full and signed — so every section and chart has something to show.</summary>
    private async Task SeedOnceAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            var tracking = new TrackingDriver(browser.App);
            var qstaff = await tracking.As("qstaff");
            foreach (var (description, received) in new[] { ("轴承异响 / bearing noise", "2026-11-19T09:00"), ("包装破损 / damaged packing", "2026-11-23T08:00") })
            {
                await qstaff.SubmitAsync("/Complaints/Create",
                    [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", description), new("ReceivedAt", received)]);
            }

            var signed = await tracking.SignedContractAsync(await tracking.Reviews.CustomerAsync(CustomerClass.New), CustomerClass.New);
            Assert.NotEqual(Guid.Empty, signed.Id);
            await tracking.Reviews.SubmitOrderAsync(CustomerProcess.Web.Tests.ReviewSpine.ReviewDriver.OrderForm(await tracking.Reviews.CustomerAsync(CustomerClass.Regular), 5, 8_000m));
            _seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }
}
