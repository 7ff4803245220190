using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Tenders;

/// <summary>The tender threshold is a setting — on its own app, so other tests keep the default.</summary>
public sealed class TenderPolicyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly TenderDriver _driver = new(app);

    [Fact]
    public async Task The_administrator_lowers_the_tender_threshold_and_a_new_tender_under_the_old_one_goes_to_full_review()
    {
        var admin = await _driver.As("admin");
        var refused = await admin.SubmitAsync("/Tenders/Policy", [new("FullReviewAmount", "0")]);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("must be above zero", refused.ErrorText, StringComparison.Ordinal);

        var saved = await admin.SubmitAsync("/Tenders/Policy", [new("FullReviewAmount", "1000000")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(1_000_000m, await app.WithDbAsync(db => db.TenderPolicySettings.Select(s => s.FullReviewAmount).SingleAsync()));

        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);
        var id = await _driver.RegisterAsync("sales", customer, 1_500_000m);
        var page = await (await _driver.As("sales")).GetAsync($"/Tenders/Details/{id}");
        Assert.Contains("full review with the general manager's approval", page.Document.QuerySelector("#go-no-go")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _driver.As("sales")).GetAsync("/Tenders/Policy")).Status);
    }
}
