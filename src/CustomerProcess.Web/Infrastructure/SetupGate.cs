using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Knows whether the one-time setup (first administrator) is still open. Once a user exists
/// it is closed for good; the answer is cached so the check costs nothing afterwards.
/// </summary>
public sealed class SetupGate : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _closed;

    public bool IsClosed => _closed;

    public void Dispose() => _lock.Dispose();

    public async Task<bool> IsOpenAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return false;
        }

        if (await db.Users.AnyAsync(cancellationToken))
        {
            _closed = true;
            return false;
        }

        return true;
    }

    /// <summary>Runs the setup action alone, only while setup is open.</summary>
    public async Task<bool> RunOnceAsync(AppDbContext db, Func<Task<bool>> action, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!await IsOpenAsync(db, cancellationToken))
            {
                return false;
            }

            var done = await action();
            _closed = done;
            return done;
        }
        finally
        {
            _lock.Release();
        }
    }
}

/// <summary>While no user exists, every page leads to the setup page.</summary>
public sealed class SetupGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SetupGate gate)
    {
        if (gate.IsClosed)
        {
            await next(context);
            return;
        }

        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/Setup", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Culture", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase);
        if (!exempt && await gate.IsOpenAsync(context.RequestServices.GetRequiredService<AppDbContext>(), context.RequestAborted))
        {
            context.Response.Redirect("/Setup");
            return;
        }

        await next(context);
    }
}
