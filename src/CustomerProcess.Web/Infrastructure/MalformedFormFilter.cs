using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Reads a posted form before anything else in MVC does (after the action's form and size limits are applied, before
/// the antiforgery check and model binding). A body that cannot be read as a form — more than 1,024 fields, an
/// over-long field name, multipart without a boundary or with a broken part — is answered with 400 and the
/// localized error page, and logged as a warning. Without this, the antiforgery check and model binding each
/// swallowed the failure differently: actions ran with no input (500) and the error page, which binds too, answered
/// status 0.
/// </summary>
public sealed class MalformedFormFilter(ILogger<MalformedFormFilter> logger) : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After <see cref="RequestFormLimitsAttribute"/> and <see cref="RequestSizeLimitAttribute"/> (900), before
    /// the antiforgery filter (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (context.Result is not null || !http.Request.HasFormContentType)
        {
            return;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(
                "Refused a malformed form body on {Method} {Path} ({ContentType}): {Reason}",
                http.Request.Method, http.Request.Path.Value, http.Request.ContentType, ex.Message);

            // The error page that answers this request must not try to read the body again.
            http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Result = new StatusCodeResult(ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
        }
    }
}
