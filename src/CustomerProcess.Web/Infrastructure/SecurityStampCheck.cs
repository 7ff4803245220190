using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// The sign-in cookie's principal check. Identity's own hook
/// (<see cref="SecurityStampValidator.ValidatePrincipalAsync"/>) resolves its validator on every
/// request — and with it the sign-in manager, the user manager, the user store and a database
/// context — only to find, on all but one request a minute, that the stamp is not due. This asks
/// the same question first (cookie issued longer ago than
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>, or with no issue time) and hands
/// the due cases to Identity unchanged, so a deactivated user or a changed role still ends the
/// session within the interval.
/// </summary>
public static class SecurityStampCheck
{
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        if (issued is not null && (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued.Value <= options.ValidationInterval)
        {
            return Task.CompletedTask;
        }

        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
