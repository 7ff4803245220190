using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Tenders;

/// <summary>A tender through the review engine: invitation → go/no-go → bid review → submitted → won → order.</summary>
[Collection(AppCollection.Name)]
public sealed class TenderJourneyTests(AppFactory app)
{
    private readonly TenderDriver _driver = new(app);

    private async Task<Guid> StartReviewAsync(Guid tenderId, string stage)
    {
        var started = await _driver.PostAsync("sales", tenderId, "StartReview", [new("Stage", stage)]);
        Assert.True(started.Status == HttpStatusCode.Redirect, started.ErrorText);
        return Guid.Parse(started.Location!.Split('/').Last());
    }

    private async Task<BrowserLikeClient.Page> ConcludeAsync(Guid reviewId, string user) =>
        await _driver.Users.PostOnReviewAsync(reviewId, user, "Conclude", [new("Password", DemoData.Password), new("Comment", "同意投标 / go")]);

    [Fact]
    public async Task A_tender_under_three_million_is_concluded_by_the_business_unit_head_and_a_won_tender_becomes_a_linked_order()
    {
        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);
        var id = await _driver.RegisterAsync("sales", customer, 2_999_999.99m);
        await _driver.PostAsync("sales", id, "Ask", [new("Question", "Delivery on site?")]);
        var clarification = await app.WithDbAsync(db => db.TenderClarifications.AsNoTracking().SingleAsync(c => c.TenderId == id));

