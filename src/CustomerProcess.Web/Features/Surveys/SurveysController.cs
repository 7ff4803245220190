using System.Globalization;
using System.Text;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Surveys;

public sealed record CampaignRow(SurveyCampaign Campaign, int Invited, int Responses);

public sealed record InvitationRow(Guid CustomerId, string CustomerName, DateTime ExpiresAtUtc, DateTime? UsedAtUtc);

public sealed record CampaignDetailsViewModel(SurveyCampaign Campaign, IReadOnlyList<InvitationRow> Invitations, IReadOnlyList<(SurveyResponse Response, string CustomerName)> Responses, IReadOnlyDictionary<string, string> NewLinks);

public sealed record SurveyAnalysisViewModel(
    IReadOnlyDictionary<SurveyDimension, decimal?> Averages,
    IReadOnlyList<(string Period, decimal? Average)> Trend,
    IReadOnlyList<GroupScores<string>> ByQuarter,
    IReadOnlyList<GroupScores<string>> ByCustomer,
    IReadOnlyList<int> Distribution,
    IReadOnlyList<(SurveyResponse Response, string CustomerName, string Period)> LowScores);

public sealed record GroupTable(string Id, string KeyTitle, IReadOnlyList<GroupScores<string>> Groups);

public sealed record SurveyIndexViewModel(IReadOnlyList<CampaignRow> Campaigns, string CurrentQuarter, bool CurrentQuarterHasCampaign);

