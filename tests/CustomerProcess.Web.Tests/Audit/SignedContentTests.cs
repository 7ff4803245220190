using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.Audit;

/// <summary>Issue #18 item 4 (docs/process.md §11, ADR 0032): each signature and decision stores the hash of the content
/// it signed; the form shows the signed version and says plainly when the content differs today; the PDF prints it.</summary>
[Collection(AppCollection.Name)]
public sealed class SignedContentTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    private async Task<string> CurrentHashAsync(Guid reviewId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerProcess.Infrastructure.Persistence.AppDbContext>();
        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId);
        var view = await scope.ServiceProvider.GetRequiredService<ReviewSubjects>().For(review.SubjectKind).ViewAsync(review.SubjectId, default);
        return SignedContent.HashOf(view!);
    }

    [Fact]
    public async Task Signatures_and_the_conclusion_store_the_hash_of_the_order_as_signed_and_the_form_and_PDF_show_it()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));
        await _driver.SignAllAsync(reviewId, ["Sales", "Production"]);
        var concluded = await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password), new("Comment", "同意接单")]);
        Assert.Equal(HttpStatusCode.Redirect, concluded.Status);

        var hash = await CurrentHashAsync(reviewId);
        var signatures = await app.WithDbAsync(db => db.ReviewSignatures.AsNoTracking().Where(s => s.ReviewId == reviewId).ToListAsync());
        Assert.Equal(3, signatures.Count);
        Assert.All(signatures, s => Assert.Equal(hash, s.ContentHash));

        var page = await _driver.ReviewPageAsync(reviewId);
        var versions = page.Document.QuerySelectorAll(".signed-version").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(3, versions.Count);
        Assert.All(versions, v => Assert.Equal("signed version " + hash[..12], v));
        Assert.Empty(page.Document.QuerySelectorAll(".content-changed"));

        using var client = app.CreateBrowserClient("en");
        await client.SignInAsync("salesmanager");
        var bytes = await client.Http.GetByteArrayAsync($"/Reviews/{reviewId}/Pdf");
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(hash[..12], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_signed_reviews_content_marks_its_signatures_as_not_matching()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));
        await _driver.SignAllAsync(reviewId, ["Production"]);
        var signedHash = await CurrentHashAsync(reviewId);

        // The order's line is edited without the review knowing (as a database edit would).
        var orderId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.SubjectId).SingleAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"OrderLines\" SET \"Specification\" = {"DN100 PN25"} WHERE \"OrderId\" = {orderId}"));

        var today = await CurrentHashAsync(reviewId);
        Assert.NotEqual(signedHash, today);
        var stored = await app.WithDbAsync(db => db.ReviewSignatures.Where(s => s.ReviewId == reviewId).Select(s => s.ContentHash).SingleAsync());
        Assert.Equal(signedHash, stored);

        var page = await _driver.ReviewPageAsync(reviewId);
        var changed = page.Document.QuerySelector("#section-Production .signed-version.content-changed");
        Assert.NotNull(changed);
        Assert.Contains("the content has changed since it was signed", changed.TextContent, StringComparison.Ordinal);
        Assert.Contains(signedHash[..12], changed.TextContent, StringComparison.Ordinal);

        var print = await (await _driver.As("salesmanager")).GetAsync($"/Reviews/{reviewId}/Print");
        Assert.Contains("the content has changed since it was signed", print.Document.QuerySelector("#print-sections")!.TextContent, StringComparison.Ordinal);
    }
}
