using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Policy;

/// <summary>Review policy settings (thresholds); each change is audited and applies to orders submitted afterwards.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class ReviewPolicyController(AppDbContext db, HistoryQuery history, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var current = (await db.ReviewPolicySettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Thresholds ?? ReviewThresholds.Default;
        return View(new ChangeReviewPolicy.Input { FullReviewAmount = current.FullReviewAmount, ReviewMeetingAmount = current.ReviewMeetingAmount, BillOfLadingAmount = current.BillOfLadingAmount });
    }

    [HttpPost]
    public async Task<IActionResult> Index(ChangeReviewPolicy.Input input, [FromServices] ChangeReviewPolicy.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? View(input)
            : await this.Respond(
                await handler.HandleAsync(input, cancellationToken),
                () =>
                {
                    TempData["Message"] = l["The review policy was saved. Orders submitted from now on use it."].Value;
                    return RedirectToAction(nameof(Index));
                },
                () => Task.FromResult<IActionResult>(View(input)),
                l);

    [HttpGet]
    public async Task<IActionResult> History(int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var ids = await db.ReviewPolicySettings.AsNoTracking().Select(s => s.Id.ToString()).ToListAsync(cancellationToken);
        var model = await history.ForAsync(l["Review policy"], Url.Action(nameof(Index))!, ids, page, filter, p => Url.Action(nameof(History), new { page = p })!, cancellationToken);
        return View("History", model);
    }
}
