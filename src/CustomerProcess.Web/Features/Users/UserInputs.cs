using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Users;

/// <summary>The account form as it posts; creating (<c>CreateUser</c>) and editing (<c>EditUser</c>) post the same.</summary>
public abstract class UserInput
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

/// <summary>The rules of <see cref="UserInput"/> (creating also requires the user name and the password).</summary>
public abstract class UserInputValidator<T> : AbstractValidator<T>
    where T : UserInput
{
    protected UserInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Loaded).MaxLength(EditConflicts.EncodedLength, l);
        RuleFor(x => x.ConcurrencyStamp).MaxLength(InputLimits.StampLength, l);
        RuleFor(x => x.UserName).MaximumLength(64).WithMessage(_ => l["The user name is too long."]);
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => l["Enter a display name."])
            .MaximumLength(AppUser.DisplayNameLength).WithMessage(_ => l["The display name is too long."]);
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(_ => l["Enter a valid e-mail address."]);
        RuleForEach(x => x.Roles).Must(Roles.IsKnown).WithMessage(_ => l["Unknown role."]);
        RuleFor(x => x.Roles).NotEmpty().WithMessage(_ => l["Choose at least one role."]);
        RuleFor(x => x.Password).MaxLength(PasswordPolicy.MaximumLength, l);
    }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Department, IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut);

public sealed record DeactivateUserViewModel(string Id, string UserName, string DisplayName);

public sealed record UserIndexViewModel(string? Query, Page<UserRow> Page, PagerModel Pager);

public sealed record UserFormViewModel(string? Id, UserInput Input, IReadOnlyList<SelectListItem> Departments);
