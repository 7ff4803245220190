using System.Security.Claims;
using CustomerProcess.Infrastructure.Auditing;

namespace CustomerProcess.Web.Infrastructure;

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => accessor.HttpContext?.User.Identity?.Name ?? "system";
}
