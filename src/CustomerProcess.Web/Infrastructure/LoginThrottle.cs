using System.Threading.RateLimiting;
using CustomerProcess.Domain.Security;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Per-user-name limit on login attempts (the per-address limit is the "login" rate-limit policy).
/// Slows guessing against one account from many addresses, on top of the lockout.
/// </summary>
public sealed class LoginThrottle(Microsoft.Extensions.Options.IOptions<LoginLimits> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        name => RateLimitPartition.GetFixedWindowLimiter(
            name,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.Value.PerUserNamePerMinute,
                Window = PasswordPolicy.LoginWindow,
                QueueLimit = 0,
            }),
        StringComparer.OrdinalIgnoreCase);

    public bool TryAcquire(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Login rate limits ("Security:LoginLimits"); defaults from <see cref="PasswordPolicy"/>.</summary>
public sealed class LoginLimits
{
    public int PerUserNamePerMinute { get; set; } = PasswordPolicy.LoginAttemptsPerNamePerWindow;

    public int PerAddressPerMinute { get; set; } = PasswordPolicy.LoginAttemptsPerAddressPerWindow;
}