        // Go/no-go: the business unit's sections; it cannot conclude while the clarification is open.
        var goNoGo = await StartReviewAsync(id, "GoNoGo");
        var review = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).SingleAsync(r => r.Id == goNoGo));
        Assert.Equal(ReviewSubjectKind.TenderInvitation, review.SubjectKind);
        Assert.Equal(ReviewConcluder.BusinessUnitHead, review.Concluder);
        Assert.Equal(TenderReviewPolicy.InternalDepartments.Order(), review.Sections.Select(s => s.DepartmentCode).Order());
        await _driver.Users.SignAllAsync(goNoGo, TenderReviewPolicy.InternalDepartments);
        await ConcludeAsync(goNoGo, "buhead");
        Assert.Equal(ReviewStatus.InProgress, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == goNoGo).Select(r => r.Status).SingleAsync()));
        Assert.Equal(TenderStatus.GoNoGoReview, await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));

        await _driver.PostAsync("sales", id, "Answer", [new("ClarificationId", clarification.Id.ToString()), new("Answer", "On site"), new("Evidence", "Fax"), new("EvidenceReference", "FAX-7")]);
        var print = await (await _driver.As("sales")).GetAsync($"/Reviews/{goNoGo}/Print");
        Assert.Equal(HttpStatusCode.OK, print.Status);
        var concluded = await ConcludeAsync(goNoGo, "buhead");
        Assert.True(concluded.Status == HttpStatusCode.Redirect, concluded.ErrorText);
        Assert.Equal(TenderStatus.Bidding, await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));

        // Bid review at 2,999,999.99: internal, concluded by the business-unit head; nothing submitted before.
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PostAsync("sales", id, "Bid", [new("BidAmount", "2999999.99"), new("BidNotes", "20 pumps incl. VAT")])).Status);
        await _driver.PostAsync("sales", id, "Submit", []);
        Assert.Equal(TenderStatus.Bidding, await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));
        var bidReview = await StartReviewAsync(id, "Bid");
        await _driver.Users.SignAllAsync(bidReview, TenderReviewPolicy.InternalDepartments);
        Assert.Equal(HttpStatusCode.Forbidden, (await ConcludeAsync(bidReview, "salesmanager")).Status);
        Assert.True((await ConcludeAsync(bidReview, "buhead")).Status == HttpStatusCode.Redirect);
        Assert.Equal(TenderStatus.BidApproved, await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));

        // Submitted, won, made into an order that links back.
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PostAsync("sales", id, "Submit", [])).Status);
        var won = await _driver.PostAsync("sales", id, "Outcome",
            [new("Outcome", "Won"), new("WinningPrice", "2999999.99"), new("WinnerName", "us"), new("Competitors[0].Name", "Acme Pumps"), new("Competitors[0].Price", "3100000")]);
        Assert.True(won.Status == HttpStatusCode.Redirect, won.ErrorText);
        var made = await _driver.PostAsync("sales", id, "CreateOrder", []);
        Assert.True(made.Status == HttpStatusCode.Redirect, made.ErrorText);
        var tender = await app.WithDbAsync(db => db.Tenders.AsNoTracking().Include(t => t.Competitors).SingleAsync(t => t.Id == id));
        var order = await app.WithDbAsync(db => db.SalesOrders.AsNoTracking().Include("_lines").SingleAsync(o => o.TenderId == id));
        Assert.Equal(tender.OrderId, order.Id);
        Assert.Equal(OrderStatus.Draft, order.Status);
        Assert.Equal(OrderChannel.Tender, order.Channel);
        Assert.Equal(2_999_999.99m, order.Total);
        Assert.Equal(tender.Requirements, order.ExplicitRequirements);
        Assert.Equal(3_100_000m, Assert.Single(tender.Competitors).Price);
        var orderPage = await (await _driver.As("sales")).GetAsync($"/Orders/Details/{order.Id}");
        Assert.NotNull(orderPage.Document.QuerySelector("#order-tender"));

        // The order's own review will say that the bid was reviewed; its level stays the order's.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerProcess.Infrastructure.Persistence.AppDbContext>();
        var tracked = await db.SalesOrders.Include("_lines").SingleAsync(o => o.Id == order.Id);
        var (decision, _, _) = await scope.ServiceProvider.GetRequiredService<CustomerProcess.Web.Features.Reviews.ReviewRouting>().DecideAsync(tracked, CustomerClass.Regular, default);
        var bidReason = Assert.Single(decision.Reasons, r => r.ReasonKey == CustomerProcess.Web.Features.Reviews.ReviewRouting.BidReviewedReason);
        Assert.Equal(tender.Number, bidReason.Arguments[0]);
        Assert.Equal(ReviewLevel.ReviewMeeting, decision.Level); // 2,999,999.99 ≥ 1,000,000: a meeting for an order, not lowered by the reviewed bid

        // The order page's "if submitted now" names the bid's review level in the reader's language (issue #15).
        using var zh = app.CreateBrowserClient("zh-CN");
        await zh.SignInAsync("sales");
        var preview = (await zh.GetAsync($"/Orders/Details/{order.Id}")).Document.QuerySelector("#routing-preview")!.TextContent;
        Assert.Contains($"投标书已在投标 {tender.Number} 中评审（一般合同评审，", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Simplified", preview, StringComparison.Ordinal);

    }

    [Fact]
    public async Task A_bid_of_three_million_goes_to_full_review_and_the_general_managers_approval()
    {
        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);
        var id = await _driver.RegisterAsync("sales", customer, 2_000_000m);
        var goNoGo = await StartReviewAsync(id, "GoNoGo");
        await _driver.Users.SignAllAsync(goNoGo, TenderReviewPolicy.InternalDepartments);
        Assert.True((await ConcludeAsync(goNoGo, "buhead")).Status == HttpStatusCode.Redirect);
        await _driver.PostAsync("sales", id, "Bid", [new("BidAmount", "3000000.00")]);

        var bidReview = await StartReviewAsync(id, "Bid");

        var review = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).SingleAsync(r => r.Id == bidReview));
        Assert.Equal(ReviewSubjectKind.Bid, review.SubjectKind);
        Assert.Equal(ReviewConcluder.GeneralManager, review.Concluder);
        Assert.Equal(ReviewLevel.FullCountersign, review.Level);
        Assert.Equal(TenderReviewPolicy.FullDepartments.Order(), review.Sections.Select(s => s.DepartmentCode).Order());

        // A department head cannot sign another department's section of the tender review.
        var foreign = await _driver.Users.SignAsync(bidReview, "Finance", userName: "quality");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);

        await _driver.Users.SignAllAsync(bidReview, TenderReviewPolicy.FullDepartments);
        Assert.Equal(TenderStatus.BidReview, await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));
        var approved = await _driver.Users.PostOnReviewAsync(bidReview, "gm", "Approve", [new("Password", DemoData.Password), new("Comment", "批准 / approved")]);
        Assert.True(approved.Status == HttpStatusCode.Redirect, approved.ErrorText);
        Assert.Equal(TenderStatus.BidApproved, await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));
    }
}
