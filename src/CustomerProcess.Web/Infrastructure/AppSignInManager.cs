using System.Security.Cryptography;
using CustomerProcess.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Refuses sign-in (and cookie revalidation) for deactivated users. Every password sign-in costs one
/// full password hash, whether the user name exists, is locked out or deactivated or not (issue #21,
/// finding 8): the paths that Identity answers without hashing verify the given password against a
/// fixed dummy hash of the same PBKDF2 cost instead, so the time taken does not tell which names exist.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    UserLocks locks)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))));

    /// <summary>One password sign-in per user name at a time (<see cref="UserLocks"/>), the user read inside the lock:
    /// parallel guesses each see the failed-attempt count the last one wrote, so no more are checked than the
    /// lockout allows (as signing does, issue #21 finding 9).</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        using (await locks.AcquireAsync("sign-in:" + UserManager.NormalizeName(userName ?? "")))
        {
            var user = await UserManager.FindByNameAsync(userName ?? "");
            if (user is null)
            {
                SpendOnePasswordCheck(password);
                return SignInResult.Failed;
            }

            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }
    }

    /// <summary>Identity refuses a locked-out or deactivated user before it hashes the password.</summary>
    protected override async Task<SignInResult?> PreSignInCheck(AppUser user)
    {
        var refused = await base.PreSignInCheck(user);
        if (refused is not null)
        {
            SpendOnePasswordCheck("-");
        }

        return refused;
    }

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }

    private void SpendOnePasswordCheck(string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password ?? "");
}
