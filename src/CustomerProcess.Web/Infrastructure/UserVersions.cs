using System.Collections.Concurrent;
using System.Security.Claims;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// The current version of each signed-in user's account row, as this process knows it: the user's
/// <c>ConcurrencyStamp</c>, which Identity renews on every write of the row (deactivation, a role
/// added or removed, a password reset, a new security stamp). The sign-in cookie carries the version
/// it was issued for (<see cref="ClaimType"/>); a request whose cookie names another version is
/// checked in full at once (<see cref="SecurityStampCheck"/>). A write through this process's
/// <see cref="AppUserManager"/> updates the entry at once; a write by another instance is seen when
/// the entry is re-read from the database, at most every <see cref="RevocationOptions.RecheckSeconds"/>
/// (docs/adr/0015-revocation-on-the-next-request.md).
/// </summary>
public sealed class UserVersions(TimeProvider clock, IOptions<RevocationOptions> options)
{
    public const string ClaimType = "cp:ver";

    private static readonly Func<AppDbContext, string, Task<string?>> ReadVersion = EF.CompileAsyncQuery(
        (AppDbContext db, string id) => db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp).FirstOrDefault());

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _recheck = TimeSpan.FromSeconds(options.Value.RecheckSeconds);

    /// <summary>The user's current version, from memory while it is fresh, else one small read by key.
    /// Null when the user no longer exists.</summary>
    public async ValueTask<string?> CurrentAsync(string userId, IServiceProvider requestServices)
    {
        var now = clock.GetUtcNow();
        _entries.TryGetValue(userId, out var known);
        if (known is not null && now - known.ReadAt < _recheck)
        {
            return known.Version;
        }

        var version = await ReadVersion(requestServices.GetRequiredService<AppDbContext>(), userId);
        var fresh = new Entry(version, now);
        // A change recorded by this process while the read ran wins over what the read saw.
        var stored = known is null ? _entries.GetOrAdd(userId, fresh) : _entries.TryUpdate(userId, fresh, known) ? fresh : _entries.GetValueOrDefault(userId, fresh);
        return stored.Version;
    }

    /// <summary>Records a write of the user's row made by this process.</summary>
    public void Changed(AppUser user) => _entries[user.Id] = new Entry(user.ConcurrencyStamp, clock.GetUtcNow());

    public static string? Of(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimType);

    private sealed record Entry(string? Version, DateTimeOffset ReadAt);
}

/// <summary>"Security:Revocation": how often an account row is re-read for changes made by another instance.</summary>
public sealed class RevocationOptions
{
    public int RecheckSeconds { get; set; } = 5;
}

/// <summary>The user manager, telling <see cref="UserVersions"/> of every successful write of a user's row.</summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    UserVersions versions,
    AppDbContext db)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>
    /// Counts a failed attempt. <see cref="UserLocks"/> serialises one user's checks within this process only; when
    /// another instance wrote the row since it was read, the optimistic save fails: the row is read again and
    /// counted on top, so parallel wrong passwords on several instances each count (ADR 0022).
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await base.AccessFailedAsync(user);
            if (result.Succeeded || attempt == 5 || !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return result;
            }

            await db.Entry(user).ReloadAsync();
        }
    }

    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded)
        {
            versions.Changed(user);
        }

        return result;
    }
}

/// <summary>Identity's principal (id, name, roles, security stamp) plus the account row's version and whether two-factor sign-in is on.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ConcurrencyStamp is not null)
        {
            identity.AddClaim(new Claim(UserVersions.ClaimType, user.ConcurrencyStamp));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorRequirement.EnabledClaimType, "1"));
        }

        // The person's name for the header and the greeting (the user name is for signing in).
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(PersonName.ClaimType, user.DisplayName));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(Features.Account.PasswordChangeRequirementMiddleware.ClaimType, "1"));
        }

        return identity;
    }
}

/// <summary>The signed-in person's display name (a claim set at sign-in), or the user name for an older cookie.</summary>
public static class PersonName
{
    public const string ClaimType = "cp:display-name";

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(ClaimType)?.Value is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}
