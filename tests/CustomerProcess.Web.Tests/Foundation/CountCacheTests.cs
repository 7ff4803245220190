using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Tests.Foundation;

public sealed class CountCacheTests
{
    [Fact]
    public async Task A_figure_is_kept_until_just_before_the_time_to_live_and_computed_afresh_at_it()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        using var cache = new CountCache(clock);
        Assert.Equal(1, await cache.GetOrComputeAsync("count", () => Task.FromResult(1)));

        clock.Advance(CountCache.TimeToLive - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await cache.GetOrComputeAsync("count", () => Task.FromResult(2)));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, await cache.GetOrComputeAsync("count", () => Task.FromResult(3)));
        Assert.Equal(TimeSpan.FromSeconds(30), CountCache.TimeToLive);
    }

    [Fact]
    public async Task While_an_outlived_figure_is_computed_afresh_other_requests_get_the_previous_one_and_then_the_new_one()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        using var cache = new CountCache(clock);
        Assert.Equal(1, await cache.GetOrComputeAsync("totals", () => Task.FromResult(1)));
        clock.Advance(CountCache.TimeToLive);

        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var recomputing = cache.GetOrComputeAsync("totals", () => release.Task);
        var meanwhile = cache.GetOrComputeAsync("totals", () => Task.FromResult(-1));
        Assert.False(recomputing.IsCompleted); // the request that found it old waits for the new figure
        Assert.True(meanwhile.IsCompleted);
        Assert.Equal(1, await meanwhile);

        release.SetResult(2);
        Assert.Equal(2, await recomputing);
        Assert.Equal(2, await cache.GetOrComputeAsync("totals", () => Task.FromResult(-1)));

        // A new key (something this process saved) has no previous figure: every request waits for it.
        var fresh = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = cache.GetOrComputeAsync("totals-2", () => fresh.Task);
        var second = cache.GetOrComputeAsync("totals-2", () => Task.FromResult(-1));
        Assert.False(second.IsCompleted);
        fresh.SetResult(3);
        Assert.Equal(new[] { 3, 3 }, await Task.WhenAll(first, second));
    }

    [Fact]
    public async Task Requests_that_miss_the_same_figure_at_once_compute_it_once()
    {
        using var cache = new CountCache();
        var computations = 0;
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> Compute()
        {
            Interlocked.Increment(ref computations);
            return release.Task;
        }

        var first = cache.GetOrComputeAsync("totals", Compute);
        var second = cache.GetOrComputeAsync("totals", Compute);
        var third = cache.GetOrComputeAsync("totals", Compute);
        Assert.False(second.IsCompleted);
        release.SetResult(42);

        var results = await Task.WhenAll(first, second, third);
        Assert.Equal(new[] { 42, 42, 42 }, results);
        Assert.Equal(1, computations);
        Assert.Equal(42, await cache.GetOrComputeAsync("totals", () => Task.FromResult(-1)));
        Assert.Equal(7, await cache.GetOrComputeAsync("other key", () => Task.FromResult(7)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_computation_that_fails_or_is_cancelled_is_not_kept_and_the_waiting_request_computes_for_itself(bool cancelled)
    {
        using var cache = new CountCache();
        var owner = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = cache.GetOrComputeAsync("totals", () => owner.Task);
        var second = cache.GetOrComputeAsync("totals", () => Task.FromResult(5));
        if (cancelled)
        {
            owner.SetCanceled();
        }
        else
        {
            owner.SetException(new InvalidOperationException("database is locked"));
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => first);
        Assert.IsAssignableFrom(cancelled ? typeof(OperationCanceledException) : typeof(InvalidOperationException), error);
        Assert.Equal(5, await second);
        Assert.Equal(6, await cache.GetOrComputeAsync("totals", () => Task.FromResult(6)));
    }
}
