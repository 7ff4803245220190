using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.ReviewSpine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #17 as a department head meets it: an order waits for the production section's signature; the head
/// sees the count on the bell, opens the notification, lands on the review form and signs there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationJourneyTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["Notifications"] = "通知",
        ["Open the page"] = "打开",
        ["Accept"] = "接受",
        ["Comments / conditions"] = "意见 / 条件",
        ["Your password (electronic signature)"] = "您的密码（电子签名）",
        ["Sign"] = "签署",
    };

    [BrowserTheory]
    [InlineData("zh-CN", "zh")]
    [InlineData("en-US", "en")]
    public async Task A_department_head_sees_the_bell_count_opens_the_notification_and_signs_the_review(string locale, string suffix)
    {
        string T(string english) => locale.StartsWith("zh", StringComparison.Ordinal) ? Chinese[english] : english;
        var driver = new ReviewDriver(browser.App);
        var customer = await driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m)); // Sales + Production sign
        var link = $"/Reviews/{reviewId}";
        var (notificationId, unread) = await browser.App.WithDbAsync(async db =>
        {
            var production = await db.Users.Where(u => u.UserName == "production").Select(u => u.Id).SingleAsync();
            return (await db.Notifications.Where(n => n.UserId == production && n.Link == link).Select(n => n.Id).SingleAsync(),
                await db.Notifications.CountAsync(n => n.UserId == production && n.ReadAtUtc == null));
        });

        // The bell on every page: an icon (no emoji font needed), the count, and a label that says both.
        var head = await browser.SignedInAsync("production", locale);
        await head.GotoAsync("/");
        var bell = head.Locator("#bell");
        Assert.Equal(1, await bell.Locator("svg.bell-icon").CountAsync());
        Assert.Equal(unread.ToString(System.Globalization.CultureInfo.InvariantCulture), (await bell.Locator("#bell-count").TextContentAsync())?.Trim());
        var label = await bell.GetAttributeAsync("aria-label");
        Assert.StartsWith(T("Notifications"), label, StringComparison.Ordinal);
        Assert.Contains(unread.ToString(System.Globalization.CultureInfo.InvariantCulture), label, StringComparison.Ordinal);
        await head.Locator("header.top").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"92-bell-count-{suffix}.png") });

        // The list shows it unread; opening it leads to the review form.
        await bell.ClickAsync();
        await BrowserFixture.WaitForUrlAsync(head, url => url.Contains("/Notifications", StringComparison.Ordinal), "The bell does not lead to the notifications");
        var row = head.Locator($"tr[data-notification='{notificationId}']");
        Assert.Contains("unread", await row.GetAttributeAsync("class"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(head, $"93-notifications-{suffix}");
        await row.GetByRole(AriaRole.Button, new() { Name = T("Open the page"), Exact = true }).ClickAsync();
        await BrowserFixture.WaitForUrlAsync(head, url => url.EndsWith(link, StringComparison.Ordinal), "Opening the notification did not lead to the review");

        // The head signs the production section on the form the notification opened.
        var section = head.Locator("#section-Production");
        await section.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await section.GetByLabel(T("Accept"), new() { Exact = true }).CheckAsync();
        await section.GetByLabel(T("Comments / conditions")).FillAsync("同意 / agreed");
        await section.GetByLabel(T("Your password (electronic signature)")).FillAsync(DemoData.Password);
        await BrowserFixture.ScreenshotAsync(head, $"94-review-from-notification-{suffix}");
        await section.GetByRole(AriaRole.Button, new() { Name = T("Sign"), Exact = true }).ClickAsync();
        await head.WaitForSelectorAsync("p.flash");
        await BrowserFixture.ScreenshotAsync(head, $"95-signed-from-notification-{suffix}");

        // One fewer on the bell; the notification is read and the section signed.
        var after = await head.Locator("#bell-count").CountAsync() == 0 ? "0" : (await head.Locator("#bell-count").TextContentAsync())?.Trim();
        Assert.Equal((unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), after);
        var (read, status) = await browser.App.WithDbAsync(async db => (
            await db.Notifications.Where(n => n.Id == notificationId).Select(n => n.ReadAtUtc).SingleAsync(),
            await db.Reviews.Where(r => r.Id == reviewId).SelectMany(r => r.Sections).Where(s => s.DepartmentCode == "Production").Select(s => s.Status).SingleAsync()));
        Assert.NotNull(read);
        Assert.Equal(SectionStatus.Signed, status);
    }
}
