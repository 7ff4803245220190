using CustomerProcess.Infrastructure.Mail;
using CustomerProcess.Web.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary><c>Notifications:*</c> settings.</summary>
public sealed class NotificationOptions
{
    /// <summary>Runs the scheduler in this process (tests switch it off and run <see cref="ScheduledWork"/> themselves).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 30;

    /// <summary>How long a lease lasts without renewal: another instance takes over this long after a holder died.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>China-time hour from which the daily digest goes out.</summary>
    public int DigestHour { get; set; } = 8;

    public int ResetLinkMinutes { get; set; } = 60;
}

/// <summary>
/// One run of the scheduled work (ADR 0026): take or renew the database lease; only its holder sends due reminders,
/// daily digests and queued mails. Runs are serialised in the process; the lease serialises them across instances.
/// </summary>
public sealed class ScheduledWork(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<ScheduledWork> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Holder { get; init; } = SchedulerLeases.DefaultHolder;

    /// <summary>False when another instance holds the lease.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<SchedulerLeases>();
            if (!await leases.TryAcquireAsync(SchedulerLease.Reminders, Holder, TimeSpan.FromSeconds(options.Value.LeaseSeconds), cancellationToken))
            {
                return false;
            }

            await Step((IServiceProvider s) => s.GetRequiredService<ReminderSweep>().RunAsync(cancellationToken), "reminders");
            await Step((IServiceProvider s) => s.GetRequiredService<DigestSender>().RunAsync(cancellationToken), "digests");
            await Step((IServiceProvider s) => s.GetRequiredService<MailOutboxSender>().SendDueAsync(cancellationToken), "mail");
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchedulerLeases>().ReleaseAsync(SchedulerLease.Reminders, Holder, cancellationToken);
    }

    // Each step in its own scope (a fresh context), so one failing step does not stop the others.
    private async Task Step(Func<IServiceProvider, Task<int>> work, string name)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await work(scope.ServiceProvider);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Scheduled {Step} failed; tried again on the next run", name);
        }
    }
}

/// <summary>The background loop: every <c>Notifications:IntervalSeconds</c> on the injected clock, one <see cref="ScheduledWork"/> run.</summary>
public sealed class NotificationScheduler(ScheduledWork work, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.SchedulerEnabled
            ? LeaseHoldingLoop.RunAsync(
                "notification scheduler", LeaseHoldingLoop.Interval(options.Value.IntervalSeconds), work.RunOnceAsync, work.ReleaseAsync, clock, logger, stoppingToken)
            : Task.CompletedTask;
}
