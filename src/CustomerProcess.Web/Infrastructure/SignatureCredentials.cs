using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CustomerProcess.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CustomerProcess.Web.Infrastructure;

public enum CredentialCheck
{
    Verified,
    WrongPassword,
    LockedOut,
}

/// <summary>
/// The password a signer re-enters for an electronic signature (review sections, GM decisions).
/// It obeys the same lockout as sign-in: a locked-out user cannot sign, and each wrong password
/// counts towards the lockout. A password verified with the full PBKDF2 hash is remembered for
/// <see cref="SignatureCredentialCache.Lifetime"/> (docs/adr/0007-signature-password-check.md), so a
/// head signing a queue of reviews pays the hash once, not on every signature. The checks of one
/// user run one at a time (<see cref="UserLocks"/>): parallel wrong passwords each see the count the
/// last one wrote, so no more than the lockout's attempts are ever checked (issue #21, finding 9).
/// </summary>
public sealed class SignatureCredentials(UserManager<AppUser> users, SignatureCredentialCache cache, UserLocks locks)
{
    public async Task<(CredentialCheck Check, AppUser? User)> VerifyAsync(string userId, string? password)
    {
        using (await locks.AcquireAsync(userId))
        {
            return await VerifyAloneAsync(userId, password);
        }
    }

    private async Task<(CredentialCheck Check, AppUser? User)> VerifyAloneAsync(string userId, string? password)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive || string.IsNullOrEmpty(password))
        {
            if (user is not null)
            {
                await users.AccessFailedAsync(user);
            }

            return (CredentialCheck.WrongPassword, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            cache.Forget(user.Id);
            return (CredentialCheck.LockedOut, null);
        }

        if (cache.Matches(user, password))
        {
            return (CredentialCheck.Verified, user);
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            if (user.AccessFailedCount > 0)
            {
                await users.ResetAccessFailedCountAsync(user);
            }

            cache.Remember(user, password);
            return (CredentialCheck.Verified, user);
        }

        cache.Forget(user.Id);
        await users.AccessFailedAsync(user);
        return (await users.IsLockedOutAsync(user) ? CredentialCheck.LockedOut : CredentialCheck.WrongPassword, null);
    }
}

/// <summary>
/// Remembers, per user and for a fixed time after a full password check, a keyed HMAC-SHA256 of
/// (user id, security stamp, stored password hash, password) under a random key that lives only in
/// this process. A later signature with the same password matches it in microseconds; any other
/// password, a changed password or security stamp, or the end of the lifetime falls back to the full
/// check. Nothing is written anywhere; a restart forgets every entry.
/// </summary>
public sealed class SignatureCredentialCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool Matches(AppUser user, string password)
    {
        if (!_entries.TryGetValue(user.Id, out var entry))
        {
            return false;
        }

        if (entry.ExpiresAt <= time.GetUtcNow())
        {
            _entries.TryRemove(KeyValuePair.Create(user.Id, entry));
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(entry.Mac, Mac(user, password));
    }

    public void Remember(AppUser user, string password) =>
        _entries[user.Id] = new Entry(Mac(user, password), time.GetUtcNow() + Lifetime);

    public void Forget(string userId) => _entries.TryRemove(userId, out _);

    private byte[] Mac(AppUser user, string password) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Join('\0', user.Id, user.SecurityStamp, user.PasswordHash, password)));

    private sealed record Entry(byte[] Mac, DateTimeOffset ExpiresAt);
}
