using System.Net;
using System.Text;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Web.Features.Dashboards;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Dashboards;

/// <summary>Issue #17 item 4: the management-review dashboard's numbers are the records' numbers, in the page, the CSV,
/// the Excel file and the print view; only the general manager and the quality head open it.</summary>
public sealed class ManagementReviewTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_dashboard_is_kept_across_saves_of_what_it_does_not_read_and_read_again_after_what_it_does()
    {
        using var scope = app.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<ManagementReviewQuery>();
        var first = await query.LoadAsync(ReviewPeriodKind.Month, null, CancellationToken.None);
        Assert.Same(first, await query.LoadAsync(ReviewPeriodKind.Month, null, CancellationToken.None));

        // A notification, as the reminder sweep saves them: the dashboard does not read notifications.
        var gmId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "gm").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db =>
        {
            db.Notifications.Add(Notification.Create(gmId, NotificationKind.SectionAwaitingSignature, "kept", "/", DateTime.UtcNow));
            return db.SaveChangesAsync();
        }));
        Assert.Same(first, await query.LoadAsync(ReviewPeriodKind.Month, null, CancellationToken.None));

        // A department renamed and named back: department names are on the dashboard.
        foreach (var suffix in new[] { " *", "" })
        {
            Assert.Equal(1, await app.WithDbAsync(async db =>
            {
                var quality = await db.Departments.SingleAsync(d => d.Code == "Quality");
                quality.Rename(quality.NameZh.TrimEnd(' ', '*') + suffix, quality.NameEn.TrimEnd(' ', '*') + suffix);
                return await db.SaveChangesAsync();
            }));
        }

        Assert.NotSame(first, await query.LoadAsync(ReviewPeriodKind.Month, null, CancellationToken.None));
    }

    [Fact]
    public async Task The_dashboard_shows_the_months_figures_of_known_records_and_exports_them()
    {
        var tracking = new TrackingDriver(app);
        var qstaff = await tracking.As("qstaff");
        // Two complaints received in November 2026: one answered within 72 h, one past its 72 h and not answered.
        var late = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", "Late"), new("ReceivedAt", "2026-11-19T09:00")]);
        var fresh = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", "Fresh"), new("ReceivedAt", "2026-11-23T08:00")]);
        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        var freshId = fresh.Location!.Split('/').Last();
        var token = await qstaff.TokenFromAsync($"/Complaints/Details/{freshId}");
        Assert.Equal(HttpStatusCode.Redirect, (await qstaff.PostAsync($"/Complaints/Answer/{freshId}", [new("Text", "Replaced"), new("Channel", "Phone"), new("AnsweredAt", "2026-11-23T08:30")], token)).Status);
        // One order reviewed in full, approved by the GM the same (fake) day and signed.
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.New);
        await tracking.SignedContractAsync(code, CustomerClass.New);

        var gm = await tracking.As("gm");
        var page = await gm.GetAsync("/Dashboards/ManagementReview");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("50", Cell(page, "chart-answered-table", "2026-11", 1));
        Assert.Equal("–", Cell(page, "chart-answered-table", "2026-10", 1));
        Assert.Equal("0", Cell(page, "chart-cycle-table", "2026-11", 1));
        Assert.NotNull(page.Document.QuerySelector("svg#chart-answered title"));
        Assert.Contains("2026-11: 50", page.Document.QuerySelector("svg#chart-answered circle title")!.TextContent, StringComparison.Ordinal);

        var quarters = await gm.GetAsync("/Dashboards/ManagementReview?period=Quarter");
        Assert.Equal("50", Cell(quarters, "chart-answered-table", "2026 Q4", 1));

        var csv = await EnglishAsync(gm, "/Dashboards/Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("Complaints answered within 72 h (%),Answered in time,2026-11,50", text, StringComparison.Ordinal);
        var excel = await EnglishAsync(gm, "/Dashboards/Excel");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        var print = await gm.GetAsync("/Dashboards/Print");
        Assert.Equal(HttpStatusCode.OK, print.Status);
        Assert.Equal("50", Cell(print, "chart-answered-table", "2026-11", 1));

        var quality = await (await tracking.As("quality")).GetAsync("/Dashboards/ManagementReview");
        Assert.Equal(HttpStatusCode.OK, quality.Status);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("qstaff")]
    [InlineData("salesmanager")]
    public async Task Other_roles_are_refused_the_management_review_and_its_exports(string userName)
    {
        var client = await new ReviewDriver(app).As(userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Dashboards/ManagementReview")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/Dashboards/Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/Dashboards/Excel")).StatusCode);
    }

    private static async Task<HttpResponseMessage> EnglishAsync(BrowserLikeClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("en");
        return await client.Http.SendAsync(request);
    }

    private static string Cell(BrowserLikeClient.Page page, string tableId, string period, int column) =>
        page.Document.QuerySelectorAll($"#{tableId} tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == period)
            .QuerySelectorAll("th, td")[column].TextContent.Trim();
}
