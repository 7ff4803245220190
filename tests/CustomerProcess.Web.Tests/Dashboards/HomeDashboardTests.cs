using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Dashboards;

/// <summary>Issue #17 item 3: the start page per role shows what waits on me, what I started and my figures, and the
/// figures are the records' numbers (each class has its own database, so the numbers are exact).</summary>
public sealed class HomeDashboardSalesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_submitted_order_is_an_open_order_and_started_item_for_sales_and_waits_with_its_amount_on_the_heads()
    {
        var driver = new ReviewDriver(app);
        var code = await driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await driver.SubmitOrderAsync(ReviewDriver.OrderForm(code, 10, 10_000m));
        var order = await app.WithDbAsync(db => (from r in db.Reviews join o in db.SalesOrders on r.SubjectId equals o.Id where r.Id == reviewId select o).AsNoTracking().SingleAsync());

        var sales = await (await driver.As("sales")).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, sales.Status);
        // Greeted by the display name, not the login name.
        Assert.Contains("王销售 Wang (Sales)", sales.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var openOrders = await app.WithDbAsync(db => db.SalesOrders.CountAsync(o => o.SalesUserId == order.SalesUserId
            && (o.Status == OrderStatus.Draft || o.Status == OrderStatus.UnderReview || o.Status == OrderStatus.AwaitingApproval || o.Status == OrderStatus.Approved)));
        Assert.Equal(1, openOrders);
        Assert.Equal(openOrders.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(sales, "fig-open-orders"));
        Assert.Equal("0", Figure(sales, "fig-open-contracts"));
        var started = sales.Document.QuerySelectorAll("#started tbody tr").Single(tr => tr.TextContent.Contains(order.Number, StringComparison.Ordinal));
        var pendingSections = await app.WithDbAsync(db => db.ReviewSections.CountAsync(s => s.ReviewId == reviewId && s.Status == SectionStatus.Pending));
        Assert.Equal(pendingSections.ToString(System.Globalization.CultureInfo.InvariantCulture), started.QuerySelectorAll("td")[^1].TextContent.Trim());

        // The head of a department whose section is open sees the review waiting, with the order's amount.
        var department = await app.WithDbAsync(db => db.ReviewSections.Where(x => x.ReviewId == reviewId && x.Status == SectionStatus.Pending)
            .OrderBy(x => x.SortOrder).Select(x => x.DepartmentCode).FirstAsync());
        var head = await (await driver.As(ReviewDriver.Heads[department])).GetAsync("/");
        var row = head.Document.QuerySelectorAll("#waiting tbody tr").Single(tr => tr.TextContent.Contains(order.Number, StringComparison.Ordinal));
        Assert.Contains("CNY 100,000.00", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(100_000_00, order.TotalMinor);
        var headPending = await app.WithDbAsync(db => (from x in db.ReviewSections
                                                       join r in db.Reviews on x.ReviewId equals r.Id
                                                       where x.DepartmentCode == department && x.Status == SectionStatus.Pending && r.Status == ReviewStatus.InProgress
                                                       select x).CountAsync());
        Assert.Equal(headPending.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(head, "fig-sections-pending"));
        // The menu counts what the list shows.
        Assert.Equal(head.Document.QuerySelectorAll("#waiting tbody tr").Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            head.Document.QuerySelector("#menu-waiting-count")!.TextContent.Trim());

        // Someone who signs for no department does not have it waiting.
        var other = await (await driver.As("qstaff")).GetAsync("/");
        Assert.DoesNotContain(order.Number, other.Document.QuerySelector("#waiting")?.TextContent ?? "", StringComparison.Ordinal);
    }

    internal static string Figure(BrowserLikeClient.Page page, string id) =>
        page.Document.QuerySelector($"#{id} .figure-value")?.TextContent.Trim() ?? throw new InvalidOperationException($"No figure {id} on the page.");
}

public sealed class HomeDashboardQualityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Quality_sees_complaints_by_clock_state_with_the_overdue_one_first()
    {
        var driver = new ReviewDriver(app);
        var qstaff = await driver.As("qstaff");
        // The fake clock is at 2026-11-23 09:00 China time: one complaint is past its 72 hours, one is not.
        var late = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", "Late one"), new("ReceivedAt", "2026-11-19T09:00")]);
        var fresh = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", "Fresh one"), new("ReceivedAt", "2026-11-23T08:00")]);
        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        Assert.Equal(HttpStatusCode.Redirect, fresh.Status);
        var lateNumber = await app.WithDbAsync(db => db.Complaints.Where(c => c.Description == "Late one").Select(c => c.Number).SingleAsync());

        var quality = await (await driver.As("quality")).GetAsync("/");
        Assert.Equal("1", HomeDashboardSalesTests.Figure(quality, "fig-complaints-open"));
        Assert.Equal("1", HomeDashboardSalesTests.Figure(quality, "fig-complaints-overdue"));
        var first = quality.Document.QuerySelector("#waiting tbody tr")!;
        Assert.Contains(lateNumber, first.TextContent, StringComparison.Ordinal);
        Assert.Contains("overdue", first.ClassName ?? "", StringComparison.Ordinal);

        var freshId = fresh.Location!.Split('/').Last();
        var token = await qstaff.TokenFromAsync($"/Complaints/Details/{freshId}");
        var answered = await qstaff.PostAsync($"/Complaints/Answer/{freshId}", [new("Text", "Replaced"), new("Channel", "Phone"), new("AnsweredAt", "2026-11-23T08:30")], token);
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);

        quality = await (await driver.As("quality")).GetAsync("/");
        Assert.Equal("0", HomeDashboardSalesTests.Figure(quality, "fig-complaints-open"));
        Assert.Equal("1", HomeDashboardSalesTests.Figure(quality, "fig-complaints-overdue"));
        Assert.Equal("1", HomeDashboardSalesTests.Figure(quality, "fig-complaints-in-time"));
        Assert.Equal("0", HomeDashboardSalesTests.Figure(quality, "fig-complaints-late"));
    }
}

public sealed class HomeDashboardGeneralManagerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_general_manager_sees_the_contracts_signed_this_month_and_the_approvals_waiting()
    {
        var tracking = new TrackingDriver(app);
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.New);
        var contract = await tracking.SignedContractAsync(code, CustomerClass.New);

        var gm = await (await tracking.As("gm")).GetAsync("/");
        var signedThisMonth = await app.WithDbAsync(db => db.Contracts.CountAsync(k => k.SignedOn >= new DateOnly(2026, 11, 1) && k.SignedOn <= new DateOnly(2026, 11, 30)));
        Assert.Equal(1, signedThisMonth);
        Assert.Equal("1", HomeDashboardSalesTests.Figure(gm, "fig-contracts-month"));
        Assert.Equal("CNY " + (contract.AmountMinor / 100m).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en")), HomeDashboardSalesTests.Figure(gm, "fig-contracts-month-amount"));
        var waiting = await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.Status == ReviewStatus.AwaitingApproval));
        Assert.Equal(waiting.ToString(System.Globalization.CultureInfo.InvariantCulture), HomeDashboardSalesTests.Figure(gm, "fig-approvals"));
    }
}