/// <summary>Customer satisfaction surveys (docs/process.md §9): quarterly campaigns, responses, analysis.</summary>
[Authorize(Roles = Roles.QualityStaff + "," + Roles.QualityHead + "," + Roles.Sales + "," + Roles.SalesManager + "," + Roles.GeneralManager)]
public sealed class SurveysController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.SurveyCampaigns.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Quarter).ThenByDescending(c => c.OpenedAtUtc).Take(100)
            .Select(c => new CampaignRow(c, db.SurveyInvitations.Count(i => i.CampaignId == c.Id), db.SurveyResponses.Count(r => r.CampaignId == c.Id)))
            .ToListAsync(cancellationToken);
        // Surveys go out at least once a quarter (docs/process.md §9): say so when this quarter has none yet.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, Formatting.DisplayZone));
        var quarter = SurveyAnalysis.QuarterOf(today);
        var hasCampaign = await db.SurveyCampaigns.AnyAsync(c => c.Year == today.Year && c.Quarter == quarter, cancellationToken);
        return View(new SurveyIndexViewModel(rows, $"{today.Year}Q{quarter}", hasCampaign));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone);
        ViewData["Customers"] = await ActiveCustomersAsync(cancellationToken);
        return View(new OpenSurveyCampaign.Input { Year = local.Year, Quarter = ((local.Month - 1) / 3) + 1, Name = l["Satisfaction survey"] + $" {local.Year}Q{((local.Month - 1) / 3) + 1}" });
    }

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Create(OpenSurveyCampaign.Input input, [FromServices] OpenSurveyCampaign.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayCreateAsync(input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(input, User, cancellationToken),
                opened =>
                {
                    // The tokens are shown once, now; only their hashes are stored.
                    TempData["SurveyLinks"] = System.Text.Json.JsonSerializer.Serialize(opened.Tokens);
                    return RedirectToAction(nameof(Details), new { id = opened.CampaignId });
                },
                () => RedisplayCreateAsync(input, cancellationToken),
                l);

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.SurveyCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        var invitations = await (from i in db.SurveyInvitations.AsNoTracking()
                                 join c in db.Customers on i.CustomerId equals c.Id
                                 where i.CampaignId == id
                                 orderby c.Code
                                 select new InvitationRow(i.CustomerId, c.Name, i.ExpiresAtUtc, i.UsedAtUtc)).ToListAsync(cancellationToken);
        var responses = await (from r in db.SurveyResponses.AsNoTracking()
                               join c in db.Customers on r.CustomerId equals c.Id
                               where r.CampaignId == id
                               orderby r.SubmittedAtUtc
                               select new { r, c.Name }).ToListAsync(cancellationToken);
        var links = TempData["SurveyLinks"] is string json
            ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.ToDictionary(kv => kv.Key, kv => Url.Action("Show", "PublicSurvey", new { token = kv.Value }, Request.Scheme)!)
            : new Dictionary<string, string>();
        return View(new CampaignDetailsViewModel(campaign, invitations, responses.Select(x => (x.r, x.Name)).ToList(), links));
    }

    /// <summary>The campaign's questionnaire, blank, to print for the customers who answer on paper.</summary>
    [HttpGet]
    public async Task<IActionResult> Questionnaire(Guid id, CancellationToken cancellationToken) =>
        await db.SurveyCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } campaign
            ? View(new QuestionnaireViewModel(campaign, null, null))
            : NotFound();

    [HttpGet]
    public async Task<IActionResult> QuestionnairePdf(Guid id, [FromServices] IPdfRenderer pdf, [FromServices] IConfiguration configuration, CancellationToken cancellationToken) =>
        await db.SurveyCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } campaign
            ? File(pdf.Render(SurveyQuestionnaire.Build(new QuestionnaireViewModel(campaign, null, null), l, configuration)), "application/pdf", $"questionnaire-{campaign.Period}.pdf")
            : NotFound();

    /// <summary>One response as the filled questionnaire (the id is the response's).</summary>
    [HttpGet]
    public async Task<IActionResult> Answered(Guid id, CancellationToken cancellationToken) =>
        await AnsweredAsync(id, cancellationToken) is { } model ? View(nameof(Questionnaire), model) : NotFound();

    [HttpGet]
    public async Task<IActionResult> AnsweredPdf(Guid id, [FromServices] IPdfRenderer pdf, [FromServices] IConfiguration configuration, CancellationToken cancellationToken) =>
        await AnsweredAsync(id, cancellationToken) is { } model
            ? File(pdf.Render(SurveyQuestionnaire.Build(model, l, configuration)), "application/pdf", $"questionnaire-{model.Campaign.Period}.pdf")
            : NotFound();

    private async Task<QuestionnaireViewModel?> AnsweredAsync(Guid responseId, CancellationToken cancellationToken)
    {
        var response = await db.SurveyResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null)
        {
            return null;
        }

        var campaign = await db.SurveyCampaigns.AsNoTracking().FirstAsync(c => c.Id == response.CampaignId, cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == response.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        return new QuestionnaireViewModel(campaign, response, customer);
    }

    /// <summary>Staff enter a response from a returned paper form.</summary>
    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Respond(Guid id, RecordPaperResponse.Input input, [FromServices] RecordPaperResponse.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Refused(RedirectToAction(nameof(Details), new { id }))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The response was recorded."], () => RedirectToAction(nameof(Details), new { id }), l);

    [HttpPost]
    public async Task<IActionResult> FollowUp(Guid responseId, RecordFollowUp.Input input, [FromServices] RecordFollowUp.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Refused(RedirectToAction(nameof(Analysis)))
            : await this.RespondByRedirect(await handler.HandleAsync(responseId, input, User, cancellationToken), l["The follow-up was saved."], () => RedirectToAction(nameof(Analysis)), l);

    [HttpGet]
    public async Task<IActionResult> Analysis(CancellationToken cancellationToken) => View(await AnalyseAsync(cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var rows = await (from r in db.SurveyResponses.AsNoTracking()
                          join c in db.Customers on r.CustomerId equals c.Id
                          join k in db.SurveyCampaigns on r.CampaignId equals k.Id
                          orderby k.Year, k.Quarter, c.Code
                          select new { Period = k.Year + "Q" + k.Quarter, c.Code, c.Name, r }).ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', new[] { l["Quarter"].Value, l["Code"].Value, l["Customer"].Value }.Concat(Enum.GetNames<SurveyDimension>().Select(d => l["Dimension." + d].Value)).Append(l["Comments"].Value).Append(l["Follow-up"].Value).Select(x => SpreadsheetText.CsvField(x))));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', new[] { row.Period, row.Code, row.Name }.Concat(Enum.GetValues<SurveyDimension>().Select(d => row.r.Scores[d].ToString(CultureInfo.InvariantCulture))).Append(row.r.Comments).Append(row.r.FollowUpAction).Select(SpreadsheetText.CsvField)));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "satisfaction.csv");
    }

    /// <summary>The analysis as CSV: average per dimension per quarter and per customer.</summary>
    [HttpGet]
    public async Task<IActionResult> SummaryCsv(CancellationToken cancellationToken)
    {
        var model = await AnalyseAsync(cancellationToken);
        var dimensions = Enum.GetValues<SurveyDimension>();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', new[] { l["Breakdown"].Value, l["Group"].Value, l["Responses"].Value }
            .Concat(dimensions.Select(d => l["Dimension." + d].Value)).Append(l["Overall"].Value).Append(l["With a low score"].Value).Select(x => SpreadsheetText.CsvField(x))));
        foreach (var (title, groups) in new[] { (l["Per quarter"].Value, model.ByQuarter), (l["Per customer"].Value, model.ByCustomer) })
        {
            foreach (var g in groups)
            {
                csv.AppendLine(string.Join(',', new[] { title, g.Key, g.Responses.ToString(CultureInfo.InvariantCulture) }
                    .Concat(dimensions.Select(d => g.Averages[d]?.ToString("0.00", CultureInfo.InvariantCulture) ?? ""))
                    .Append(g.Overall.ToString("0.00", CultureInfo.InvariantCulture)).Append(g.WithLowScore.ToString(CultureInfo.InvariantCulture)).Select(SpreadsheetText.CsvField)));
            }
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "satisfaction-summary.csv");
    }

    private async Task<SurveyAnalysisViewModel> AnalyseAsync(CancellationToken cancellationToken)
    {
        var data = await (from r in db.SurveyResponses.AsNoTracking()
                          join c in db.Customers on r.CustomerId equals c.Id
                          join k in db.SurveyCampaigns on r.CampaignId equals k.Id
                          select new { r, c.Name, k.Year, k.Quarter }).ToListAsync(cancellationToken);
        var responses = data.Select(x => x.r).ToList();
        var byQuarter = SurveyAnalysis.By(data.OrderBy(x => x.Year).ThenBy(x => x.Quarter).Select(x => ($"{x.Year}Q{x.Quarter}", x.r)));
        var byCustomer = SurveyAnalysis.By(data.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => (x.Name, x.r)));
        var trend = byQuarter.Select(g => (g.Key, (decimal?)g.Overall)).ToList();
        var low = data.Where(x => x.r.HasLowScore).OrderByDescending(x => x.r.SubmittedAtUtc).Select(x => (x.r, x.Name, $"{x.Year}Q{x.Quarter}")).ToList();
        return new SurveyAnalysisViewModel(SurveyAnalysis.Averages(responses), trend, byQuarter, byCustomer, SurveyAnalysis.Distribution(responses), low);
    }

    private async Task<IActionResult> RedisplayCreateAsync(OpenSurveyCampaign.Input input, CancellationToken cancellationToken)
    {
        ViewData["Customers"] = await ActiveCustomersAsync(cancellationToken);
        return View(nameof(Create), input);
    }

    /// <summary>A small form on a list page that failed validation: back there with the first message.</summary>
    private IActionResult Refused(IActionResult back)
    {
        TempData["Error"] = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).First();
        return back;
    }

    private Task<List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem>> ActiveCustomersAsync(CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.Status == CustomerStatus.Active && c.Class != CustomerClass.Competitor).OrderBy(c => c.Code).Take(500)
            .Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Code + " " + c.Name, c.Id.ToString())).ToListAsync(cancellationToken);
}
