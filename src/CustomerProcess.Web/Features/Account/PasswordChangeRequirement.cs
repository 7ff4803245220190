namespace CustomerProcess.Web.Features.Account;

/// <summary>
/// After an administrator reset the password, the user's sign-in cookie carries <see cref="ClaimType"/>
/// until they choose a new one: until then they reach only the account pages (change password, sign-out),
/// the language switch and the error pages (docs/adr/0029). Runs before the two-factor requirement.
/// </summary>
public sealed class PasswordChangeRequirementMiddleware(RequestDelegate next)
{
    /// <summary>Put into the sign-in cookie while the account must change its password.</summary>
    public const string ClaimType = "cp:pwd";

    public const string ChangePath = "/Account/ChangePassword";

    private static readonly string[] Open = ["/Account", "/Culture", "/Error", "/health", "/css", "/js"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || !context.User.HasClaim(c => c.Type == ClaimType) || context.GetEndpoint() is null
            || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        context.Response.Redirect(ChangePath);
        return Task.CompletedTask;
    }
}
