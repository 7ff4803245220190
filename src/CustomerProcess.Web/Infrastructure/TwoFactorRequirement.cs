using System.Security.Claims;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Which roles must sign in with a second factor ("Security:RequireTwoFactorForRoles", a comma-separated
/// list; Administrator and GeneralManager unless configured, an empty value requires it of nobody).
/// A signed-in user in such a role whose account has no authenticator yet reaches only the set-up
/// pages, sign-out, the language switch and the error pages (docs/adr/0016-two-factor-sign-in.md).
/// </summary>
public sealed class TwoFactorRequirement(IConfiguration configuration)
{
    public const string SettingKey = "Security:RequireTwoFactorForRoles";

    /// <summary>Put into the sign-in cookie when the account has two-factor sign-in enabled.</summary>
    public const string EnabledClaimType = "cp:2fa";

    public IReadOnlyList<string> Roles { get; } =
        (configuration[SettingKey] ?? $"{CustomerProcess.Domain.Security.Roles.Administrator},{CustomerProcess.Domain.Security.Roles.GeneralManager}")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool AppliesTo(ClaimsPrincipal user) => Roles.Any(user.IsInRole);

    public bool IsMissingFor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.HasClaim(c => c.Type == EnabledClaimType) && AppliesTo(user);
}

/// <summary>Sends a user who must use two-factor sign-in and has not set it up to the set-up page.</summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next, TwoFactorRequirement requirement)
{
    private static readonly string[] Open = ["/TwoFactor", "/Account", "/Culture", "/Error", "/health", "/css", "/js"];

    public Task InvokeAsync(HttpContext context)
    {
        // A path that maps to nothing stays a 404.
        if (requirement.Roles.Count == 0 || context.GetEndpoint() is null || !requirement.IsMissingFor(context.User)
            || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        context.Response.Redirect("/TwoFactor/Setup");
        return Task.CompletedTask;
    }
}
