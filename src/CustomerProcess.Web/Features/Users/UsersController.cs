using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Users;

/// <summary>User administration: create, roles and department, password reset, deactivate (never delete).</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class UsersController(
    AppDbContext db,
    UserManager<AppUser> users,
    HistoryQuery history,
    EditConflicts conflicts,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.StartsWith(upper) || u.DisplayName.Contains(term));
        }

        var now = clock.GetUtcNow();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var pageOfUsers = await query.OrderBy(u => u.UserName).ToPageAsync(page, cancellationToken);
        var ids = pageOfUsers.Items.Select(u => u.Id).ToList();
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where ids.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
        var rows = pageOfUsers.Items.Select(u => new UserRow(
            u.Id,
            u.UserName!,
            u.DisplayName,
            u.DepartmentId is { } d && departments.TryGetValue(d, out var dept) ? dept.NameFor(Formatting.IsChinese) : null,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.IsActive,
            u.LockoutEnd > now)).ToList();
        var result = new Page<UserRow>(rows, pageOfUsers.PageNumber, pageOfUsers.PageSize, pageOfUsers.CountedTotal);
        return View(new UserIndexViewModel(q, result, PagerModel.For(result, p => Url.Action(nameof(Index), new { q, page = p })!)));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", await FormAsync(null, new CreateUser.Input(), cancellationToken));

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Create(CreateUser.Input input, [FromServices] CreateUser.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayCreateAsync(input, cancellationToken);
        }

        return await this.Respond(
            await handler.HandleAsync(input, cancellationToken),
            userName =>
            {
                TempData["Message"] = l["User {0} was created.", userName].Value;
                return RedirectToAction(nameof(Index));
            },
            () => RedisplayCreateAsync(input, cancellationToken),
            l);
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var roles = await users.GetRolesAsync(user);
        var input = new EditUser.Input
        {
            UserName = user.UserName!,
            DisplayName = user.DisplayName,
            Email = user.Email,
            DepartmentId = user.DepartmentId,
            Roles = [.. roles],
            ConcurrencyStamp = user.ConcurrencyStamp,
            Loaded = EditConflicts.Encode(UserInput.Snapshot(user, roles)),
        };
        return View("Form", await FormAsync(id, input, cancellationToken));
    }

    [HttpPost]
    public Task<IActionResult> Edit(string id, EditUser.Input input, [FromServices] EditUser.Handler handler, CancellationToken cancellationToken) =>
        this.RespondToEdit(() => handler.HandleAsync(id, input, cancellationToken), () => RedisplayEditAsync(id, input, cancellationToken), l);

    [HttpGet]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["UserName"] = user.UserName;
        return View(new ResetUserPassword.Input());
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, ResetUserPassword.Input input, [FromServices] ResetUserPassword.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayResetAsync(id);
        }

        return await this.Respond(
            await handler.HandleAsync(id, input, cancellationToken),
            userName =>
            {
                TempData["Message"] = l["The password of {0} was reset.", userName].Value;
                return RedirectToAction(nameof(Index));
            },
            () => RedisplayResetAsync(id),
            l);
    }

    /// <summary>Asks before deactivating: the user can no longer sign in.</summary>
    [HttpGet]
    public async Task<IActionResult> Deactivate(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null ? NotFound() : View(new DeactivateUserViewModel(user.Id, user.UserName!, user.DisplayName));
    }

    /// <summary>Sets a user active or inactive. The value must be posted explicitly (a missing or invalid one is a
    /// 400 and changes nothing), and a deactivation must be confirmed on the <see cref="Deactivate(string)"/> page.</summary>
    [HttpPost]
    public async Task<IActionResult> SetActive(string id, bool? active, bool confirmed, [FromServices] SetUserActive.Handler handler, CancellationToken cancellationToken)
    {
        if (active is not { } makeActive)
        {
            return BadRequest();
        }

        var result = await handler.HandleAsync(id, makeActive, confirmed, users.GetUserId(User), cancellationToken);
        return await this.Respond(
            result,
            userName =>
            {
                TempData["Message"] = makeActive ? l["User {0} is active again.", userName].Value : l["User {0} was deactivated.", userName].Value;
                return RedirectToAction(nameof(Index));
            },
            async () =>
            {
                if (result.Error == SetUserActive.Handler.OwnAccount)
                {
                    TempData["Message"] = result.Error!.Localize(l);
                    return RedirectToAction(nameof(Index));
                }

                var user = await users.FindByIdAsync(id);
                return user is null ? NotFound() : View(nameof(Deactivate), new DeactivateUserViewModel(user.Id, user.UserName!, user.DisplayName));
            },
            l);
    }

    [HttpGet]
    public async Task<IActionResult> History(string id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var model = await history.ForAsync(
            user.UserName!, Url.Action(nameof(Index))!, [id], page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private async Task<IActionResult> RedisplayCreateAsync(CreateUser.Input input, CancellationToken cancellationToken)
    {
        input.Password = null;
        return View("Form", await FormAsync(null, input, cancellationToken));
    }

    /// <summary>The edit form again, keeping the input; the user name shown is the stored one (it is fixed). When someone
    /// else saved the user after this form was loaded (a refused stale save answers 409 through <see cref="UseCaseResponses"/>),
    /// it also shows what they changed, who and when, and goes on from the current stamp: saving again keeps the input.</summary>
    private async Task<IActionResult> RedisplayEditAsync(string id, EditUser.Input input, CancellationToken cancellationToken)
    {
        var current = await users.FindByIdAsync(id);
        if (current is null)
        {
            return NotFound();
        }

        input.UserName = current.UserName!;
        input.Password = null;
        await conflicts.ShowWhenStaleAsync(
            ViewData, !string.Equals(current.ConcurrencyStamp, input.ConcurrencyStamp, StringComparison.Ordinal), nameof(AppUser), current.Id, input.Loaded,
            async () => UserInput.Snapshot(current, await users.GetRolesAsync(current)), loaded => (input.ConcurrencyStamp, input.Loaded) = (current.ConcurrencyStamp, loaded), cancellationToken);
        return View("Form", await FormAsync(current.Id, input, cancellationToken));
    }

    private async Task<IActionResult> RedisplayResetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["UserName"] = user.UserName;
        return View(new ResetUserPassword.Input());
    }

    private async Task<UserFormViewModel> FormAsync(string? id, UserInput input, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return new UserFormViewModel(
            id,
            input,
            departments.Select(d => new SelectListItem(d.NameFor(Formatting.IsChinese), d.Id.ToString(), d.Id == input.DepartmentId)).ToList());
    }
}
