using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ComplaintsJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Quality_logs_a_complaint_sets_an_action_answers_the_customer_and_prints_the_sheet()
    {
        var page = await browser.SignedInAsync("qstaff", "zh-CN");
        await page.GotoAsync("/Complaints/Create");
        await page.FillAsync("#CustomerCode", "C-0001");
        await page.FillAsync("#ProductCode", "P-100");
        await page.FillAsync("#BatchReference", "LOT-2026-11-07");
        await page.SelectOptionAsync("#Severity", "Major");
        await page.FillAsync("#Description", "泵体密封处漏水，已停机 / the pump leaks at the seal");
        await page.ClickAsync("form.form button[type=submit].primary");
        await page.WaitForSelectorAsync("#complaint-status");
        var number = (await page.Locator("h1").TextContentAsync())!;
        Assert.Contains("TS-2026-", number, StringComparison.Ordinal);

        await page.SelectOptionAsync("#Category", "Material");
        await page.SelectOptionAsync("#ResponsibleDepartment", "Purchasing");
        await page.FillAsync("#CauseAnalysis", "供应商密封圈材质不符 / seal material out of specification");
        await page.ClickAsync("#investigate-form button[type=submit]");
        await page.WaitForSelectorAsync("#investigation");

        await page.FillAsync("#action-form #Description", "更换密封圈供应商 / change the seal supplier");
        await page.SelectOptionAsync("#OwnerUserId", new SelectOptionValue { Label = "钱采购 Qian (Purchasing head)" });
        await page.FillAsync("#DueDate", "2026-12-15");
        await page.ClickAsync("#action-form button[type=submit]");
        await page.WaitForSelectorAsync("#action-1");

        await page.FillAsync("#Text", "已安排更换全部密封圈，三日内完成 / all seals will be replaced within three days");
        await page.ClickAsync("#answer-form button[type=submit]");
        await page.WaitForSelectorAsync("#answer");
        Assert.Equal("已答复", (await page.Locator("#complaint-status").TextContentAsync())?.Trim());
        await BrowserFixture.ScreenshotAsync(page, "20-complaint-zh");

        await page.ClickAsync("a:has-text('反馈处理单')");
        Assert.Contains("全部密封圈", await page.Locator("#sheet-answer").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "21-feedback-sheet-zh");
    }

    [BrowserFact]
    public async Task A_customer_answers_a_survey_through_the_link_and_the_analysis_shows_it()
    {
        var quality = await browser.SignedInAsync("quality");
        await quality.GotoAsync("/Surveys/Create");
        var first = quality.Locator("#survey-customers input[type=checkbox]").First;
        await first.CheckAsync();
        await quality.ClickAsync("form.form button[type=submit].primary");
        var link = (await quality.Locator("code.survey-link").First.TextContentAsync())!;

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var customer = await browser.NewPageAsync(context);
        await customer.GotoAsync(link);
        foreach (var (dimension, score) in new[] { ("Quality", "5"), ("Delivery", "2"), ("Service", "4"), ("Price", "3"), ("Communication", "5") })
        {
            await customer.CheckAsync($"input[name={dimension}][value='{score}']");
        }

        await customer.FillAsync("#Comments", "交货比约定晚了两周 / delivery two weeks late");
        await BrowserFixture.ScreenshotAsync(customer, "22-survey-link-zh");
        await customer.ClickAsync("#survey-form button[type=submit]");
        await customer.WaitForSelectorAsync("#survey-thanks");

        var again = await customer.GotoAsync(link);
        Assert.Equal(404, again!.Status);

        await quality.GotoAsync("/Surveys/Analysis");
        Assert.Contains("delivery two weeks late", await quality.Locator("#low-scores").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await quality.Locator("svg#averages").CountAsync());
        await BrowserFixture.ScreenshotAsync(quality, "23-satisfaction-analysis");
    }
}
