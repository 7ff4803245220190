namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// A browser that goes away mid-request (a closed tab, a second click) cancels the request's token and
/// the work stops with <see cref="OperationCanceledException"/>. That is not a server error: answer 499
/// (the convention for "client closed request"), which the request log records at information level,
/// instead of a 500 with a stack trace at error level. Any other exception, or a cancellation the
/// client did not cause, still goes to the error page. Work already saved stays saved; a cancelled
/// SaveChanges rolls back as a whole.
/// </summary>
public sealed class ClientAbortMiddleware(RequestDelegate next)
{
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    }
}
