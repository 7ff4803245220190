using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Setup;

public sealed class SetupInput
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class SetupInputValidator : AbstractValidator<SetupInput>
{
    public SetupInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Enter a user name."]).MaximumLength(64);
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => l["Enter a display name."]).MaximumLength(AppUser.DisplayNameLength);
        RuleFor(x => x.Password).Must(PasswordPolicy.IsAcceptable)
            .WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => l["The two passwords do not match."])
            .MaxLength(PasswordPolicy.MaximumLength, l);
    }
}

/// <summary>One-time creation of the first administrator when no user exists (Production).</summary>
[AllowAnonymous]
public sealed class SetupController(
    SetupGate gate,
    AppDbContext db,
    UserManager<AppUser> users,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await gate.IsOpenAsync(db, cancellationToken) ? View(new SetupInput()) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Index(SetupInput input, CancellationToken cancellationToken)
    {
        if (!await gate.IsOpenAsync(db, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        IdentityResult? failure = null;
        var created = await gate.RunOnceAsync(db, async () =>
        {
            var it = await db.Departments.FirstOrDefaultAsync(d => d.Code == "IT", cancellationToken);
            var admin = new AppUser
            {
                UserName = input.UserName.Trim(),
                DisplayName = input.DisplayName.Trim(),
                DepartmentId = it?.Id,
                CreatedAtUtc = DateTime.UtcNow,
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(admin, input.Password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(admin, Roles.Administrator);
            }

            failure = result.Succeeded ? null : result;
            return result.Succeeded;
        }, cancellationToken);

        if (!created)
        {
            if (failure is null)
            {
                return NotFound();
            }

            foreach (var error in failure.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return View(input);
        }

        TempData["Message"] = l["The administrator account was created. Please sign in."].Value;
        return Redirect("/Account/Login");
    }
}
