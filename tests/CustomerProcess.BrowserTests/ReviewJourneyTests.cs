using CustomerProcess.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReviewJourneyTests(BrowserFixture browser)
{
    private static readonly (string Department, string User)[] Heads =
    [
        ("Sales", "salesmanager"), ("Quality", "quality"), ("Production", "production"),
        ("Purchasing", "purchasing"), ("Technical", "technical"), ("Finance", "finance"),
    ];

    private static async Task SignSectionAsync(IPage page, string reviewUrl, string department)
    {
        await page.GotoAsync(reviewUrl);
        var section = page.Locator($"#section-{department}");
        await section.Locator("input[name=Checked]").First.CheckAsync();
        await section.Locator("input[name=Conclusion][value=Accept]").CheckAsync();
        await section.Locator("textarea[name=Comments]").FillAsync("同意 / agreed");
        await section.Locator("input[name=Password]").FillAsync(DemoData.Password);
        await section.Locator("button:has-text('Sign')").ClickAsync();
        await page.WaitForSelectorAsync("p.flash");
        Assert.Equal("Signed", (await page.Locator($"#section-{department} .status").TextContentAsync())?.Trim());
    }

    [BrowserFact]
    public async Task A_1_200_000_order_is_reviewed_by_six_heads_with_a_discrepancy_approved_by_the_GM_and_lands_in_the_ledger()
    {
        // Sales captures and submits the order.
        var sales = await browser.SignedInAsync("sales");
        await sales.GotoAsync("/Orders/Create");
        await sales.FillAsync("#CustomerCode", "C-0002");
        await sales.SelectOptionAsync("#Channel", "WrittenContract");
        await sales.FillAsync("input[name='Lines[0].ProductCode']", "P-100");
        await sales.FillAsync("input[name='Lines[0].Quantity']", "100");
        await sales.FillAsync("input[name='Lines[0].UnitPrice']", "12000");
        await sales.FillAsync("input[name='Lines[0].DeliveryDate']", "2027-03-31");
        await sales.FillAsync("input[name='Lines[0].DeliveryPlace']", "上海 Shanghai");
        await sales.FillAsync("#ExplicitRequirements", "100 centrifugal pumps per GB/T 3216, 12-month warranty / 离心泵 100 台");
        await BrowserFixture.ScreenshotAsync(sales, "10-order-form");
        await sales.ClickAsync("button[name=Command][value=submit]");
        await BrowserFixture.WaitForUrlAsync(sales, url => url.Contains("/Reviews/", StringComparison.Ordinal), "the order did not reach review");
        var reviewId = new Uri(sales.Url).Segments.Last();
        var reviewUrl = "/Reviews/" + reviewId;
        var reasons = await sales.Locator("#review-reasons").TextContentAsync();
        Assert.Contains("amount 1,200,000 ≥ 1,000,000", reasons, StringComparison.Ordinal);
        Assert.Contains("new customer", reasons, StringComparison.Ordinal);

        // Production raises a discrepancy instead of signing; the sales manager resolves it.
        var production = await browser.SignedInAsync("production");
        await production.GotoAsync(reviewUrl);
        var productionSection = production.Locator("#section-Production");
        await productionSection.Locator("summary").ClickAsync();
        await productionSection.Locator("input[name=Clause]").FillAsync("Delivery date 交货期");
        await productionSection.Locator("textarea[name=Description]").FillAsync("2027-03-31 is two weeks too early for our capacity");
        await productionSection.Locator("button:has-text('Raise discrepancy')").ClickAsync();
        await production.WaitForSelectorAsync("#discrepancy-1");

        var manager = await browser.SignedInAsync("salesmanager");
        await manager.GotoAsync(reviewUrl);
        await manager.FillAsync("#resolution-1", "Customer accepts delivery on 2027-04-15 (fax of 2026-11-23)");
        await manager.SelectOptionAsync("#evidence-1", "Fax");
        await manager.FillAsync("#evidence-ref-1", "FAX-2026-118");
        await manager.ClickAsync("#discrepancy-1 button:has-text('Record resolution')");
        await manager.WaitForSelectorAsync("p.flash");

        await production.GotoAsync(reviewUrl);
        await production.ClickAsync("#discrepancy-1 button:has-text('Confirm resolution')");
        await production.WaitForSelectorAsync("p.flash");
        Assert.Contains("Confirmed", await production.Locator("#discrepancy-1").TextContentAsync(), StringComparison.Ordinal);

        // Six heads sign their own sections.
        foreach (var (department, user) in Heads)
        {
            var page = user == "salesmanager" ? manager : user == "production" ? production : await browser.SignedInAsync(user);
            await SignSectionAsync(page, reviewUrl, department);
        }

        // The review meeting is recorded, then the GM approves with a re-authenticated signature.
        await manager.GotoAsync(reviewUrl);
        await manager.FillAsync("#meeting-date", "2026-11-23");
        await manager.FillAsync("#meeting-attendees", "李经理, 张质量, 赵生产, 钱采购, 孙技术, 周财务");
        await manager.FillAsync("#meeting-minutes", "Agreed to accept with delivery on 2027-04-15.");
        await manager.ClickAsync("#meeting-form button[type=submit]");
        await manager.WaitForSelectorAsync("p.flash");

        var gm = await browser.SignedInAsync("gm");
        await gm.GotoAsync("/Queue");
        await gm.ClickAsync("#queue-approve a");
        await gm.FillAsync("#gm-comment", "同意 / approved");
        await gm.FillAsync("#gm-password", DemoData.Password);
        await gm.ClickAsync("#gm-approval button:has-text('Approve')");
        await gm.WaitForSelectorAsync("p.flash");
        Assert.Equal("Approved", (await gm.Locator("#review-header .status").TextContentAsync())?.Trim());
        await BrowserFixture.ScreenshotAsync(gm, "11-review-form-approved");

        // The contract administrator signs the contract; it is in the ledger.
        var contracts = await browser.SignedInAsync("contracts");
        await contracts.GotoAsync("/Queue");
        await contracts.ClickAsync("#queue-contract a");
        await contracts.FillAsync("#signedOn", "2026-11-23");
        await contracts.FillAsync("#customerContractNumber", "NW-2026-015");
        await contracts.ClickAsync("#sign-contract button[type=submit]");
        await contracts.WaitForSelectorAsync("#contract-facts");
        var number = (await contracts.Locator("h1").TextContentAsync())!;
        Assert.Matches(@"HT-2026-\d{4}", number);
        Assert.Equal(7, await contracts.Locator("#ledger-signatures tbody tr").CountAsync());

        await contracts.GotoAsync("/Ledger");
        Assert.Contains("Northwind Trading", await contracts.Locator("#ledger").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(contracts, "12-ledger");

        await contracts.SelectOptionAsync("#culture-select", "zh-CN");
        await contracts.WaitForSelectorAsync("html[lang=zh-CN]");
        await contracts.GotoAsync(reviewUrl + "/Print");
        Assert.Contains("合同评审表", await contracts.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(contracts, "13-review-form-print-zh");
    }
}
