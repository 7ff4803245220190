using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Reads a posted form before anything else in MVC does (after the action's form and size limits are applied, before
/// the antiforgery check and model binding). A body that cannot be read as a form — more than 1,024 fields, an
/// over-long field name, multipart without a boundary or with a broken part, a NUL character in a field — is answered with 400 and the
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

        string? reason;
        var status = StatusCodes.Status400BadRequest;
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            reason = ContainsNul(form) ? "a NUL character in a field" : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException && !http.RequestAborted.IsCancellationRequested)
        {
            reason = ex.Message;
            status = ex is BadHttpRequestException bad ? bad.StatusCode : status;
        }

        if (reason is null)
        {
            return;
        }

        logger.LogWarning(
            "Refused a malformed form body on {Method} {Path} ({ContentType}): {Reason}",
            http.Request.Method, http.Request.Path.Value, http.Request.ContentType, reason);

        // The error page that answers this request must not read the body again.
        http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Result = new StatusCodeResult(status);
    }

    /// <summary>No field of these forms can hold a NUL; one is a probe (or a truncation attack on a later consumer).</summary>
    private static bool ContainsNul(IFormCollection form)
    {
        foreach (var (key, values) in form)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return true;
            }
        }

        return form.Files.Any(f => f.FileName.Contains('\0', StringComparison.Ordinal) || f.Name.Contains('\0', StringComparison.Ordinal));
    }
}
