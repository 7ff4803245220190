using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ComplaintFollowUpJourneyTests(BrowserFixture browser)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [BrowserFact]
    public async Task Quality_logs_a_complaint_with_a_photo_inspects_the_returned_goods_books_them_back_and_the_analysis_shows_it()
    {
        var page = await browser.SignedInAsync("qstaff", "zh-CN");
        await page.GotoAsync("/Complaints/Create");
        await page.FillAsync("#CustomerCode", "C-0001");
        await page.FillAsync("#ProductCode", "P-200");
        await page.FillAsync("#Description", "阀体砂眼渗漏 / porosity in the valve body");
        await page.SetInputFilesAsync("#complaint-files", new FilePayload { Name = "砂眼照片.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("form.form button[type=submit].primary");
        await page.WaitForSelectorAsync("#complaint-status");
        Assert.Equal("砂眼照片.png", (await page.Locator(".attachments a").First.TextContentAsync())?.Trim());

        await page.FillAsync("#ReturnQuantity", "4");
        await page.FillAsync("#ReturnUnit", "个");
        await page.FillAsync("#ReturnDescription", "4 只阀门退回 / 4 valves returned");
        await page.ClickAsync("#return-form button[type=submit]");
        await page.WaitForSelectorAsync("#inspect-form");

        await page.FillAsync("#Result", "水压试验确认砂眼 / porosity confirmed by pressure test");
        await page.CheckAsync("#inspect-form input[name=Founded][value=true]");
        await page.ClickAsync("#inspect-form button[type=submit]");
        await page.WaitForSelectorAsync("#bookback-form");
        Assert.Equal(1, await page.Locator("#nonconforming").CountAsync());

        await page.SelectOptionAsync("#Disposition", "Rework");
        await page.FillAsync("#Note", "入不合格品区，阀体重铸 / into the nonconforming area, bodies re-cast");
        await page.ClickAsync("#bookback-form button[type=submit]");
        await page.WaitForSelectorAsync("#outcome");
        Assert.Contains("返工", await page.Locator("#outcome").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "30-return-booked-back-zh");

        await page.GotoAsync("/Complaints");
        Assert.True(await page.Locator("#my-work tr.waiting-Answer").CountAsync() >= 1);
        await BrowserFixture.ScreenshotAsync(page, "31-complaints-waiting-for-me-zh");

        await page.GotoAsync("/ComplaintAnalysis");
        Assert.Contains("返工", await page.Locator("svg#returns-by-verdict").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#answer-clock-by-month").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "32-complaint-analysis-zh");

        await page.GotoAsync("/Returns");
        await page.GotoAsync("/Returns/Create");
        await page.GotoAsync("/Surveys/Analysis");
        Assert.Empty(browser.PageErrors);
    }
}
