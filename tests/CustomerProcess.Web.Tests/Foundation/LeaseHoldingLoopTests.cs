using CustomerProcess.Web.Infrastructure.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerProcess.Web.Tests.Foundation;

public sealed class LeaseHoldingLoopTests
{
    [Fact]
    public async Task The_first_run_comes_one_interval_after_the_start_then_one_run_every_interval_and_the_lease_is_released_at_the_stop()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        var interval = TimeSpan.FromSeconds(30);
        var runs = 0;
        var released = 0;
        using var stop = new CancellationTokenSource();
        var loop = LeaseHoldingLoop.RunAsync(
            "test loop", interval, _ => { runs++; return Task.CompletedTask; }, _ => { released++; return Task.CompletedTask; },
            clock, NullLogger.Instance, stop.Token);

        Assert.Equal(0, runs); // nothing while the app is still starting
        clock.Advance(interval - TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => runs == 0);
        Assert.Equal(0, runs);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => runs == 1);
        Assert.Equal(1, runs);

        clock.Advance(interval);
        await WaitForAsync(() => runs == 2);
        Assert.Equal(2, runs);

        await stop.CancelAsync();
        await loop;
        Assert.Equal(2, runs);
        Assert.Equal(1, released);
    }

    [Fact]
    public async Task A_failed_run_is_tried_again_on_the_next_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        var interval = TimeSpan.FromSeconds(5);
        var runs = 0;
        using var stop = new CancellationTokenSource();
        var loop = LeaseHoldingLoop.RunAsync(
            "test loop", interval, _ => ++runs == 1 ? throw new InvalidOperationException("database busy") : Task.CompletedTask,
            _ => Task.CompletedTask, clock, NullLogger.Instance, stop.Token);

        clock.Advance(interval);
        await WaitForAsync(() => runs == 1);
        clock.Advance(interval);
        await WaitForAsync(() => runs == 2);
        Assert.Equal(2, runs);
        Assert.False(loop.IsCompleted);

        await stop.CancelAsync();
        await loop;
    }

    // The loop's continuations run on the thread pool after the fake clock fires its timer.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        await Task.Delay(20); // and a moment more, so a run that should not happen would have happened
    }
}
