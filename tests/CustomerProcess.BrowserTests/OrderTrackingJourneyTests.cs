using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Order tracking as the people of the process meet it, in Debian's Chromium against the real app:
/// from a signed contract to a completed one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderTrackingJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_contract_administrator_issues_a_task_notice_production_acknowledges_and_delivery_and_payment_complete_the_contract()
    {
        // A contract signed through the review spine's real forms (HTTP level, same app and database).
        var driver = new TrackingDriver(browser.App);
        var customer = await driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 10, unitPrice: 10_000m);
        var errorsBefore = browser.PageErrors.Count;

        // The contract administrator finds the contract in the ledger and issues the task notice to production.
        var admin = await browser.SignedInAsync("contracts");
        await admin.GotoAsync("/Ledger");
        await admin.FillAsync("#q", customer);
        await admin.ClickAsync("#ledger-filters button[type=submit]");
        await admin.ClickAsync($"#ledger tr[data-contract='{contract.Number}'] a");
        await admin.WaitForSelectorAsync("#no-notice");
        await admin.ClickAsync("#issue-notice");
        foreach (var other in new[] { "Purchasing", "Quality", "Technical" })
        {
            await admin.UncheckAsync($"#notice-form input[name=Departments][value={other}]");
        }

        await admin.CheckAsync("#notice-form input[name=Departments][value=Production]");
        await admin.FillAsync("#Instructions", "12 月第一周排产 / schedule in the first week of December");
        await BrowserFixture.ScreenshotAsync(admin, "30-task-notice-form-en");
        await admin.ClickAsync("#notice-form button[type=submit].primary");
        await admin.WaitForSelectorAsync("#acknowledgements");
        Assert.Equal("Issued", (await admin.Locator("#notice-status").TextContentAsync())?.Trim());
        Assert.Contains("Not acknowledged yet", await admin.Locator("#ack-Production").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(admin, "31-task-notice-issued-en");

        // Production finds it waiting in Chinese and acknowledges receipt (签收).
        var production = await browser.SignedInAsync("production", "zh-CN");
        await production.GotoAsync("/Queue");
        var queued = production.Locator("#queue-acknowledge tr", new() { HasText = contract.Number });
        Assert.Equal(1, await queued.CountAsync());
        await BrowserFixture.ScreenshotAsync(production, "32-production-queue-zh");
        await queued.Locator("a").ClickAsync();
        await production.FillAsync("#comment-Production", "已安排排产");
        await production.ClickAsync("#ack-Production button[type=submit]");
        await production.WaitForSelectorAsync("#ack-Production.acknowledged");
        Assert.Equal("已全部签收", (await production.Locator("#notice-status").TextContentAsync())?.Trim());
        Assert.Contains("赵生产", await production.Locator("#ack-Production").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(production, "33-notice-acknowledged-zh");

        // The whole delivery goes out, then the customer pays: the contract completes.
        await admin.GotoAsync($"/Ledger/Details/{contract.Id}");
        await admin.FillAsync("#BillOfLading", "TD-2026-1188");
        await admin.FillAsync("#qty-1", "10");
        await admin.ClickAsync("#delivery-form button[type=submit]");
        await admin.WaitForSelectorAsync("#delivery-list");
        Assert.Equal("100.0 %", (await admin.Locator("#delivered-percent").TextContentAsync())?.Trim());
        Assert.Equal("Executing", (await admin.Locator("#contract-status").TextContentAsync())?.Trim());

        await admin.FillAsync("#PaymentAmount", "100000");
        await admin.FillAsync("#PaymentReference", "ICBC-20261123-01");
        await admin.ClickAsync("#payment-form button[type=submit]");
        await admin.WaitForSelectorAsync("#payment-list");
        Assert.Equal("Completed", (await admin.Locator("#contract-status").TextContentAsync())?.Trim());
        Assert.Equal("100.0 %", (await admin.Locator("#paid-percent").TextContentAsync())?.Trim());
        await BrowserFixture.ScreenshotAsync(admin, "34-contract-completed-en");

        // The ledger, filtered to completed contracts of this customer, shows it.
        await admin.GotoAsync("/Ledger");
        await admin.FillAsync("#q", customer);
        await admin.SelectOptionAsync("#status", "Completed");
        await admin.ClickAsync("#ledger-filters button[type=submit]");
        var row = admin.Locator($"#ledger tr[data-contract='{contract.Number}']");
        Assert.Contains("Completed", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("100.0 %", await row.TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(admin, "35-ledger-completed-en");

        // The salesperson who captured the order sees it in the ledger in Chinese, with the totals of the filter.
        var sales = await browser.SignedInAsync("sales", "zh-CN");
        await sales.GotoAsync("/Ledger?q=" + Uri.EscapeDataString(customer));
        // The paper form's name is the Chinese title itself: said once in Chinese, beside the title in English.
        Assert.Equal("合同台帐", (await sales.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("Contract ledger 合同台帐", (await admin.Locator("h1").TextContentAsync())?.Trim());
        var own = sales.Locator($"#ledger tr[data-contract='{contract.Number}']");
        Assert.Contains("已完成", await own.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("筛选结果合计", (await sales.Locator("h2", new() { HasText = "筛选结果合计" }).TextContentAsync())?.Trim());
        Assert.Equal("1", (await sales.Locator("#ledger-totals tr[data-currency=CNY] td").Nth(1).TextContentAsync())?.Trim());
        await BrowserFixture.ScreenshotAsync(sales, "36-ledger-sales-zh");

        Assert.Equal(errorsBefore, browser.PageErrors.Count);
        var stored = await browser.App.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contract.Id));
        Assert.Equal(ContractStatus.Completed, stored.Status);
        var notice = await browser.App.WithDbAsync(db => db.TaskNotices.AsNoTracking().SingleAsync(n => n.ContractId == contract.Id));
        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
    }
}
