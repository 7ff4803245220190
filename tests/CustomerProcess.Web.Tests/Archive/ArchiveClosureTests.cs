using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Archive;

/// <summary>Issue #16 item 3: a customer reported closed or bankrupt comes up in the archive review with that reason, and
/// "mark inactive" is a request the sales manager approves.</summary>
[Collection(AppCollection.Name)]
public sealed class ArchiveClosureTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    private static async Task<(Guid Id, string Code)> CreateAsync(BrowserLikeClient sales)
    {
        // "0" sorts before the letters: the customer is on the first page of the due list (ordered by code).
        var code = "0CL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await sales.SubmitAsync("/Customers/Create",
            [new("Code", code), new("Name", "停业测试 " + code), new("Class", "New"), new("PaymentTermDays", "30"), new("CreditLimit", "0"), new("CreditRating", "NotRated")], "/Customers/Create");
        Assert.True(created.Status == HttpStatusCode.Redirect, "Customer not created: " + created.ErrorText);
        return (Guid.Parse(created.Location!.Split('/').Last()), code);
    }

    private static async Task<string?> DueRowAsync(BrowserLikeClient client, string code) =>
        (await client.GetAsync("/Archive/Due")).Document.QuerySelectorAll("#archive-due tbody tr")
            .FirstOrDefault(r => r.TextContent.Contains(code, StringComparison.Ordinal))?.TextContent;

    [Fact]
    public async Task A_customer_reported_bankrupt_after_its_review_is_due_with_that_reason_and_becomes_inactive_only_when_the_sales_manager_approves()
    {
        var sales = await _driver.As("sales");
        var (id, code) = await CreateAsync(sales);
        Assert.Equal(HttpStatusCode.Redirect, (await sales.PostAsync($"/Archive/Keep/{id}", [], await sales.TokenFromAsync("/Archive/Due"))).Status);
        Assert.Null(await DueRowAsync(sales, code)); // reviewed just now
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var reported = await sales.SubmitAsync($"/Customers/ReportClosure/{id}", [new("Closure", "Bankrupt"), new("Note", "法院公告 2026-11-20 破产清算")], $"/Customers/ReportClosure/{id}");

        Assert.Equal(HttpStatusCode.Redirect, reported.Status);
        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CustomerClosure.Bankrupt, stored.Closure);
        Assert.Equal("法院公告 2026-11-20 破产清算", stored.ClosureNote);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Field == "Closure" && a.NewValue == "Bankrupt")));
        var row = await DueRowAsync(sales, code);
        Assert.NotNull(row);
        Assert.Contains("Reported bankrupt", row, StringComparison.Ordinal);
        Assert.Contains("法院公告", row, StringComparison.Ordinal);

        var asked = await sales.SubmitAsync($"/Customers/Deactivate/{id}", [new("Reason", "破产清算")], $"/Customers/Deactivate/{id}");

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal(CustomerStatus.Active, (await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id))).Status);
        var request = await app.WithDbAsync(db => db.CustomerClassChangeRequests.AsNoTracking().SingleAsync(r => r.CustomerId == id));
        Assert.True(request.MarksInactive);
        Assert.False(request.NeedsQuality);
        Assert.Equal(ClassChangeStatus.Pending, request.Status);
        Assert.Contains("Marking inactive asked by", (await sales.GetAsync($"/Customers/Details/{id}")).Document.QuerySelector("#pending-class-change")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await DueRowAsync(sales, code)); // still on the list until approved

        var manager = await _driver.As("salesmanager");
        var list = await manager.GetAsync("/Customers/ClassChanges");
        Assert.Contains(list.Document.QuerySelectorAll("#class-changes tbody tr"), r => r.TextContent.Contains(code, StringComparison.Ordinal) && r.TextContent.Contains("Mark inactive", StringComparison.Ordinal));
        var approved = await manager.PostAsync($"/Customers/ApproveClassChange/{request.Id}", [], await manager.TokenFromAsync("/Customers/ClassChanges"));

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var after = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CustomerStatus.Inactive, after.Status);
        Assert.Equal("破产清算", after.InactiveReason);
        Assert.Equal(CustomerClass.New, after.Class);
        Assert.Equal(ClassChangeStatus.Approved, (await app.WithDbAsync(db => db.CustomerClassChangeRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id))).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Field == "Status" && a.NewValue == "Inactive")));
        Assert.Null(await DueRowAsync(sales, code));
    }

    [Fact]
    public async Task Another_salesperson_cannot_report_a_closure_or_ask_to_mark_inactive_a_customer_they_do_not_own()
    {
        var sales = await _driver.As("sales");
        var (id, _) = await CreateAsync(sales);
        var (otherName, _) = await new Security.CustomerOwnershipTests(app).CreateSalespersonAsync();
        using var other = app.CreateBrowserClient();
        await other.SignInAsync(otherName);
        var token = await other.TokenFromAsync("/Customers");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/Customers/ReportClosure/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/Customers/ReportClosure/{id}", [new("Closure", "Closed"), new("Note", "not mine")], token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/Customers/Deactivate/{id}", [new("Reason", "not mine")], token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/Customers/ReportClosure/{Guid.NewGuid()}", [new("Closure", "Closed"), new("Note", "nobody")], token)).Status);

        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Null(stored.Closure);
        Assert.False(await app.WithDbAsync(db => db.CustomerClassChangeRequests.AnyAsync(r => r.CustomerId == id)));
    }
}
