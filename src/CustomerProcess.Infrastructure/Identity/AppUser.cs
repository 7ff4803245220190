using Microsoft.AspNetCore.Identity;

namespace CustomerProcess.Infrastructure.Identity;

/// <summary>A person who signs in. Users are deactivated, never deleted.</summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameLength = 100;

    public string DisplayName { get; set; } = "";

    public Guid? DepartmentId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set when an administrator resets the password: the user chooses a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
