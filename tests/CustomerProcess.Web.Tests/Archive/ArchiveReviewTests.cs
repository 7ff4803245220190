using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Archive;

/// <summary>Issue #16 part 3: the six-monthly archive review list and the "keep" act.</summary>
[Collection(AppCollection.Name)]
public sealed class ArchiveReviewTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    [Fact]
    public async Task The_owner_keeps_a_customer_due_for_review_and_the_date_is_on_the_customer_and_off_the_list()
    {
        var sales = await _driver.As("sales");
        var code = "AR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await sales.SubmitAsync("/Customers/Create",
            [new("Code", code), new("Name", "半年评审 " + code), new("Class", "New"), new("PaymentTermDays", "30"), new("CreditLimit", "0"), new("CreditRating", "NotRated")], "/Customers/Create");
        var id = Guid.Parse(created.Location!.Split('/').Last());

        var due = await sales.GetAsync("/Archive/Due?page=1");
        Assert.Equal(HttpStatusCode.OK, due.Status);
        var row = due.Document.QuerySelectorAll("#archive-due tbody tr").FirstOrDefault(r => r.TextContent.Contains(code, StringComparison.Ordinal));
        // The list is ordered by code and paged; the new customer may be on a later page.
        if (row is not null)
        {
            Assert.Contains("No contract in twelve months", row.TextContent, StringComparison.Ordinal);
        }

        var kept = await sales.PostAsync($"/Archive/Keep/{id}", [], await sales.TokenFromAsync("/Archive/Due"));

        Assert.Equal(HttpStatusCode.Redirect, kept.Status);
        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.LastArchiveReviewUtc);
        Assert.Equal(CustomerStatus.Active, stored.Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Field == "LastArchiveReviewUtc")));
    }

    [Fact]
    public async Task Another_salesperson_cannot_record_the_review_of_a_customer_they_do_not_own()
    {
        var id = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == "C-0002").Select(c => c.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.LastArchiveReviewUtc).SingleAsync());
        var (otherName, _) = await new Security.CustomerOwnershipTests(app).CreateSalespersonAsync();
        using var other = app.CreateBrowserClient();
        await other.SignInAsync(otherName);

        var refused = await other.PostAsync($"/Archive/Keep/{id}", [], await other.TokenFromAsync("/Archive/Due"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(before, await app.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.LastArchiveReviewUtc).SingleAsync()));
    }
}
