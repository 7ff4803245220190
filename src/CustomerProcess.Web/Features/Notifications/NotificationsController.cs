using System.Security.Claims;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>The user's own notifications (docs/process.md §4, §5, §7, §10; ADR 0024): list, open, unread, preferences.
/// Every signed-in user; each sees and changes only their own.</summary>
[Authorize]
[Route("Notifications")]
public sealed class NotificationsController(NotificationQueries queries, IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(bool unread, string? q, int? page, CancellationToken cancellationToken) =>
        View(await queries.ListAsync(UserId, unread, q, page, cancellationToken));

    [HttpPost("{id:guid}/Open")]
    public async Task<IActionResult> Open(Guid id, [FromServices] OpenNotification.Handler handler, CancellationToken cancellationToken) =>
        await this.Respond(await handler.HandleAsync(id, UserId, cancellationToken), link => LocalRedirect(link), () => Task.FromResult<IActionResult>(RedirectToAction(nameof(Index))), l);

    [HttpPost("{id:guid}/Unread")]
    public async Task<IActionResult> Unread(Guid id, [FromServices] MarkNotificationUnread.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, UserId, cancellationToken), l["Marked unread."], () => RedirectToAction(nameof(Index)), l);

    [HttpPost("ReadAll")]
    public async Task<IActionResult> ReadAll([FromServices] MarkAllNotificationsRead.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(UserId, cancellationToken), l["All notifications marked read."], () => RedirectToAction(nameof(Index)), l);

    [HttpGet("Preferences")]
    public async Task<IActionResult> Preferences([FromServices] IOptions<NotificationOptions> options, CancellationToken cancellationToken) =>
        View(await queries.PreferencesAsync(UserId, options.Value.DigestHour, cancellationToken));

    [HttpPost("Preferences")]
    public async Task<IActionResult> Preferences(SaveNotificationPreferences.Input input, [FromServices] SaveNotificationPreferences.Handler handler, [FromServices] IOptions<NotificationOptions> options, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await Redisplay(options.Value.DigestHour, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(UserId, input, cancellationToken), l["Notification settings saved."], () => RedirectToAction(nameof(Preferences)), l);

    private async Task<IActionResult> Redisplay(int digestHour, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Preferences), await queries.PreferencesAsync(UserId, digestHour, cancellationToken));
    }
}

/// <summary>The bell in the layout: the signed-in user's unread count, linking to the list.</summary>
public sealed class BellViewComponent(NotificationQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var count = userId is null ? 0 : await queries.UnreadCountAsync(userId, HttpContext.RequestAborted);
        return View("~/Features/Notifications/_Bell.cshtml", count);
    }
}
