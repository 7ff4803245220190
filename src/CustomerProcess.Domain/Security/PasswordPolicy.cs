namespace CustomerProcess.Domain.Security;

/// <summary>
/// Sign-in policy: long passwords without composition rules (NIST SP 800-63B style),
/// lockout after repeated failures, and per-name / per-address rate limits.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Login attempts allowed per user name, and per client address, in one window.</summary>
    public const int LoginAttemptsPerNamePerWindow = 10;
    public const int LoginAttemptsPerAddressPerWindow = 30;
    public static readonly TimeSpan LoginWindow = TimeSpan.FromMinutes(1);

    public static bool IsAcceptable(string? password) =>
        password is not null && password.Length >= MinimumLength && password.Length <= MaximumLength;

    /// <summary>True when this failure (counted from 1) locks the account.</summary>
    public static bool LocksOutAfter(int failedAttempts) => failedAttempts >= MaxFailedAttempts;
}
