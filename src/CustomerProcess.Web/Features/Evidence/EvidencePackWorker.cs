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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The evidence pack worker's run failed");
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SchedulerLeases>().ReleaseAsync(EvidencePackBuilder.LeaseName, Holder, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The evidence pack worker's lease was not released; it expires by itself");
        }
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
