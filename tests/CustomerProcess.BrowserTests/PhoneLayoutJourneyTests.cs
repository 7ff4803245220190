using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>The browser on the app with the demo records, as `dotnet run` shows it in Development.</summary>
public sealed class DemoBrowserFixture() : BrowserFixture(new DemoRecordsAppFactory());

/// <summary>Issue #17 item 6: phone (390 px) and desktop (1366 px) in both languages, on the demo records.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class PhoneLayoutJourneyTests(DemoBrowserFixture browser)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [BrowserFact]
    public async Task The_general_manager_approves_on_a_phone_without_scrolling_sideways()
    {
        var gm = await browser.SignedInAsync("gm", "zh-CN");
        await gm.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await gm.GotoAsync("/Queue");
        await gm.Locator("#queue-approve a").First.ClickAsync();
        await gm.WaitForSelectorAsync("#gm-approval");
        await gm.EvaluateAsync("window.scrollTo(0, 0)");

        Assert.True(await ScrollWidthAsync(gm) <= PhoneWidth, $"the review form is {await ScrollWidthAsync(gm)} px wide");
        var top = await gm.EvaluateAsync<double>("document.querySelector('#gm-approval button.primary').getBoundingClientRect().top + window.scrollY");
        Assert.True(top < PhoneHeight, $"the approve button is {top} px down the page, below the first screen");
        Assert.DoesNotContain("总经理审批 总经理审批", (await gm.Locator("#gm-approval h3").InnerTextAsync()).Replace('\n', ' '), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(gm, "90-phone-gm-approval-zh");

        var reviewId = Guid.Parse(new Uri(gm.Url).AbsolutePath.Split('/')[^1]);
        await gm.FillAsync("#gm-password", DemoData.Password);
        await gm.ClickAsync("#gm-approval button.primary");
        await gm.WaitForSelectorAsync("#review-header .status.Approved");
        Assert.True(await ScrollWidthAsync(gm) <= PhoneWidth);
        Assert.Equal(ReviewStatus.Approved, await browser.App.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync()));
    }

    [BrowserTheory]
    [InlineData("zh-CN", PhoneWidth)]
    [InlineData("en-US", PhoneWidth)]
    [InlineData("zh-CN", 1366)]
    [InlineData("en-US", 1366)]
    public async Task The_main_pages_fit_the_screen_in_both_languages(string locale, int width)
    {
        var pages = new (string User, string Name, string Path)[]
        {
            ("sales", "home", "/"),
            ("sales", "orders", "/Orders"),
            ("production", "queue", "/Queue"),
            ("production", "review-sign", "#queue-sign a"),
            ("salesmanager", "queue-sales-manager", "/Queue"),
            ("salesmanager", "review-conclude", "#queue-conclude a"),
            ("finance", "ledger", "/Ledger"),
            ("finance", "contract", "#ledger a"),
            ("qstaff", "complaints", "/Complaints"),
            ("qstaff", "complaint", "#complaints a"),
            ("salesmanager", "customers", "/Customers"),
            ("salesmanager", "surveys", "/Surveys"),
        };
        var language = locale[..2];
        foreach (var group in pages.GroupBy(p => p.User))
        {
            var page = await browser.SignedInAsync(group.Key, locale);
            await page.SetViewportSizeAsync(width, width == PhoneWidth ? PhoneHeight : 900);
            foreach (var (_, name, path) in group)
            {
                if (path.StartsWith('/'))
                {
                    await page.GotoAsync(path);
                }
                else
                {
                    // A record's page: the first link of the list just shown.
                    await page.Locator(path).First.ClickAsync();
                    await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                }

                var scrollWidth = await ScrollWidthAsync(page);
                Assert.True(scrollWidth <= width, $"{name} ({locale}) is {scrollWidth} px wide on a {width} px screen");
                await page.EvaluateAsync("window.scrollTo(0, 0)");
                await BrowserFixture.ScreenshotAsync(page, $"91-{name}-{width}-{language}");
            }

            await page.Context.CloseAsync();
        }

        Assert.Empty(browser.PageErrors);
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollWidth");
}
