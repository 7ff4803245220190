using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FoundationJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Sales_signs_in_switches_to_Chinese_creates_a_customer_sees_it_listed_and_reads_its_history()
    {
        var page = await browser.SignedInAsync("sales");
        await BrowserFixture.ScreenshotAsync(page, "01-start-en");

        await page.SelectOptionAsync("#culture-select", "zh-CN");
        await page.WaitForSelectorAsync("html[lang=zh-CN]");
        Assert.Equal("客户", (await page.Locator("header nav a[href='/Customers']").TextContentAsync())?.Trim());

        await page.ClickAsync("header nav a[href='/Customers']");
        await page.ClickAsync("a[href='/Customers/Create']");
        var code = "BR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.FillAsync("#Code", code);
        await page.FillAsync("#Name", "苏州工业园区精工机械有限公司");
        await page.SelectOptionAsync("#Class", "New");
        await page.FillAsync("#Address", "江苏省苏州市工业园区星湖街 328 号");
        await page.FillAsync("#CreditLimit", "500000");
        await page.FillAsync("#ContactName", "周工");
        await page.FillAsync("#ContactPhone", "+86 512 6666 0000");
        await BrowserFixture.ScreenshotAsync(page, "02-customer-form-zh");
        await page.ClickAsync("form.form button[type=submit].primary");

        await page.WaitForSelectorAsync("p.flash");
        Assert.Contains("苏州工业园区精工机械有限公司", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("新客户", (await page.Locator("#customer-class").TextContentAsync())?.Trim());

        await page.GotoAsync("/Customers?q=" + Uri.EscapeDataString("精工机械"));
        var list = await page.Locator("#customers").TextContentAsync();
        Assert.Contains(code, list, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "03-customer-list-zh");

        await page.ClickAsync($"#customers a:has-text('{code}')");
        await page.ClickAsync("a:has-text('历史记录')");
        var history = await page.Locator("#history").TextContentAsync();
        Assert.Contains("苏州工业园区精工机械有限公司", history, StringComparison.Ordinal);
        Assert.Contains("创建", history, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "04-customer-history-zh");
    }

    [BrowserFact]
    public async Task The_administrator_creates_a_user_who_then_signs_in()
    {
        var admin = await browser.SignedInAsync("admin");
        await admin.GotoAsync("/Users/Create");
        var userName = "br" + Guid.NewGuid().ToString("N")[..6];
        await admin.FillAsync("#UserName", userName);
        await admin.FillAsync("#DisplayName", "浏览器 Browser");
        await admin.SelectOptionAsync("#DepartmentId", new SelectOptionValue { Label = "Quality" });
        await admin.CheckAsync("input[name=Roles][value=QualityStaff]");
        await admin.FillAsync("#Password", "browser test password");
        await admin.ClickAsync("form.form button[type=submit].primary");
        await admin.WaitForSelectorAsync("p.flash");
        Assert.Contains(userName, await admin.Locator("#users").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(admin, "05-users");

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en-US" });
        var page = await browser.NewPageAsync(context);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", "browser test password");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForSelectorAsync("h1:has-text('Welcome')");
    }
}
