using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Users;

public sealed class UserInput
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public Guid? DepartmentId { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>Initial password, on create only.</summary>
    public string? Password { get; set; }

    /// <summary>Identity's concurrency stamp when the edit form was loaded: a save against a newer one is refused.</summary>
    public string? ConcurrencyStamp { get; set; }

    /// <summary>The values the edit form was loaded with.</summary>
    public string? Loaded { get; set; }

    public static IEnumerable<FieldValue> Snapshot(AppUser user, IEnumerable<string> roles) =>
    [
        new("DisplayName", "Display name", user.DisplayName),
        new("Email", "E-mail", user.Email),
        new("DepartmentId", "Department", user.DepartmentId?.ToString()),
        new("Roles", "Roles", string.Join(", ", roles.Order(StringComparer.Ordinal))),
        new("IsActive", "Status", user.IsActive ? "Active" : "Inactive"),
    ];
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Loaded).MaxLength(EditConflicts.EncodedLength, l);
        RuleFor(x => x.ConcurrencyStamp).MaxLength(InputLimits.StampLength, l);
        RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Enter a user name."])
            .MaximumLength(64).WithMessage(_ => l["The user name is too long."])
            .Matches("^[A-Za-z0-9._@+-]+$").WithMessage(_ => l["The user name may contain only letters, digits and - . _ @ +"]);
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => l["Enter a display name."])
            .MaximumLength(AppUser.DisplayNameLength).WithMessage(_ => l["The display name is too long."]);
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(_ => l["Enter a valid e-mail address."]);
        RuleForEach(x => x.Roles).Must(Roles.IsKnown).WithMessage(_ => l["Unknown role."]);
        RuleFor(x => x.Roles).NotEmpty().WithMessage(_ => l["Choose at least one role."]);
        RuleFor(x => x.Password).Must(PasswordPolicy.IsAcceptable).When(x => x.Password is not null)
            .WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
    }
}

public sealed class ResetPasswordInput
{
    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.NewPassword).Must(PasswordPolicy.IsAcceptable)
            .WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["The two passwords do not match."])
            .MaxLength(PasswordPolicy.MaximumLength, l);
    }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Department, IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut);

public sealed record DeactivateUserViewModel(string Id, string UserName, string DisplayName);

public sealed record UserIndexViewModel(string? Query, Page<UserRow> Page, PagerModel Pager);

public sealed record UserFormViewModel(string? Id, UserInput Input, IReadOnlyList<SelectListItem> Departments);
