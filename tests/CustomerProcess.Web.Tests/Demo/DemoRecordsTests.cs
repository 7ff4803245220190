using System.Net;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Demo;

/// <summary>The app as `dotnet run` starts it in Development: demo users and the demo business records.</summary>
public sealed class DemoRecordsAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DemoData:BusinessRecords"] = "true" };
}

public sealed class DemoRecordsTests(DemoRecordsAppFactory app) : IClassFixture<DemoRecordsAppFactory>
{
    [Fact]
    public async Task The_demo_seed_creates_its_records_once_and_a_second_run_adds_nothing()
    {
        using var client = app.CreateBrowserClient();
        await client.GetAsync("/health/live");
        var before = await CountsAsync();
        Assert.True(before.Orders >= 10, $"orders: {before.Orders}");

        using (var scope = app.Services.CreateScope())
        {
            Assert.False(await DemoRecords.SeedAsync(scope.ServiceProvider, CancellationToken.None));
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_demo_records_cover_every_state_the_issue_names()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var orderStates = await app.WithDbAsync(db => db.SalesOrders.Select(o => o.Status).Distinct().ToListAsync());
        Assert.Subset(orderStates.ToHashSet(),
            new[] { OrderStatus.Draft, OrderStatus.UnderReview, OrderStatus.AwaitingApproval, OrderStatus.Approved, OrderStatus.Rejected, OrderStatus.Contracted }.ToHashSet());
        var levels = await app.WithDbAsync(db => db.Reviews.Select(r => r.Level).Distinct().ToListAsync());
        Assert.Contains(ReviewLevel.FullCountersign, levels);
        Assert.Contains(ReviewLevel.ReviewMeeting, levels);
        Assert.True(await app.WithDbAsync(db => db.Discrepancies.AnyAsync(d => d.Status == DiscrepancyStatus.Open)));
        Assert.True(await app.WithDbAsync(db => db.Discrepancies.AnyAsync(d => d.Status == DiscrepancyStatus.Resolved)));

        var contracts = await app.WithDbAsync(db => db.Contracts.Include("_deliveries").Include("_invoices").Include("_payments").AsSplitQuery().ToListAsync());
        Assert.Contains(contracts, c => c.IsPaymentOverdue(today));
        Assert.Contains(contracts, c => c.Deliveries.Count > 0 && c.Payments.Count > 0);
        Assert.True(await app.WithDbAsync(db => db.TaskNotices.AnyAsync(n =>
            n.Status == NoticeStatus.Issued && db.NoticeAcknowledgements.Any(a => a.NoticeId == n.Id && a.AcknowledgedAtUtc == null)
                                          && db.NoticeAcknowledgements.Any(a => a.NoticeId == n.Id && a.AcknowledgedAtUtc != null))));

        var complaints = await app.WithDbAsync(db => db.Complaints.ToListAsync());
        Assert.Contains(complaints, c => c.AnsweredAtUtc is null && c.IsOverdue(now, TimeSpan.FromHours(72)));
        Assert.Contains(complaints, c => c.AnsweredAtUtc is null && !c.IsOverdue(now, TimeSpan.FromHours(72)));
        Assert.Contains(complaints, c => c.Status == ComplaintStatus.Closed);
        Assert.True(await app.WithDbAsync(db => db.SurveyResponses.CountAsync()) >= 3);

        // Built through the entities and saved like any change: the audit trail has the records.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Contract")));
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("salesmanager")]
    [InlineData("quality")]
    [InlineData("qstaff")]
    [InlineData("production")]
    [InlineData("purchasing")]
    [InlineData("technical")]
    [InlineData("finance")]
    [InlineData("legal")]
    [InlineData("safety")]
    [InlineData("gm")]
    [InlineData("contracts")]
    public async Task After_seeding_each_role_finds_work_on_its_first_screens(string userName)
    {
        foreach (var language in new[] { "en", "zh-CN" })
        {
            using var client = app.CreateBrowserClient(language);
            await client.SignInAsync(userName);
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.Status);

            var queue = await client.GetAsync("/Queue");
            Assert.Equal(HttpStatusCode.OK, queue.Status);
            Assert.Null(queue.Document.QuerySelector(".empty"));
            Assert.NotEmpty(queue.Document.QuerySelectorAll("#queue tbody tr"));
        }
    }

    [Fact]
    public async Task The_chinese_queue_names_departments_in_chinese_not_by_their_codes()
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("quality");
        var queue = await client.GetAsync("/Queue");
        var rows = string.Join("\n", queue.Document.QuerySelectorAll("#queue-sign tr, #queue-acknowledge tr").Select(r => r.TextContent));
        Assert.Contains("· 质量部", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("· Quality", rows, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quality", false)]
    [InlineData("production", false)]
    [InlineData("finance", true)]
    [InlineData("sales", true)]
    public async Task The_menu_shows_the_ledger_only_to_those_who_may_open_it(string userName, bool shown)
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync(userName);
        var home = await client.GetAsync("/");
        Assert.Equal(shown, home.Document.QuerySelector("header nav a[href='/Ledger']") is not null);
        Assert.Equal(shown ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/Ledger")).Status);
    }

    [Fact]
    public async Task The_header_and_the_greeting_name_the_person_and_chinese_headings_are_not_doubled()
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("gm");
        var home = await client.GetAsync("/");
        Assert.Contains("陈总 Chen (General manager)", home.Document.QuerySelector("header .who")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("陈总 Chen (General manager)", home.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var queue = await client.GetAsync("/Queue");
        var review = await client.GetAsync(queue.Document.QuerySelector("#queue-approve a")!.GetAttribute("href")!.Split('#')[0]);
        var approval = review.Document.QuerySelector("#gm-approval h3")!.TextContent;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(approval, "总经理审批"));
        var orders = await client.GetAsync("/Orders");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(orders.Document.QuerySelector("h1")!.TextContent, "订单"));
    }

    [Fact]
    public async Task An_order_under_review_declares_customer_property_and_its_review_form_lists_the_item_received()
    {
        var (reviewId, itemNumber) = await app.WithDbAsync(async db =>
        {
            var item = await db.CustomerPropertyItems.SingleAsync(p => p.OrderId != null);
            var order = await db.SalesOrders.SingleAsync(o => o.Id == item.OrderId);
            Assert.False(string.IsNullOrWhiteSpace(order.CustomerPropertyHandling));
            Assert.Equal(OrderStatus.UnderReview, order.Status);
            var review = await db.Reviews.SingleAsync(r => r.SubjectId == order.Id);
            return (review.Id, item.Number);
        });

        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("quality");
        var form = await client.GetAsync($"/Reviews/{reviewId}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var row = Assert.Single(form.Document.QuerySelectorAll("#order-property-items tbody tr"));
        Assert.Contains(itemNumber, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("叶轮铸件", row.TextContent, StringComparison.Ordinal);
    }

    private Task<(int Orders, int Reviews, int Contracts, int Notices, int Complaints, int Surveys, int Customers, int Audit)> CountsAsync() =>
        app.WithDbAsync(async db => (
            await db.SalesOrders.CountAsync(), await db.Reviews.CountAsync(), await db.Contracts.CountAsync(), await db.TaskNotices.CountAsync(),
            await db.Complaints.CountAsync(), await db.SurveyResponses.CountAsync(), await db.Customers.CountAsync(), await db.AuditEntries.CountAsync()));
}
