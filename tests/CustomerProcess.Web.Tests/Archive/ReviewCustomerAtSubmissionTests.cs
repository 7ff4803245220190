using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.Archive;

/// <summary>Issue #16 item 1: the review form and its PDF show the class, credit rating and credit limit the rules used
/// at submission, not the customer's values of today.</summary>
[Collection(AppCollection.Name)]
public sealed class ReviewCustomerAtSubmissionTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    private async Task<(Guid ReviewId, Guid CustomerId)> SubmitThenChangeCustomerAsync()
    {
        var code = await _driver.CustomerAsync(CustomerClass.New); // credit A, limit 1,000,000
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(code, 10, 15_000m));
        var customerId = await app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Code == code);
            Assert.True(customer.ChangeClass(CustomerClass.Regular).Succeeded);
            customer.ApplyConfirmedFinanceTerms(new FinanceTerms(null, null, 5_000m, CreditRating.C));
            await db.SaveChangesAsync();
            return customer.Id;
        });
        return (reviewId, customerId);
    }

    [Fact]
    public async Task The_review_form_and_print_view_show_the_class_and_credit_at_submission_after_the_customer_changed()
    {
        var (reviewId, _) = await SubmitThenChangeCustomerAsync();

        var stored = await app.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal(CustomerClass.New, stored.CustomerClassAtSubmission);
        Assert.Equal(CreditRating.A, stored.CreditRatingAtSubmission);
        Assert.Equal(1_000_000m, stored.CreditLimitAtSubmission);

        var sales = await _driver.As("salesmanager");
        foreach (var path in new[] { $"/Reviews/{reviewId}", $"/Reviews/{reviewId}/Print" })
        {
            var page = await sales.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var header = page.Document.QuerySelector("#review-header")!.TextContent;
            Assert.Contains("Class at submission", header, StringComparison.Ordinal);
            Assert.Contains("New customer", header, StringComparison.Ordinal);
            Assert.DoesNotContain("Regular customer", header, StringComparison.Ordinal);
            Assert.Contains("1,000,000.00", header, StringComparison.Ordinal);
            Assert.DoesNotContain("5,000.00", header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_review_PDF_shows_the_class_and_credit_at_submission_in_Chinese()
    {
        var (reviewId, _) = await SubmitThenChangeCustomerAsync();
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("salesmanager");

        var response = await client.Http.GetAsync($"/Reviews/{reviewId}/Pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf", "review-customer-at-submission.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("提交评审时的客户类别", text, StringComparison.Ordinal);
        Assert.Contains("新客户", text, StringComparison.Ordinal);
        Assert.DoesNotContain("老客户", text, StringComparison.Ordinal);
        Assert.Contains("提交评审时的信用额度", text, StringComparison.Ordinal);
        Assert.Contains("1,000,000.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_opened_before_the_values_were_kept_shows_not_recorded()
    {
        var (reviewId, _) = await SubmitThenChangeCustomerAsync();
        await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CustomerClassAtSubmission, (CustomerClass?)null)
            .SetProperty(r => r.CreditRatingAtSubmission, (CreditRating?)null)
            .SetProperty(r => r.CreditLimitAtSubmission, (decimal?)null)));

        var page = await (await _driver.As("salesmanager")).GetAsync($"/Reviews/{reviewId}");

        var header = page.Document.QuerySelector("#review-header")!.TextContent;
        Assert.Contains("not recorded", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Regular customer", header, StringComparison.Ordinal);
    }
}
