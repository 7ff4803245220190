using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Setup;

/// <summary>One-time creation of the first administrator while no user exists (Production), alone under the
/// <see cref="SetupGate"/>: a second attempt, or one after any user exists, finds the setup closed.</summary>
public static class CreateFirstAdministrator
{
    public sealed class Input
    {
        public string UserName { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string Password { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Enter a user name."]).MaximumLength(64);
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => l["Enter a display name."]).MaximumLength(AppUser.DisplayNameLength);
            RuleFor(x => x.Password).Must(PasswordPolicy.IsAcceptable)
                .WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => l["The two passwords do not match."])
                .MaxLength(PasswordPolicy.MaximumLength, l);
        }
    }

    public sealed class Handler(SetupGate gate, AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError Closed = DomainError.NotFound("setup.closed", "The setup is closed: a user exists.");

        public static readonly DomainError Refused = new("setup.refused", "The account could not be created: {0}");

        /// <summary>Whether the setup is still open (a read; the setup page is 404 once it is closed).</summary>
        public Task<bool> IsOpenAsync(CancellationToken cancellationToken) => gate.IsOpenAsync(db, cancellationToken);

        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            IdentityResult? failure = null;
            var created = await gate.RunOnceAsync(db, async () =>
            {
                var it = await db.Departments.FirstOrDefaultAsync(d => d.Code == "IT", cancellationToken);
                var admin = new AppUser
                {
                    UserName = input.UserName.Trim(),
                    DisplayName = input.DisplayName.Trim(),
                    DepartmentId = it?.Id,
                    CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
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

            return created ? Result.Success()
                : failure is null ? Closed
                : Refused.With(string.Join(" ", failure.Errors.Select(e => e.Description)));
        }
    }
}
