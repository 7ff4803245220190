using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #16 as users meet it: quality staff cannot open a customer's file, ask for access with a reason, their
/// department head and the customer's owner approve, the file opens and the owner sees the view in the log.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveJourneyTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData("zh-CN", "C-0002", "zh", "投诉调查需要客户联系人")]
    [InlineData("en-US", "C-0003", "en", "Complaint investigation needs the customer's contacts")]
    public async Task Quality_staff_ask_for_access_the_head_and_the_owner_approve_and_the_view_is_logged(string locale, string code, string suffix, string reason)
    {
        var qstaff = await browser.SignedInAsync("qstaff", locale);
        await qstaff.GotoAsync("/Customers?q=" + code);
        await qstaff.Locator("#customers a", new PageLocatorOptions { HasText = code }).First.ClickAsync();
        await qstaff.WaitForSelectorAsync("#no-access");
        await BrowserFixture.ScreenshotAsync(qstaff, $"70-archive-no-access-{suffix}");

        await qstaff.ClickAsync("#no-access a.button");
        await qstaff.FillAsync("#Reason", reason);
        await qstaff.FillAsync("#Days", "3");
        await BrowserFixture.ScreenshotAsync(qstaff, $"71-archive-ask-{suffix}");
        await qstaff.ClickAsync("form button[type=submit].primary");
        await qstaff.WaitForSelectorAsync("#my-access");
        Assert.Contains(reason, await qstaff.Locator("#my-access").TextContentAsync(), StringComparison.Ordinal);

        var head = await browser.SignedInAsync("quality", locale);
        await head.GotoAsync("/Archive");
        var headRow = head.Locator("#access-to-approve tr", new PageLocatorOptions { HasText = reason });
        await BrowserFixture.ScreenshotAsync(head, $"72-archive-head-approves-{suffix}");
        await headRow.Locator("form:has(input[name=As][value=Head]) button").ClickAsync();
        await head.WaitForSelectorAsync("p.flash");

        var owner = await browser.SignedInAsync("sales", locale);
        await owner.GotoAsync("/Archive");
        var ownerRow = owner.Locator("#access-to-approve tr", new PageLocatorOptions { HasText = reason });
        await ownerRow.Locator("form:has(input[name=As][value=Owner]) button").ClickAsync();
        await owner.WaitForSelectorAsync("p.flash");

        await qstaff.GotoAsync("/Archive");
        await qstaff.Locator("#my-access a", new PageLocatorOptions { HasText = code }).ClickAsync();
        await qstaff.WaitForSelectorAsync("#contacts");
        await BrowserFixture.ScreenshotAsync(qstaff, $"73-archive-file-open-{suffix}");

        await owner.GotoAsync("/Customers?q=" + code);
        await owner.Locator("#customers a", new PageLocatorOptions { HasText = code }).First.ClickAsync();
        await owner.ClickAsync("#view-log-link");
        await owner.WaitForSelectorAsync("#view-log");
        Assert.Contains("He (Quality staff)", await owner.Locator("#view-log").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(owner, $"74-archive-view-log-{suffix}");
    }
}
