using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>The customer property register journey (docs/process.md §8), in Chinese and in English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PropertyJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Quality_registers_a_short_delivery_reports_it_records_the_reply_returns_it_and_prints_the_register()
    {
        var page = await browser.SignedInAsync("quality", "zh-CN");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/CustomerProperty/Create");
        await page.FillAsync("#CustomerCode", "C-0001");
        await page.SelectOptionAsync("#Kind", "Material");
        await page.FillAsync("#Description", "客供不锈钢板 304 / customer-supplied 304 plate");
        await page.FillAsync("#Specification", "304, 6 mm, GB/T 3280");
        await page.FillAsync("#DeclaredQuantity", "100");
        await page.FillAsync("#ReceivedQuantity", "95");
        await page.FillAsync("#Unit", "张");
        await page.CheckAsync("input[name=MatchesSpecification][value=true]");
        await page.ClickAsync("form.form button[type=submit].primary");
        await page.WaitForSelectorAsync("#property-status");
        Assert.Contains("CP-2026-", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#quantity-mismatch").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "50-property-received-zh");

        await page.SelectOptionAsync("#incident-form #Kind", "QuantityMismatch");
        await page.FillAsync("#IncidentDescription", "实收 95 张，送货单 100 张，短少 5 张 / 5 plates short");
        await page.ClickAsync("#incident-form button[type=submit]");
        await page.WaitForSelectorAsync("#incidents");
        Assert.Equal("暂扣待处理", (await page.Locator("#property-status").TextContentAsync())?.Trim());

        await page.FillAsync("#Reply", "请将 95 张退回，我方补发整批 / return the 95 plates, we send a full lot");
        await page.ClickAsync("#reply-form button[type=submit]");
        await page.WaitForSelectorAsync("#reply-form", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });

        await page.FillAsync("#ReturnNote", "客户司机王师傅提走 / collected by the customer's driver");
        await page.ClickAsync("#return-form button[type=submit]");
        await page.WaitForSelectorAsync("#return");
        Assert.Equal("已归还", (await page.Locator("#property-status").TextContentAsync())?.Trim());
        await BrowserFixture.ScreenshotAsync(page, "51-property-returned-zh");
        var itemUrl = page.Url;

        await page.ClickAsync("#incidents a:has-text('打印')");
        await page.WaitForSelectorAsync("#incident-sheet");
        Assert.Contains("补发整批", await page.Locator("#incident-reply").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "52-property-incident-report-zh");

        await page.GotoAsync("/CustomerProperty");
        Assert.Contains("客供不锈钢板", await page.Locator("#property-register").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "53-property-register-zh");
        await page.ClickAsync("#print-register");
        await page.WaitForSelectorAsync("#register-sheet");
        await BrowserFixture.ScreenshotAsync(page, "54-property-register-print-zh");

        var english = await browser.SignedInAsync("quality");
        await english.GotoAsync("/CustomerProperty?status=Returned");
        Assert.Contains("Returned", await english.Locator("#property-register").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(english, "55-property-register-en");
        await english.GotoAsync(itemUrl);
        Assert.Equal("Returned", (await english.Locator("#property-status").TextContentAsync())?.Trim());
        await BrowserFixture.ScreenshotAsync(english, "56-property-details-en");
        await english.ClickAsync("#incidents a:has-text('Print')");
        await english.WaitForSelectorAsync("#incident-sheet");
        await BrowserFixture.ScreenshotAsync(english, "57-property-incident-report-en");
    }
}
