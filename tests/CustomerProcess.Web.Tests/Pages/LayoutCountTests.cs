using System.Globalization;
using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>docs/adr/0040: the menu's "Waiting for me" count and the bell's unread count are kept between pages until
/// something is saved; a page after a change shows the new figures, as the database holds them.</summary>
[Collection(AppCollection.Name)]
public sealed class LayoutCountTests(AppFactory app)
{
    [Fact]
    public async Task The_menu_and_bell_counts_follow_a_new_review_on_the_next_page_although_they_are_kept_between_pages()
    {
        var driver = new ReviewDriver(app);
        var customer = await driver.CustomerAsync(CustomerClass.Regular);
        var production = await driver.As("production");
        // Two views: the second one reads the kept figures.
        await production.GetAsync("/Orders");
        var before = await production.GetAsync("/Orders");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        var (waitingBefore, unreadBefore) = Counts(before);

        var reviewId = await driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));

        var after = await production.GetAsync("/Orders");
        var (waitingAfter, unreadAfter) = Counts(after);
        Assert.True(await app.WithDbAsync(db => db.ReviewSections.AnyAsync(s => s.ReviewId == reviewId && s.DepartmentCode == "Production" && s.Status == SectionStatus.Pending)));
        Assert.Equal(waitingBefore + 1, waitingAfter);
        var unread = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.ReadAtUtc == null && db.Users.Any(u => u.Id == n.UserId && u.UserName == "production")));
        Assert.Equal(Math.Min(unread, 100), unreadAfter);
        Assert.True(unreadAfter > unreadBefore, $"bell {unreadBefore} before, {unreadAfter} after the review opened");
    }

    [Fact]
    public async Task The_menu_count_stops_at_99_plus_while_the_queue_lists_what_waits()
    {
        var driver = new ReviewDriver(app);
        var code = await driver.CustomerAsync(CustomerClass.Regular);
        var (userName, userId) = await new Security.CustomerOwnershipTests(app).CreateSalespersonAsync();
        var customerId = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
        await AddDraftsAsync(99);
        var client = await driver.As(userName);

        var page = await client.GetAsync("/Queue");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("99", page.Document.QuerySelector("#menu-waiting-count")?.TextContent.Trim());
        Assert.StartsWith("99 ", page.Document.QuerySelector("#menu-waiting-count")?.GetAttribute("aria-label"), StringComparison.Ordinal);

        // The hundredth: the menu no longer counts, the queue still lists each one.
        await AddDraftsAsync(1);
        page = await client.GetAsync("/Queue");
        Assert.Equal("99+", page.Document.QuerySelector("#menu-waiting-count")?.TextContent.Trim());
        Assert.StartsWith("99+ ", page.Document.QuerySelector("#menu-waiting-count")?.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(100, page.Document.QuerySelectorAll("a[href^='/Orders/Details/']").Length);
        Assert.Equal(100, await app.WithDbAsync(db => db.SalesOrders.CountAsync(o => o.SalesUserId == userId && o.Status == Domain.Orders.OrderStatus.Draft)));

        Task AddDraftsAsync(int count) => app.WithDbAsync(async db =>
        {
            var start = await db.SalesOrders.CountAsync(o => o.SalesUserId == userId);
            for (var i = 0; i < count; i++)
            {
                db.SalesOrders.Add(new Domain.Orders.SalesOrder($"MC-{userId[..8]}-{start + i:D3}", customerId, userId, DateTime.UtcNow.AddMinutes(-start - i)));
            }

            return await db.SaveChangesAsync();
        });
    }

    private static (int Waiting, int Unread) Counts(BrowserLikeClient.Page page) =>
        (int.Parse(page.Document.QuerySelector("#menu-waiting-count")?.TextContent.Trim() ?? "0", CultureInfo.InvariantCulture),
         int.Parse(page.Document.QuerySelector("#bell-count")?.TextContent.Trim().TrimEnd('+') ?? "0", CultureInfo.InvariantCulture));
}
