using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers (no check; a proxy or orchestrator restarts it when this fails).
/// <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> passes — the database answers and every
/// migration is applied (<see cref="DatabaseReadyCheck"/>); a proxy sends no requests to an instance that is not
/// ready. The hook for what comes later: a check registered with the tag joins readiness (the mail queue,
/// which another issue adds, is meant to be one). <c>/health</c> runs every check (kept for existing probes).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddCustomerProcessHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<DatabaseReadyCheck>("database-migrated", tags: [ReadyTag])
            .AddCheck<Mail.MailQueueHealthCheck>("mail-queue", tags: [ReadyTag]);

    public static void MapCustomerProcessHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }

    /// <summary>A request that only probes health (logged only when it fails).</summary>
    public static bool IsProbe(HttpContext http) => http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The database answers and has every migration this build knows (none pending).</summary>
public sealed class DatabaseReadyCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, first {pending[0]}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
