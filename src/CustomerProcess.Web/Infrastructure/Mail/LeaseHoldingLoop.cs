namespace CustomerProcess.Web.Infrastructure.Mail;

/// <summary>
/// The background loop of work that holds a <see cref="SchedulerLeases"/> row (ADR 0026): the notification scheduler and
/// the evidence pack worker. Every interval on the injected clock one run (a failed run is logged and the next one tries
/// again); when the app stops, the lease is released so another instance takes over at once (else it expires by itself).
/// <para>The first run comes one interval after the start, not during it: hosted services start before the server, and
/// on one core a first reminder sweep over ten years of records delayed the first served page by 0.3-0.9 s
/// (bench/results/notes.md, 2026-12-05 fourth session).</para>
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
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await runOnce(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The {Loop}'s run failed", name);
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
