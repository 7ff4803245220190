using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Users;

/// <summary>The administrator creates an account with its roles, department and initial password, in one transaction.</summary>
public static class CreateUser
{
    public sealed class Input : UserInput;

    public sealed class Validator : UserInputValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
            : base(l)
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Enter a user name."])
                .Matches("^[A-Za-z0-9._@+-]+$").WithMessage(_ => l["The user name may contain only letters, digits and - . _ @ +"]);
            RuleFor(x => x.Password).Must(PasswordPolicy.IsAcceptable)
                .WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : IUseCase
    {
        public async Task<Result<string>> HandleAsync(Input input, CancellationToken cancellationToken)
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
            var result = await IdentityWrites.InTransactionAsync(db, async () =>
            {
                var created = await users.CreateAsync(user, input.Password!);
                return created.Succeeded ? await users.AddToRolesAsync(user, input.Roles.Distinct()) : created;
            }, cancellationToken);
            return result.Succeeded ? Result<string>.Success(user.UserName) : IdentityWrites.RefusedBy(result);
        }
    }
}
