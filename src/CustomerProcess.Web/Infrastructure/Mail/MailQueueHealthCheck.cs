using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure.Mail;

/// <summary>
/// The mail queue is not stuck (ADR 0023's readiness hook, ADR 0024): its oldest unsent mail is younger than
/// <c>Mail:StuckAfterMinutes</c>. Degraded, not unhealthy: the instance still serves requests (mail waits in the queue),
/// but the probe shows that the SMTP server has been unreachable for a while.
/// </summary>
public sealed class MailQueueHealthCheck(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldest = await db.OutboxMails.Where(m => m.SentAtUtc == null).OrderBy(m => m.CreatedAtUtc).Select(m => (DateTime?)m.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        if (oldest is null)
        {
            return HealthCheckResult.Healthy("No mail waiting.");
        }

        var age = clock.GetUtcNow().UtcDateTime - oldest.Value;
        return age <= TimeSpan.FromMinutes(options.Value.StuckAfterMinutes)
            ? HealthCheckResult.Healthy($"Oldest unsent mail {age.TotalMinutes:0} min old.")
            : HealthCheckResult.Degraded($"Oldest unsent mail {age.TotalMinutes:0} min old: is the SMTP server reachable?");
    }
}
