using Serilog.Context;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Puts the request's correlation id (the id the error page shows) and the signed-in user on every log event
/// written while the request runs, not only on the request's summary line. Runs after authentication.
/// </summary>
public sealed class LogContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (LogContext.PushProperty("CorrelationId", context.TraceIdentifier))
        using (LogContext.PushProperty("User", context.User.Identity?.Name ?? "-"))
        {
            await next(context);
        }
    }
}
