using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Delegations;

public sealed class DelegationInput
{
    public string DepartmentCode { get; set; } = "";

    public string ToUserId { get; set; } = "";

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? Note { get; set; }
}

public sealed class DelegationInputValidator : AbstractValidator<DelegationInput>
{
    public DelegationInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.DepartmentCode).NotEmpty().WithMessage(_ => l["Choose the department."]).MaxLength(Department.CodeLength, l);
        RuleFor(x => x.ToUserId).NotEmpty().WithMessage(_ => l["Choose the deputy."]).MaxLength(InputLimits.UserIdLength, l);
        RuleFor(x => x.StartsOn).NotNull().WithMessage(_ => l["Enter the first day."]).InSaneWindow(clock, l);
        RuleFor(x => x.EndsOn).NotNull().WithMessage(_ => l["Enter the last day."]).InSaneWindow(clock, l);
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null && x.EndsOn is not null)
            .WithMessage(_ => l["The end date must not be before the start date."]);
        RuleFor(x => x.Note).MaximumLength(DepartmentDelegation.NoteLength).WithMessage(_ => l["The note is too long."]);
    }
}

public sealed record DelegationRow(DepartmentDelegation Delegation, string DepartmentName, string FromName, string ToName);

public sealed record DelegationsViewModel(
    IReadOnlyList<DelegationRow> Rows,
    IReadOnlyList<SelectListItem> MyDepartments,
    IReadOnlyList<SelectListItem> Users,
    DelegationInput Input,
    DateOnly Today);

/// <summary>A department head lets a deputy sign the department's review sections for a date range.</summary>
[Authorize]
public sealed class DelegationsController(AppDbContext db, ReviewAccess access, IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(new DelegationInput { StartsOn = access.Today, EndsOn = access.Today.AddDays(7) }, cancellationToken));

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Index(DelegationInput input, CancellationToken cancellationToken)
    {
        var headed = await HeadedDepartmentsAsync(cancellationToken);
        if (!string.IsNullOrEmpty(input.DepartmentCode) && !headed.Contains(input.DepartmentCode))
        {
            return Forbid();
        }

        if (ModelState.IsValid && input.ToUserId == UserId)
        {
            ModelState.AddModelError(nameof(input.ToUserId), l["Choose someone other than yourself."]);
        }

        if (ModelState.IsValid && !await db.Users.AnyAsync(u => u.Id == input.ToUserId && u.IsActive, cancellationToken))
        {
            ModelState.AddModelError(nameof(input.ToUserId), l["Choose the deputy."]);
        }

        if (!ModelState.IsValid)
        {
            return View(await ModelAsync(input, cancellationToken));
        }

        db.DepartmentDelegations.Add(new DepartmentDelegation(input.DepartmentCode, UserId, input.ToUserId, input.StartsOn!.Value, input.EndsOn!.Value, input.Note?.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["The delegation was recorded."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken)
    {
        var delegation = await db.DepartmentDelegations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delegation is null)
        {
            return NotFound();
        }

        if (delegation.FromUserId != UserId)
        {
            return Forbid();
        }

        delegation.Revoke();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["The delegation was revoked."].Value;
        return RedirectToAction(nameof(Index));
    }

    private Task<List<string>> HeadedDepartmentsAsync(CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().Where(d => d.HeadUserId == UserId && d.IsActive).Select(d => d.Code).ToListAsync(cancellationToken);

    private async Task<DelegationsViewModel> ModelAsync(DelegationInput input, CancellationToken cancellationToken)
    {
        var chinese = Formatting.IsChinese;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => chinese ? d.NameZh : d.NameEn, cancellationToken);
        var headed = await HeadedDepartmentsAsync(cancellationToken);
        var delegations = await db.DepartmentDelegations.AsNoTracking()
            .Where(d => d.FromUserId == UserId || d.ToUserId == UserId)
            .OrderByDescending(d => d.StartsOn)
            .Take(200)
            .ToListAsync(cancellationToken);
        var userIds = delegations.SelectMany(d => new[] { d.FromUserId, d.ToUserId }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Id != UserId).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.UserName + ")", u.Id)).ToListAsync(cancellationToken);
        return new DelegationsViewModel(
            delegations.Select(d => new DelegationRow(d, departments.GetValueOrDefault(d.DepartmentCode, d.DepartmentCode), names.GetValueOrDefault(d.FromUserId, "?"), names.GetValueOrDefault(d.ToUserId, "?"))).ToList(),
            headed.Select(code => new SelectListItem(departments.GetValueOrDefault(code, code), code)).ToList(),
            users,
            input,
            access.Today);
    }
}
