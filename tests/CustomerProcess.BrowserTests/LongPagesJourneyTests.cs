using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #17 item 6: the long pages (contract, complaint) in sections — key facts and the decision first, the
/// other parts collapsed on a phone and opened with a tap (no script); every part shown on a wide screen. And the review
/// form's "decision first on a phone" rule for a department head signing, not only the general manager.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class LongPagesJourneyTests(DemoBrowserFixture browser)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [BrowserTheory]
    [InlineData("zh-CN", PhoneWidth)]
    [InlineData("en-US", PhoneWidth)]
    [InlineData("zh-CN", 1366)]
    [InlineData("en-US", 1366)]
    public async Task The_contract_and_complaint_pages_show_key_facts_first_and_fold_the_other_parts_on_a_phone(string locale, int width)
    {
        var phone = width == PhoneWidth;
        var height = phone ? PhoneHeight : 900;
        var language = locale[..2];

        var finance = await browser.SignedInAsync("finance", locale);
        await finance.SetViewportSizeAsync(width, height);
        await finance.GotoAsync("/Ledger");
        await finance.Locator("#ledger a").First.ClickAsync();
        await finance.WaitForSelectorAsync("#contract-facts");
        Assert.True(await TopAsync(finance, "#contract-facts") < height, "the contract's facts are below the first screen");
        Assert.True(await TopAsync(finance, "#performance-summary") < (phone ? 2 * height : height), "the performance summary is far down the page");
        foreach (var part in new[] { "lines", "deliveries", "invoices", "payments", "changes", "communication", "review" })
        {
            Assert.True(await finance.Locator($"#section-{part} > summary").IsVisibleAsync(), $"the heading of {part} is not shown");
            Assert.Equal(!phone, await finance.Locator($"#section-{part} > :not(summary)").First.IsVisibleAsync());
        }

        Assert.True(await ScrollWidthAsync(finance) <= width);
        await BrowserFixture.ScreenshotAsync(finance, $"92-contract-sections-{width}-{language}");
        if (phone)
        {
            // A tap opens a part.
            await finance.ClickAsync("#section-deliveries > summary");
            Assert.True(await finance.Locator("#section-deliveries > :not(summary)").First.IsVisibleAsync());
            await BrowserFixture.ScreenshotAsync(finance, $"92-contract-deliveries-open-{width}-{language}");
        }

        await finance.Context.CloseAsync();

        var quality = await browser.SignedInAsync("qstaff", locale);
        await quality.SetViewportSizeAsync(width, height);
        await quality.GotoAsync("/Complaints");
        await quality.Locator("#complaints a").First.ClickAsync();
        await quality.WaitForSelectorAsync("#answer-clock");
        Assert.True(await TopAsync(quality, "#answer-clock") < height, "the answer clock is below the first screen");
        foreach (var part in new[] { "attachments", "returns" })
        {
            Assert.Equal(!phone, await quality.Locator($"#section-{part} > :not(summary)").First.IsVisibleAsync());
        }

        // The steps (investigation, actions, answer) come before attachments and returns.
        Assert.True(await TopAsync(quality, "#section-answer") < await TopAsync(quality, "#section-attachments"));
        Assert.True(await ScrollWidthAsync(quality) <= width);
        await BrowserFixture.ScreenshotAsync(quality, $"92-complaint-sections-{width}-{language}");
        await quality.Context.CloseAsync();

        Assert.Empty(browser.PageErrors);
    }

    [BrowserTheory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task A_department_head_finds_the_sign_form_on_the_first_screen_of_a_phone(string locale)
    {
        var head = await browser.SignedInAsync("production", locale);
        await head.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await head.GotoAsync("/Queue");
        await head.Locator("#queue-sign a").First.ClickAsync();
        await head.WaitForSelectorAsync(".sign-form");
        await head.EvaluateAsync("window.scrollTo(0, 0)");

        // The section to sign comes right after the title: its form (checklist, conclusion, password, sign) starts on the first screen.
        var top = await TopAsync(head, ".sign-form");
        Assert.True(top < PhoneHeight / 2, $"the sign form starts {top} px down the page");
        Assert.True(await TopAsync(head, ".sign-form") < await TopAsync(head, "#review-header"), "the sign form is not before the review's header");
        Assert.True(await ScrollWidthAsync(head) <= PhoneWidth);
        await BrowserFixture.ScreenshotAsync(head, $"93-phone-head-sign-{locale[..2]}");
        await head.Context.CloseAsync();
    }

    private static Task<double> TopAsync(IPage page, string selector) =>
        page.EvaluateAsync<double>($"document.querySelector('{selector}').getBoundingClientRect().top + window.scrollY");

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollWidth");
}
