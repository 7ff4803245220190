using System.Security.Claims;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Marks a POST action that creates a record: its form carries a one-time token (<c>&lt;create-token /&gt;</c>)
/// and <see cref="IdempotentCreation"/> makes a second post of the same form create nothing (ADR 0017).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CreatesRecordAttribute() : TypeFilterAttribute(typeof(IdempotentCreation))
{
    /// <summary>The hidden form field holding the one-time token.</summary>
    public const string FieldName = "FormToken";
}

/// <summary>
/// Runs a create action in one transaction that first inserts the form's token (the key of
/// <see cref="FormSubmission"/>) and, when the action answers with a redirect, stores that location with it.
/// A post whose token is stored already is redirected there; a post racing one with the same token fails
/// its insert (the key) before the action runs and is redirected likewise. A non-redirect answer (the form
/// shown again with its messages) or an exception rolls everything back. A post without a token (a form
/// opened before this existed) runs the action as before.
/// </summary>
public sealed class IdempotentCreation(AppDbContext db, TimeProvider clock, IUrlHelperFactory urls) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var token = TokenOf(context.HttpContext.Request);
        if (token is null)
        {
            await next();
            return;
        }

        var userId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var cancellationToken = context.HttpContext.RequestAborted;
        if (await FindAsync(token, cancellationToken) is { } earlier)
        {
            context.Result = Repeat(earlier, userId);
            return;
        }

        var actionRan = false;
        try
        {
            // Inside the provider's execution strategy: SQL Server's retrying strategy refuses a transaction
            // opened outside it. The action cannot run twice, so a retry after it ran is an error, not a repeat.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                if (actionRan)
                {
                    throw new InvalidOperationException("A create action is not retried after it ran.");
                }

                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var submission = new FormSubmission(token, userId, clock.GetUtcNow().UtcDateTime);
                db.FormSubmissions.Add(submission);
                await db.SaveChangesAsync(ct);
                db.Entry(submission).State = EntityState.Detached;

                actionRan = true;
                var executed = await next();
                if (executed.Exception is null && LocationOf(context, executed.Result) is { } location)
                {
                    await db.FormSubmissions.Where(s => s.Token == token)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Location, location), ct);
                    await transaction.CommitAsync(ct);
                }
            }, cancellationToken);
        }
        catch (DbUpdateException) when (!actionRan)
        {
            // Another post of the same form inserted the token first and has committed.
            db.ChangeTracker.Clear();
            var first = await FindAsync(token, cancellationToken);
            if (first is null)
            {
                throw;
            }

            context.Result = Repeat(first, userId);
        }
    }

    private static string? TokenOf(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var value = request.Form[CreatesRecordAttribute.FieldName].ToString();
        return value.Length == FormSubmission.TokenLength && Guid.TryParseExact(value, "N", out _) ? value : null;
    }

    private Task<FormSubmission?> FindAsync(string token, CancellationToken cancellationToken) =>
        db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, cancellationToken);

    /// <summary>Sends a repeated post where the first one went. TempData is left alone: the browser shows the
    /// answer to the last click, and the first answer's messages (a new survey's one-time links) must survive it.</summary>
    private static IActionResult Repeat(FormSubmission earlier, string userId) =>
        // A token is one user's: someone else's token (never rendered to them) is refused.
        earlier.UserId != userId || earlier.Location is null
            ? new BadRequestResult()
            : new LocalRedirectResult(earlier.Location);

    private string? LocationOf(ActionContext context, IActionResult? result)
    {
        var url = urls.GetUrlHelper(context);
        var location = result switch
        {
            RedirectToActionResult r => url.Action(r.ActionName, r.ControllerName, r.RouteValues, null, null, r.Fragment),
            RedirectToRouteResult r => url.RouteUrl(r.RouteName, r.RouteValues, null, null, r.Fragment),
            LocalRedirectResult r => url.Content(r.Url),
            RedirectResult r => url.Content(r.Url),
            _ => null,
        };
        return location is not null && url.IsLocalUrl(location) ? location : null;
    }
}

/// <summary><c>&lt;create-token /&gt;</c>: the hidden one-time token of a create form (one line per form).</summary>
[HtmlTargetElement("create-token", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CreateTokenTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "input";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("type", "hidden");
        output.Attributes.SetAttribute("name", CreatesRecordAttribute.FieldName);
        output.Attributes.SetAttribute("value", Guid.NewGuid().ToString("N"));
    }
}
