using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Surveys;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.PublicSurvey;

public sealed record PublicSurveyViewModel(string Token, string CustomerName, string CampaignName, ScoresInput Input, string? Error);

/// <summary>
/// The customer's personal survey link: no account, an unguessable token (only its hash is stored),
/// works once, expires, shows only that survey. Unknown, used and expired tokens all get the same 404.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(CustomerProcessSetup.SurveyRateLimitPolicy)]
public sealed class PublicSurveyController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/s/{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, cancellationToken);
        return found is null ? NotFound() : View("Show", new PublicSurveyViewModel(token, found.Value.Customer, found.Value.Campaign, new ScoresInput(), null));
    }

    [HttpPost("/s/{token}")]
    public async Task<IActionResult> Submit(string token, ScoresInput input, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (invitation, customer, campaign) = found.Value;
        var valid = SurveyResponse.Validate(input.Scores);
        if (!valid.Succeeded || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", new PublicSurveyViewModel(token, customer, campaign, input, valid.Succeeded ? l["The comments are too long."] : valid.Error!.Localize(l)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!invitation.MarkUsed(now).Succeeded)
        {
            return NotFound();
        }

        db.SurveyResponses.Add(new SurveyResponse(invitation.CampaignId, invitation.CustomerId, ResponseSource.CustomerLink, input.Scores,
            string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments.Trim(), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return NotFound(); // the same link was submitted twice at once: the first one counts
        }

        return View("Thanks");
    }

    private async Task<(SurveyInvitation Invitation, string Customer, string Campaign)?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = SurveyInvitation.Hash(token);
        var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsUsable(clock.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == invitation.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == invitation.CampaignId).Select(c => c.Name).FirstAsync(cancellationToken);
        return (invitation, customer, campaign);
    }
}
