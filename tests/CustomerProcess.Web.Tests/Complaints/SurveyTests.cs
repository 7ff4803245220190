using System.Net;
using System.Text.RegularExpressions;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Complaints;

[Collection(AppCollection.Name)]
public sealed partial class SurveyTests(AppFactory app)
{
    private readonly ReviewDriver _users = new(app);

    private async Task<(Guid CampaignId, string Link)> OpenCampaignAsync()
    {
        var customerId = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == "C-0001").Select(c => c.Id).SingleAsync());
        var quality = await _users.As("quality");
        var created = await quality.SubmitAsync("/Surveys/Create", [new("Name", "2026Q4 满意度"), new("Year", "2026"), new("Quarter", "4"), new("CustomerIds", customerId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var details = await quality.FollowAsync(created);
        var link = details.Document.QuerySelector("code.survey-link")!.TextContent;
        return (Guid.Parse(created.Location!.Split('/').Last()), new Uri(link).PathAndQuery);
    }

    [Fact]
    public async Task A_survey_link_works_once_and_a_guessed_or_reused_token_gets_the_same_404()
    {
        var (campaignId, link) = await OpenCampaignAsync();
        Assert.Matches(SurveyLink(), link);
        using var customer = app.CreateBrowserClient("zh-CN");

        var form = await customer.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("上海东方机械有限公司", form.Document.QuerySelector("#survey-customer")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.Document.QuerySelector("header.top")); // no navigation into the app

        var sent = await customer.SubmitAsync(link, [new("Quality", "5"), new("Delivery", "2"), new("Service", "4"), new("Price", "3"), new("Communication", "5"), new("Comments", "交货晚了两周")]);
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.NotNull(sent.Document.QuerySelector("#survey-thanks"));
        var response = await app.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.CampaignId == campaignId));
        Assert.Equal(2, response.Delivery);
        Assert.Equal(ResponseSource.CustomerLink, response.Source);

        var reused = await customer.GetAsync(link);
        var guessed = await customer.GetAsync("/s/" + new string('A', 43));
        var garbage = await customer.GetAsync("/s/x");
        Assert.Equal(HttpStatusCode.NotFound, reused.Status);
        Assert.Equal(HttpStatusCode.NotFound, guessed.Status);
        Assert.Equal(HttpStatusCode.NotFound, garbage.Status);
        Assert.Equal(StripIds(reused.Html), StripIds(guessed.Html));
        Assert.DoesNotContain("上海东方机械", reused.Html, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.CampaignId == campaignId)));
    }

    [Fact]
    public async Task Out_of_range_scores_are_refused_and_the_link_stays_usable()
    {
        var (campaignId, link) = await OpenCampaignAsync();
        using var customer = app.CreateBrowserClient();

        var bad = await customer.SubmitAsync(link, [new("Quality", "9"), new("Delivery", "2"), new("Service", "4"), new("Price", "3"), new("Communication", "5")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Contains("between 1 and 5", bad.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(link)).Status);
        Assert.False(await app.WithDbAsync(db => db.SurveyResponses.AnyAsync(r => r.CampaignId == campaignId)));
    }

    [Fact]
    public async Task The_analysis_shows_averages_and_lists_low_scores_for_follow_up()
    {
        var (_, link) = await OpenCampaignAsync();
        using var customer = app.CreateBrowserClient();
        await customer.SubmitAsync(link, [new("Quality", "1"), new("Delivery", "3"), new("Service", "3"), new("Price", "3"), new("Communication", "3"), new("Comments", "Leaks again")]);

        var quality = await _users.As("quality");
        var analysis = await quality.GetAsync("/Surveys/Analysis");
        Assert.NotNull(analysis.Document.QuerySelector("svg#averages"));
        Assert.Contains("Leaks again", analysis.Document.QuerySelector("#low-scores")!.TextContent, StringComparison.Ordinal);

        var csv = await quality.Http.GetStringAsync("/Surveys/Csv");
        Assert.Contains("Leaks again", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sales_staff_enter_a_returned_paper_form()
    {
        var (campaignId, _) = await OpenCampaignAsync();
        var customerId = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == "C-0001").Select(c => c.Id).SingleAsync());
        var sales = await _users.As("sales");

        var saved = await sales.SubmitAsync($"/Surveys/Details/{campaignId}",
            [new("CustomerId", customerId.ToString()), new("Quality", "4"), new("Delivery", "4"), new("Service", "5"), new("Price", "3"), new("Communication", "4")],
            $"/Surveys/Respond/{campaignId}");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.True(await app.WithDbAsync(db => db.SurveyResponses.AnyAsync(r => r.CampaignId == campaignId && r.Source == ResponseSource.PaperForm)));
    }

    private static string StripIds(string html) => CorrelationId().Replace(html, "");

    [GeneratedRegex(@"^/s/[A-Za-z0-9_-]{43}$")]
    private static partial Regex SurveyLink();

    [GeneratedRegex(@"<code id=""correlation-id"">[^<]*</code>|name=""__RequestVerificationToken"" type=""hidden"" value=""[^""]*""|value=""/s/[^""]*""")]
    private static partial Regex CorrelationId();
}
