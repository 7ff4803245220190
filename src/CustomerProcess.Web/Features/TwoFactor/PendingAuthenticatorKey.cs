using System.Security.Cryptography;
using CustomerProcess.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CustomerProcess.Web.Features.TwoFactor;

/// <summary>
/// The authenticator key the set-up page offers, until the user confirms it with a first code
/// (<see cref="EnableTwoFactor"/>, which stores it). Until then it lives only in this browser: a data-protected
/// cookie bound to the user (the key ring is shared by every instance), so opening the page writes nothing — no key
/// row, no new security stamp, the user's other sessions go on (issue #15) — and shows the same key on every visit.
/// </summary>
public sealed class PendingAuthenticatorKey(IDataProtectionProvider protection, UserManager<AppUser> users)
{
    public const string CookieName = "cp.authenticator-setup";

    private const string CookiePath = "/TwoFactor";

    private readonly IDataProtector _protector = protection.CreateProtector("CustomerProcess.TwoFactor.PendingAuthenticatorKey");

    /// <summary>The key this browser was offered for <paramref name="user"/>, or a new one (then kept in the cookie).</summary>
    public string Offer(HttpContext http, AppUser user)
    {
        if (Read(http, user) is { } key)
        {
            return key;
        }

        key = users.GenerateNewAuthenticatorKey();
        http.Response.Cookies.Append(CookieName, _protector.Protect(user.Id + "\n" + key), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = CookiePath,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
        });
        return key;
    }

    /// <summary>The key this browser was offered for <paramref name="user"/>; null when none was, or for someone else.</summary>
    public string? Read(HttpContext http, AppUser user)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 and <= 4096 } cookie)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(cookie).Split('\n');
            return parts.Length == 2 && string.Equals(parts[0], user.Id, StringComparison.Ordinal) && parts[1].Length > 0 ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The key is stored (or set-up is over): the cookie goes.</summary>
    public static void Forget(HttpContext http) =>
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
}
