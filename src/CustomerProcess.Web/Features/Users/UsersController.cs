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
        View("Form", await FormAsync(null, new UserInput(), cancellationToken));

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Create(UserInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError(nameof(input.Password), l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
        }

        if (ModelState.IsValid)
        {
            var user = new AppUser
            {
                UserName = input.UserName.Trim(),
                DisplayName = input.DisplayName.Trim(),
                Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
                DepartmentId = input.DepartmentId,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var result = await InTransactionAsync(async () =>
            {
                var created = await users.CreateAsync(user, input.Password!);
                return created.Succeeded ? await users.AddToRolesAsync(user, input.Roles.Distinct()) : created;
            }, cancellationToken);

            if (result.Succeeded)
            {
                TempData["Message"] = l["User {0} was created.", user.UserName].Value;
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
        }

        input.Password = null;
        return View("Form", await FormAsync(null, input, cancellationToken));
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
        var input = new UserInput
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
    public async Task<IActionResult> Edit(string id, UserInput input, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        input.UserName = user.UserName!;
        ModelState.Remove(nameof(input.UserName)); // fixed after creation; a posted value is ignored
        input.Password = null;
        if (ModelState.IsValid && !string.Equals(input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return await StaleAsync(user, input, cancellationToken);
        }

        if (ModelState.IsValid)
        {
            user.DisplayName = input.DisplayName.Trim();
            user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
            user.DepartmentId = input.DepartmentId;
            var wanted = input.Roles.Distinct().ToList();
            var result = await InTransactionAsync(async () =>
            {
                var current = await users.GetRolesAsync(user);
                var step = await users.UpdateAsync(user);
                if (step.Succeeded)
                {
                    step = await users.RemoveFromRolesAsync(user, current.Except(wanted));
                }

                return step.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : step;
            }, cancellationToken);

            if (result.Succeeded)
            {
                TempData["Message"] = l["The changes were saved."].Value;
                return RedirectToAction(nameof(Index));
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                db.ChangeTracker.Clear();
                var current = await users.FindByIdAsync(id);
                return current is null ? NotFound() : await StaleAsync(current, input, cancellationToken);
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
        }

        return View("Form", await FormAsync(id, input, cancellationToken));
    }

    /// <summary>Someone else saved the user after this form was loaded: show their change, keep the input,
    /// and let the next save go against the current stamp.</summary>
    private async Task<IActionResult> StaleAsync(AppUser current, UserInput input, CancellationToken cancellationToken)
    {
        var snapshot = UserInput.Snapshot(current, await users.GetRolesAsync(current)).ToList();
        ViewData["Conflict"] = await conflicts.DescribeAsync(nameof(AppUser), current.Id, input.Loaded, snapshot, cancellationToken);
        input.ConcurrencyStamp = current.ConcurrencyStamp;
        input.Loaded = EditConflicts.Encode(snapshot);
        return View("Form", await FormAsync(current.Id, input, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["UserName"] = user.UserName;
        return View(new ResetPasswordInput());
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordInput input)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            user.MustChangePassword = true; // the user chooses a new one at the next sign-in (docs/adr/0029)
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, input.NewPassword);
            if (result.Succeeded)
            {
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                TempData["Message"] = l["The password of {0} was reset.", user.UserName!].Value;
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
        }

        ViewData["UserName"] = user.UserName;
        return View(new ResetPasswordInput());
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
    public async Task<IActionResult> SetActive(string id, bool? active, bool confirmed)
    {
        if (active is not { } makeActive)
        {
            return BadRequest();
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!makeActive && !confirmed)
        {
            ModelState.AddModelError("Confirmed", l["Tick the box to confirm the deactivation."]);
            return View(nameof(Deactivate), new DeactivateUserViewModel(user.Id, user.UserName!, user.DisplayName));
        }

        if (!makeActive && user.Id == users.GetUserId(User))
        {
            TempData["Message"] = l["You cannot deactivate your own account."].Value;
            return RedirectToAction(nameof(Index));
        }

        user.IsActive = makeActive;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user); // ends the user's sessions
        TempData["Message"] = makeActive ? l["User {0} is active again.", user.UserName!].Value : l["User {0} was deactivated.", user.UserName!].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> History(string id, int? page, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var model = await history.ForAsync(
            user.UserName!, Url.Action(nameof(Index))!, [id], page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    /// <summary>Several Identity writes as one transaction. Runs inside the provider's execution strategy:
    /// SQL Server's retrying strategy refuses a transaction opened outside it.</summary>
    private Task<IdentityResult> InTransactionAsync(Func<Task<IdentityResult>> operation, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null
            ? operation() // already inside the create form's transaction (IdempotentCreation), which commits or rolls back
            : db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await operation();
            if (result.Succeeded)
            {
                await tx.CommitAsync(cancellationToken);
            }
            else
            {
                await tx.RollbackAsync(cancellationToken);
            }

            return result;
        });

    private async Task<UserFormViewModel> FormAsync(string? id, UserInput input, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return new UserFormViewModel(
            id,
            input,
            departments.Select(d => new SelectListItem(d.NameFor(Formatting.IsChinese), d.Id.ToString(), d.Id == input.DepartmentId)).ToList());
    }
}
