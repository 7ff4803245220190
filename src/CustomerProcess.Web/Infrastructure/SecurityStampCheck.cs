using System.Security.Claims;
using CustomerProcess.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// The sign-in cookie's principal check, in two steps.
/// <para>Every request: the version of the account row the cookie was issued for is compared with the
/// current one (<see cref="UserVersions"/>, a dictionary look-up, with one small read by key per user
/// every few seconds). When they differ — the user was deactivated, lost or gained a role, had the
/// password reset — the principal is checked in full at once: a changed security stamp or a
/// deactivated user ends the session, otherwise the principal is rebuilt with the current roles
/// (issue #21, finding 12; docs/adr/0015-revocation-on-the-next-request.md).</para>
/// <para>Once a minute: Identity's own hook (<see cref="SecurityStampValidator.ValidatePrincipalAsync"/>)
/// resolves its validator on every request — and with it the sign-in manager, the user manager, the
/// user store and a database context — only to find, on all but one request a minute, that the stamp
/// is not due. This asks the same question first (cookie issued longer ago than
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>, or with no issue time) and hands
/// the due cases to Identity unchanged.</para>
/// </summary>
public static class SecurityStampCheck
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var current = await services.GetRequiredService<UserVersions>().CurrentAsync(userId, services);
            if (current is null || !string.Equals(current, UserVersions.Of(context.Principal), StringComparison.Ordinal))
            {
                await RevalidateAsync(context);
                return;
            }
        }

        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        if (issued is not null && (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued.Value <= options.ValidationInterval)
        {
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>What Identity's validator does when the check is due, without waiting for it.</summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        var fresh = await signIn.CreateUserPrincipalAsync(user);
        // Keep how the user signed in (password, or password and second factor).
        if (context.Principal!.FindFirst("amr") is { } amr && fresh.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(amr.Type, amr.Value));
        }

        context.ReplacePrincipal(fresh);
        context.ShouldRenew = true;
    }
}
