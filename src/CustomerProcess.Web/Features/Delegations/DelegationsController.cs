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

public sealed record DelegationRow(DepartmentDelegation Delegation, string DepartmentName, string FromName, string ToName);

public sealed record DelegationsViewModel(
    IReadOnlyList<DelegationRow> Rows,
    IReadOnlyList<SelectListItem> MyDepartments,
    IReadOnlyList<SelectListItem> Users,
    GiveDelegation.Input Input,
    DateOnly Today);

/// <summary>A department head lets a deputy sign the department's review sections for a date range.</summary>
[Authorize]
public sealed class DelegationsController(AppDbContext db, ReviewAccess access, IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(new GiveDelegation.Input { StartsOn = access.Today, EndsOn = access.Today.AddDays(7) }, cancellationToken));

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Index(GiveDelegation.Input input, [FromServices] GiveDelegation.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(input, User, cancellationToken),
                () =>
                {
                    TempData["Message"] = l["The delegation was recorded."].Value;
                    return RedirectToAction(nameof(Index));
                },
                () => RedisplayAsync(input, cancellationToken),
                l);

    [HttpPost]
    public async Task<IActionResult> Revoke(Guid id, [FromServices] RevokeDelegation.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, User, cancellationToken), l["The delegation was revoked."], () => RedirectToAction(nameof(Index)), l);

    /// <summary>The page again with the messages — not to someone naming a department they do not head.</summary>
    private async Task<IActionResult> RedisplayAsync(GiveDelegation.Input input, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(input.DepartmentCode) && !(await HeadedDepartmentsAsync(cancellationToken)).Contains(input.DepartmentCode))
        {
            return Forbid();
        }

        return View(nameof(Index), await ModelAsync(input, cancellationToken));
    }

    private Task<List<string>> HeadedDepartmentsAsync(CancellationToken cancellationToken) =>
        GiveDelegation.Handler.HeadedDepartmentsAsync(db, UserId, cancellationToken);

    private async Task<DelegationsViewModel> ModelAsync(GiveDelegation.Input input, CancellationToken cancellationToken)
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
