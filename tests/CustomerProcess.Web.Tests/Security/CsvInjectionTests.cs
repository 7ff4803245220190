using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Finding 5 of issue #21: text from customers (survey comments, customer names) reached the CSV and
/// Excel exports unchanged, so a cell such as <c>=HYPERLINK(…)</c> ran as a formula when the file was opened.</summary>
[Collection(AppCollection.Name)]
public sealed class CsvInjectionTests(AppFactory app)
{
    private const string Hostile = "=HYPERLINK(\"http://evil.example/\",\"click\")";

    private readonly TrackingDriver _driver = new(app);

    private async Task<string> HostileCustomerAsync(string name)
    {
        var code = "CSV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = new Customer(code, name, CustomerClass.Regular, null);
        customer.UpdateDetails(name, null, null, null, null, 30, null);
        customer.ApplyConfirmedFinanceTerms(new FinanceTerms(null, null, 1_000_000m, CreditRating.A));
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return code;
    }

    [Fact]
    public async Task A_survey_comment_starting_with_an_equals_sign_is_exported_as_text()
    {
        var code = await HostileCustomerAsync("Survey customer " + Guid.NewGuid().ToString("N")[..6]);
        var customerId = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
        var quality = await _driver.As("quality");
        var created = await quality.SubmitAsync("/Surveys/Create", [new("Name", "CSV " + code), new("Year", "2026"), new("Quarter", "4"), new("CustomerIds", customerId.ToString())]);
        var link = new Uri((await quality.FollowAsync(created)).Document.QuerySelector("code.survey-link")!.TextContent).PathAndQuery;
        using var customer = app.CreateBrowserClient();
        var comment = "@SUM(1+1)*cmd|' /C calc'!A0 " + code;
        await customer.SubmitAsync(link, [new("Quality", "1"), new("Delivery", "3"), new("Service", "3"), new("Price", "3"), new("Communication", "3"), new("Comments", comment)]);

        var csv = await quality.Http.GetStringAsync("/Surveys/Csv");

        var line = csv.Split('\n').Single(l => l.Contains(code, StringComparison.Ordinal));
        Assert.Contains(",'" + comment, line, StringComparison.Ordinal);
        Assert.DoesNotContain(",@SUM", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("@")]
    [InlineData("\t")]
    [InlineData("\r")]
    public async Task A_customer_name_starting_with_a_formula_character_is_exported_as_text_by_the_complaint_analysis(string start)
    {
        var name = start + "cmd|' /C calc'!A0 " + Guid.NewGuid().ToString("N")[..6];
        var code = await HostileCustomerAsync(name);
        var qstaff = await _driver.As("qstaff");
        var complaint = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", code), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Minor"), new("Description", "Scratches"), new("ReceivedAt", "2026-11-23T08:30")]);
        Assert.Equal(HttpStatusCode.Redirect, complaint.Status);
        var quality = await _driver.As("quality");

        var csv = await quality.Http.GetStringAsync("/ComplaintAnalysis/Csv?from=2026-11-01&to=2026-11-30");

        Assert.Contains("'" + name, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("," + name, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"" + name, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_name_starting_with_an_equals_sign_is_exported_as_text_by_the_ledger_workbook()
    {
        var name = Hostile + " " + Guid.NewGuid().ToString("N")[..6];
        var code = await HostileCustomerAsync(name);
        await _driver.SignedContractAsync(code, CustomerClass.Regular, quantity: 1, unitPrice: 1_000m);
        var contracts = await _driver.As("contracts");

        using var response = await contracts.Http.GetAsync($"/Ledger/Export?q={code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Skip(1));
        Assert.Contains("'" + name, row.Values.Select(v => v?.ToString()));
        Assert.DoesNotContain(name, row.Values.Select(v => v?.ToString()));
    }
}
