using System.Diagnostics;
using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Tenders;

/// <summary>The tender's two paper forms, printed and as PDF in both languages: the go/no-go review form
/// (投标决策评审表) with the clarifications and the decision, the bid review form (投标评审表) with the bid amount and
/// the level with its reasons. The PDF is read back with pdftotext, as a reader's tool would.</summary>
[Collection(AppCollection.Name)]
public sealed class TenderReviewFormPdfTests(AppFactory app)
{
    private readonly TenderDriver _driver = new(app);

    private sealed record Reviewed(string TenderNumber, Guid GoNoGo, Guid Bid);

    private async Task<Reviewed> ReviewedTenderAsync()
    {
        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);
        var id = await _driver.RegisterAsync("sales", customer, 2_000_000m);
        await _driver.PostAsync("sales", id, "Ask", [new("Question", "现场交货吗 Delivery on site?")]);
        var clarification = await app.WithDbAsync(db => db.TenderClarifications.AsNoTracking().SingleAsync(c => c.TenderId == id));
        var goNoGo = await StartReviewAsync(id, "GoNoGo");
        await _driver.Users.SignAllAsync(goNoGo, TenderReviewPolicy.InternalDepartments);
        await _driver.PostAsync("sales", id, "Answer", [new("ClarificationId", clarification.Id.ToString()), new("Answer", "现场交货 On site"), new("Evidence", "Fax"), new("EvidenceReference", "FAX-2026-77")]);
        var concluded = await _driver.Users.PostOnReviewAsync(goNoGo, "buhead", "Conclude", [new("Password", DemoData.Password), new("Comment", "同意投标 go ahead")]);
        Assert.True(concluded.Status == HttpStatusCode.Redirect, concluded.ErrorText);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PostAsync("sales", id, "Bid", [new("BidAmount", "2468000.00")])).Status);
        var bid = await StartReviewAsync(id, "Bid");
        await _driver.Users.SignAllAsync(bid, TenderReviewPolicy.InternalDepartments);
        var bidConcluded = await _driver.Users.PostOnReviewAsync(bid, "buhead", "Conclude", [new("Password", DemoData.Password), new("Comment", "报价可行 price is sound")]);
        Assert.True(bidConcluded.Status == HttpStatusCode.Redirect, bidConcluded.ErrorText);
        var number = await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Number).SingleAsync());
        return new(number, goNoGo, bid);
    }

    private async Task<Guid> StartReviewAsync(Guid tenderId, string stage)
    {
        var started = await _driver.PostAsync("sales", tenderId, "StartReview", [new("Stage", stage)]);
        Assert.True(started.Status == HttpStatusCode.Redirect, started.ErrorText);
        return Guid.Parse(started.Location!.Split('/').Last());
    }

    private Task<List<string>> SignersAsync(Guid reviewId) =>
        app.WithDbAsync(db => db.ReviewSignatures.Where(s => s.ReviewId == reviewId && s.InvalidatedAtUtc == null).Select(s => s.SignerName).Distinct().ToListAsync());

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The PDF's text as pdftotext reads it, without white space (wrapped lines join without a separator).</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tender-form-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return Compact(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<(string Print, string Pdf)> FormAsync(string culture, Guid reviewId)
    {
        using var client = app.CreateBrowserClient(culture);
        await client.SignInAsync("sales");
        var print = await client.GetAsync($"/Reviews/{reviewId}/Print");
        Assert.Equal(HttpStatusCode.OK, print.Status);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Reviews/{reviewId}/Pdf");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return (Compact(print.Document.QuerySelector("h1.form-title")!.TextContent) + "|" + Compact(print.Document.Body!.TextContent), await PdfTextAsync(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("zh-CN", "投标决策评审表", "投标评审表", "一般合同评审")]
    [InlineData("en", "Tender go/no-go review form", "Bid review form", "Simplified review")]
    public async Task The_go_no_go_and_bid_review_forms_print_and_render_as_PDF_under_their_titles_with_the_number_and_the_signers(
        string culture, string goNoGoTitle, string bidTitle, string level)
    {
        var reviewed = await ReviewedTenderAsync();

        var (goNoGoPrint, goNoGoPdf) = await FormAsync(culture, reviewed.GoNoGo);
        var (bidPrint, bidPdf) = await FormAsync(culture, reviewed.Bid);

        Assert.StartsWith(Compact(goNoGoTitle), goNoGoPrint, StringComparison.Ordinal);
        Assert.StartsWith(Compact(bidTitle), bidPrint, StringComparison.Ordinal);
        foreach (var text in new[] { goNoGoPrint, goNoGoPdf })
        {
            Assert.Contains(Compact(goNoGoTitle), text, StringComparison.Ordinal);
            Assert.Contains(reviewed.TenderNumber, text, StringComparison.Ordinal);
            Assert.All(await SignersAsync(reviewed.GoNoGo), name => Assert.Contains(Compact(name), text, StringComparison.Ordinal));
            Assert.Contains("王厂长", text, StringComparison.Ordinal); // the business-unit head's decision
            Assert.Contains(Compact("同意投标 go ahead"), text, StringComparison.Ordinal);
            Assert.Contains(Compact("现场交货吗 Delivery on site?"), text, StringComparison.Ordinal);
            Assert.Contains(Compact("现场交货 On site"), text, StringComparison.Ordinal);
            Assert.Contains("FAX-2026-77", text, StringComparison.Ordinal);
        }

        foreach (var text in new[] { bidPrint, bidPdf })
        {
            Assert.Contains(Compact(bidTitle), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Compact(goNoGoTitle), text, StringComparison.Ordinal);
            Assert.Contains(reviewed.TenderNumber, text, StringComparison.Ordinal);
            Assert.All(await SignersAsync(reviewed.Bid), name => Assert.Contains(Compact(name), text, StringComparison.Ordinal));
            Assert.Contains("2,468,000.00", text, StringComparison.Ordinal);
            Assert.Contains(Compact(level), text, StringComparison.Ordinal);
            Assert.Contains(Compact("报价可行 price is sound"), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_tender_reviews_form_shows_the_tender_threshold_and_not_a_meeting_amount()
    {
        var reviewed = await ReviewedTenderAsync();

        using var client = app.CreateBrowserClient("en");
        await client.SignInAsync("sales");
        var print = await client.GetAsync($"/Reviews/{reviewed.Bid}/Print");

        var thresholds = print.Document.QuerySelector("#review-thresholds")!.TextContent;
        Assert.Contains("3,000,000.00", thresholds, StringComparison.Ordinal);
        Assert.DoesNotContain("30,000,000", print.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("review meeting", thresholds, StringComparison.OrdinalIgnoreCase);
    }
}
