using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.ReviewSpine;

[Collection(AppCollection.Name)]
public sealed class ReviewFormPrintTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    [Fact]
    public async Task The_review_form_PDF_has_the_Chinese_and_English_headings_and_every_signer()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));
        await _driver.SignAllAsync(reviewId, ["Sales", "Production"]);
        await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password), new("Comment", "同意接单")]);

        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("salesmanager");
        var response = await client.Http.GetAsync($"/Reviews/{reviewId}/Pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf", "review-form.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("合同评审表", text, StringComparison.Ordinal);
        Assert.Contains("Contract Review Form", text, StringComparison.Ordinal);
        Assert.Contains("各部门评审栏", text, StringComparison.Ordinal);
        Assert.Contains("李经理", text, StringComparison.Ordinal); // sales section and the conclusion
        Assert.Contains("赵生产", text, StringComparison.Ordinal); // production section
        Assert.Contains("同意接单", text, StringComparison.Ordinal);
        Assert.True(bytes.Length < 300_000, $"{bytes.Length:N0} bytes");
    }

    [Fact]
    public async Task The_printable_view_shows_every_section_with_its_signer_in_English()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));
        await _driver.SignAllAsync(reviewId, ["Production"]);

        var page = await (await _driver.As("salesmanager")).GetAsync($"/Reviews/{reviewId}/Print");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("#print-sections tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Production", StringComparison.Ordinal) && r.Contains("Zhao", StringComparison.Ordinal) && r.Contains("Accept", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Sales", StringComparison.Ordinal) && r.Contains("Pending", StringComparison.Ordinal));
        Assert.Null(page.Document.QuerySelector("header.top")); // no navigation on paper
    }
}
