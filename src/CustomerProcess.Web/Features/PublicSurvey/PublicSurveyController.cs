using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.PublicSurvey;

public sealed record PublicSurveyViewModel(string Token, string CustomerName, string CampaignName, SubmitSurvey.Input Input, string? Error);

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
        var found = await SurveyLinks.FindAsync(db, clock, token, cancellationToken);
        return found is null ? NotFound() : View("Show", new PublicSurveyViewModel(token, found.Value.Customer, found.Value.Campaign, new SubmitSurvey.Input(), null));
    }

    [HttpPost("/s/{token}")]
    public async Task<IActionResult> Submit(string token, SubmitSurvey.Input input, [FromServices] SubmitSurvey.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await RedisplayAsync(token, input, cancellationToken);
        }

        return await this.Respond(await handler.HandleAsync(token, input, cancellationToken), () => View("Thanks"), () => RedisplayAsync(token, input, cancellationToken), l);
    }

    /// <summary>The survey again with the first message (422 is set by the caller or by UseCaseResponses).</summary>
    private async Task<IActionResult> RedisplayAsync(string token, SubmitSurvey.Input input, CancellationToken cancellationToken)
    {
        var found = await SurveyLinks.FindAsync(db, clock, token, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
        return View("Show", new PublicSurveyViewModel(token, found.Value.Customer, found.Value.Campaign, input, error));
    }
}
