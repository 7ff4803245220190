using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Policy;

public sealed class ThresholdsInput
{
    public decimal FullReviewAmount { get; set; }

    public decimal ReviewMeetingAmount { get; set; }

    public decimal BillOfLadingAmount { get; set; }
}

public sealed class ThresholdsInputValidator : AbstractValidator<ThresholdsInput>
{
    public ThresholdsInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.FullReviewAmount).GreaterThan(0).WithMessage(_ => l["The full-review threshold must be above zero."]);
        RuleFor(x => x.ReviewMeetingAmount).GreaterThan(x => x.FullReviewAmount).WithMessage(_ => l["The review-meeting threshold must be above the full-review threshold."]);
        RuleFor(x => x.BillOfLadingAmount).GreaterThanOrEqualTo(0).WithMessage(_ => l["The bill-of-lading threshold cannot be negative."]);
        RuleFor(x => x.ReviewMeetingAmount).LessThan(1_000_000_000_000m).WithMessage(_ => l["The amount is too large."]);
    }
}

/// <summary>Review policy settings (thresholds); each change is audited and applies to orders submitted afterwards.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class ReviewPolicyController(AppDbContext db, HistoryQuery history, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var current = (await db.ReviewPolicySettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Thresholds ?? ReviewThresholds.Default;
        return View(new ThresholdsInput { FullReviewAmount = current.FullReviewAmount, ReviewMeetingAmount = current.ReviewMeetingAmount, BillOfLadingAmount = current.BillOfLadingAmount });
    }

    [HttpPost]
    public async Task<IActionResult> Index(ThresholdsInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var thresholds = new ReviewThresholds(input.FullReviewAmount, input.ReviewMeetingAmount, input.BillOfLadingAmount);
        var setting = await db.ReviewPolicySettings.FirstOrDefaultAsync(cancellationToken);
        if (setting is null)
        {
            if (!thresholds.IsValid)
            {
                ModelState.AddDomainError(ReviewPolicySetting.Invalid, l);
                return View(input);
            }

            db.ReviewPolicySettings.Add(new ReviewPolicySetting(thresholds));
        }
        else
        {
            var changed = setting.Change(thresholds);
            if (!changed.Succeeded)
            {
                ModelState.AddDomainError(changed.Error!, l);
                return View(input);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["The review policy was saved. Orders submitted from now on use it."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> History(int? page, CancellationToken cancellationToken)
    {
        var ids = await db.ReviewPolicySettings.AsNoTracking().Select(s => s.Id.ToString()).ToListAsync(cancellationToken);
        var model = await history.ForAsync(l["Review policy"], Url.Action(nameof(Index))!, ids, page, p => Url.Action(nameof(History), new { page = p })!, cancellationToken);
        return View("History", model);
    }
}
