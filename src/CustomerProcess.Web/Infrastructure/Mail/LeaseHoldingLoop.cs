namespace CustomerProcess.Web.Infrastructure.Mail;

/// <summary>
/// The background loop of work that holds a <see cref="SchedulerLeases"/> row (ADR 0026): the notification scheduler and
/// the evidence pack worker. Every interval on the injected clock one run (a failed run is logged and the next one tries
/// again); when the app stops, the lease is released so another instance takes over at once (else it expires by itself).
/// </summary>
public static class LeaseHoldingLoop
{
    public static async Task RunAsync(
        string name, TimeSpan interval, Func<CancellationToken, Task> runOnce, Func<CancellationToken, Task> release, TimeProvider clock, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runOnce(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The {Loop}'s run failed", name);
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
            await release(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The {Loop}'s lease was not released; it expires by itself", name);
        }
    }

    /// <summary>A configured interval in seconds, at least one second.</summary>
    public static TimeSpan Interval(int seconds) => TimeSpan.FromSeconds(Math.Max(1, seconds));
}
