using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Per-user-name limit on login attempts (the per-address limit is the "login" rate-limit policy, counted per
/// instance). Slows guessing against one account from many addresses, on top of the lockout. The count lives in
/// the database (<see cref="LoginAttemptWindow"/>, fixed windows of <see cref="PasswordPolicy.LoginWindow"/>), so
/// several instances on one database share one limit: each attempt is one conditional, atomic UPDATE
/// (docs/adr/0022-several-instances-share-state-through-the-database.md).
/// </summary>
public sealed class LoginThrottle(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<LoginLimits> limits)
{
    public async Task<bool> TryAcquireAsync(string userName, CancellationToken cancellationToken = default)
    {
        var key = userName.Trim().ToUpperInvariant();
        key = key.Length > InputLimits.UserNameLength ? key[..InputLimits.UserNameLength] : key;
        var now = clock.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - (now.Ticks % PasswordPolicy.LoginWindow.Ticks), DateTimeKind.Utc);
        var limit = limits.Value.PerUserNamePerMinute;
        var rows = db.LoginAttemptWindows;

        for (var attempt = 0; attempt < 5; attempt++)
        {
            // This window, below the limit: count the attempt.
            if (await rows.Where(w => w.NameKey == key && w.WindowStartUtc == window && w.Count < limit)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Count, w => w.Count + 1), cancellationToken) == 1)
            {
                return true;
            }

            // An older window: the first attempt of the new one starts it (of racing instances only one matches).
            if (await rows.Where(w => w.NameKey == key && w.WindowStartUtc < window)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.WindowStartUtc, window).SetProperty(w => w.Count, 1), cancellationToken) == 1)
            {
                return limit > 0;
            }

            if (await rows.AnyAsync(w => w.NameKey == key, cancellationToken))
            {
                return false; // this window's limit is reached
            }

            await rows.Where(w => w.WindowStartUtc < window - PasswordPolicy.LoginWindow).ExecuteDeleteAsync(cancellationToken);
            rows.Add(new LoginAttemptWindow(key, window, 1));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return limit > 0;
            }
            catch (DbUpdateException)
            {
                // Another request or instance inserted the name first: count against its row.
                db.ChangeTracker.Clear();
            }
        }

        return false;
    }
}

/// <summary>Login rate limits ("Security:LoginLimits"); defaults from <see cref="PasswordPolicy"/>.</summary>
public sealed class LoginLimits
{
    public int PerUserNamePerMinute { get; set; } = PasswordPolicy.LoginAttemptsPerNamePerWindow;

    public int PerAddressPerMinute { get; set; } = PasswordPolicy.LoginAttemptsPerAddressPerWindow;
}
