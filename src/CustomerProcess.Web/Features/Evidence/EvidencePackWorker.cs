using CustomerProcess.Web.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Evidence;

/// <summary>
/// The background loop of the evidence packs, in the shape of <see cref="Notifications.NotificationScheduler"/> (ADR 0026):
/// every <c>EvidencePacks:IntervalSeconds</c> on the injected clock, the holder of the <c>EvidencePacks</c> row of
/// <see cref="SchedulerLeases"/> builds the queued packs, renewing the lease after every record. Its own lease, so a long
/// build never holds up reminders and mail.
/// </summary>
public sealed class EvidencePackWorker(IServiceScopeFactory scopes, IOptions<EvidencePackOptions> options, TimeProvider clock, ILogger<EvidencePackWorker> logger) : BackgroundService
{
    public string Holder { get; init; } = SchedulerLeases.DefaultHolder;

    /// <summary>One run: take or renew the lease, then build what is queued. False when another instance holds the lease.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<SchedulerLeases>();
        var duration = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        if (!await leases.TryAcquireAsync(EvidencePackBuilder.LeaseName, Holder, duration, cancellationToken))
        {
            return false;
        }

        await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>()
            .BuildQueuedAsync(ct => leases.TryAcquireAsync(EvidencePackBuilder.LeaseName, Holder, duration, ct), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>().RemoveExpiredFilesAsync(cancellationToken);
        return true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.WorkerEnabled
            ? LeaseHoldingLoop.RunAsync(
                "evidence pack worker", LeaseHoldingLoop.Interval(options.Value.IntervalSeconds), RunOnceAsync, ReleaseAsync, clock, logger, stoppingToken)
            : Task.CompletedTask;

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchedulerLeases>().ReleaseAsync(EvidencePackBuilder.LeaseName, Holder, cancellationToken);
    }
}

/// <summary>The evidence packs' wiring (ADR 0042), one line in FeatureServices.</summary>
public static class EvidenceServices
{
    public static IServiceCollection AddEvidencePacks(this IServiceCollection services)
    {
        services.AddOptions<EvidencePackOptions>().BindConfiguration("EvidencePacks");
        services.AddScoped<EvidencePackBuilder>();
        services.AddSingleton<EvidencePackWorker>();
        services.AddHostedService(s => s.GetRequiredService<EvidencePackWorker>());
        return services;
    }
}
