using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tenders;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.Archive;

/// <summary>Issue #16 item 1 beyond orders: a contract change's review and a tender's reviews keep the customer's class,
/// credit rating and credit limit at submission too, and show them; a tendering party that is not a customer says so.</summary>
[Collection(AppCollection.Name)]
public sealed class ChangeAndTenderCustomerAtSubmissionTests(AppFactory app)
{
    private readonly TrackingDriver _tracking = new(app);
    private readonly TenderDriver _tenders = new(app);

    private Task ChangeCustomerAsync(string code) =>
        app.WithDbAsync(db => db.Customers.Where(c => c.Code == code).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Class, CustomerClass.Partner)
            .SetProperty(c => c.CreditRating, CreditRating.C)
            .SetProperty(c => c.CreditLimit, 5_000m)));

    private static void AssertHeaderShowsSubmission(BrowserLikeClient.Page page, string className)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var header = page.Document.QuerySelector("#review-header")!.TextContent;
        Assert.Contains("Class at submission", header, StringComparison.Ordinal);
        Assert.Contains(className, header, StringComparison.Ordinal);
        Assert.Contains("1,000,000.00", header, StringComparison.Ordinal);
        Assert.DoesNotContain("5,000.00", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contract_change_review_keeps_and_shows_the_customer_at_submission()
    {
        var customer = await _tracking.Reviews.CustomerAsync(CustomerClass.Regular); // credit A, limit 1,000,000
        var contract = await _tracking.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await _tracking.RequestChangeAsync(contract, ChangeKind.Specification, specification: "DN100 PN25 316L");
        Assert.Equal(HttpStatusCode.Redirect, (await _tracking.DecideChangeAsync(changeId, "Accept")).Status);
        var reviewId = (await _tracking.ChangeAsync(changeId)).ReviewId!.Value;

        var stored = await app.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal(ReviewSubjectKind.ContractChange, stored.SubjectKind);
        Assert.Equal(CustomerClass.Regular, stored.CustomerClassAtSubmission);
        Assert.Equal(CreditRating.A, stored.CreditRatingAtSubmission);
        Assert.Equal(1_000_000m, stored.CreditLimitAtSubmission);

        await ChangeCustomerAsync(customer);
        var manager = await _tracking.As("salesmanager");
        foreach (var path in new[] { $"/Reviews/{reviewId}", $"/Reviews/{reviewId}/Print" })
        {
            AssertHeaderShowsSubmission(await manager.GetAsync(path), "Regular customer");
        }
    }

    [Fact]
    public async Task Both_tender_reviews_keep_and_show_the_tendering_party_at_submission()
    {
        var customer = await _tenders.Users.CustomerAsync(CustomerClass.Regular);
        var tenderId = await _tenders.RegisterAsync("sales", customer, 500_000m);
        var started = await _tenders.PostAsync("sales", tenderId, "StartReview", [new("Stage", "GoNoGo")]);
        Assert.True(started.Status == HttpStatusCode.Redirect, started.ErrorText);
        var reviewId = Guid.Parse(started.Location!.Split('/').Last());

        var stored = await app.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal(ReviewSubjectKind.TenderInvitation, stored.SubjectKind);
        Assert.Equal(CustomerClass.Regular, stored.CustomerClassAtSubmission);
        Assert.Equal(CreditRating.A, stored.CreditRatingAtSubmission);
        Assert.Equal(1_000_000m, stored.CreditLimitAtSubmission);

        await ChangeCustomerAsync(customer);
        var sales = await _tenders.As("sales");
        AssertHeaderShowsSubmission(await sales.GetAsync($"/Reviews/{reviewId}/Print"), "Regular customer");

        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("salesmanager");
        var response = await client.Http.GetAsync($"/Reviews/{reviewId}/Pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("提交评审时的客户类别", text, StringComparison.Ordinal);
        Assert.Contains("老客户", text, StringComparison.Ordinal);
        Assert.Contains("1,000,000.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tendering_party_that_is_not_a_customer_is_shown_as_not_a_customer_record()
    {
        var institute = await _tenders.Users.CustomerAsync(CustomerClass.Institute);
        var tenderId = await _tenders.RegisterAsync("salesmanager", institute, 500_000m);
        var started = await _tenders.PostAsync("salesmanager", tenderId, "StartReview", [new("Stage", "GoNoGo")]);
        Assert.True(started.Status == HttpStatusCode.Redirect, started.ErrorText);
        var reviewId = Guid.Parse(started.Location!.Split('/').Last());

        Assert.Equal(CustomerClass.Institute, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.CustomerClassAtSubmission).SingleAsync()));
        var page = await (await _tenders.As("salesmanager")).GetAsync($"/Reviews/{reviewId}");
        var row = page.Document.QuerySelector("#review-customer-at-submission")!.TextContent;
        Assert.Contains("Cooperating institute", row, StringComparison.Ordinal);
        Assert.Contains("not a customer record", row, StringComparison.Ordinal);
    }
}
