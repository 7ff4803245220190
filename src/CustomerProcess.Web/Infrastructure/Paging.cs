using Microsoft.Extensions.Caching.Memory;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// One page of a list. The total is counted only up to <see cref="CountCap"/> rows, so a page
/// costs the same on a large table ("10,000+" is shown instead of an exact number).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int CountedTotal)
{
    public const int CountCap = 10_000;
    public const int DefaultPageSize = 20;

    public bool TotalIsCapped => CountedTotal > CountCap;

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Math.Min(CountedTotal, CountCap + 1) / (double)PageSize));

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

public static class PagingExtensions
{
    public static int ClampPage(int? page) => page is null or < 1 ? 1 : Math.Min(page.Value, 10_000);

    /// <summary>Counts at most CountCap+1 rows and reads one page (query must already be ordered).</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, CancellationToken cancellationToken, int pageSize = Page<T>.DefaultPageSize)
    {
        var number = ClampPage(page);
        var counted = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            ordered.Take(Page<T>.CountCap + 1), cancellationToken);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            ordered.Skip((number - 1) * pageSize).Take(pageSize), cancellationToken);
        return new Page<T>(items, number, pageSize, counted);
    }

    /// <summary>Reads one page (query must already be ordered) with a capped count computed elsewhere
    /// (typically on a narrower query and cached by <see cref="CountCache"/>).</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, Func<Task<int>> cappedCount, CancellationToken cancellationToken, int pageSize = Page<T>.DefaultPageSize)
    {
        var number = ClampPage(page);
        var counted = await cappedCount();
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            ordered.Skip((number - 1) * pageSize).Take(pageSize), cancellationToken);
        // A cached count may be older than the rows: never claim fewer rows than this page proves.
        counted = Math.Max(counted, ((number - 1) * pageSize) + items.Count);
        return new Page<T>(items, number, pageSize, counted);
    }
}

/// <summary>
/// Keeps figures derived from a whole list (capped counts, the ledger's totals) for a short time.
/// Counting or summing every matching row is the part of a list page whose cost grows with the table,
/// while the page itself reads one index range. Callers put the change generation of the entity types
/// the figure depends on in the key (<see cref="CustomerProcess.Infrastructure.Persistence.ChangeGenerations"/>),
/// so any change saved by this process is computed afresh on the next request; the time-to-live bounds
/// changes made by another process: with several instances on one database, a figure another instance changed is
/// at most <see cref="TimeToLive"/> old (measured on the <see cref="TimeProvider"/>; TwoInstanceTests). Bounded in entries, since filter values come from users.
/// A figure is computed once however many requests miss it at the same moment: the others wait for that
/// computation (summing 100,000 contracts four times at once cost four times the CPU and 10 MB of SQLite
/// memory in the benchmark's warm-up). If it fails or is cancelled, nothing is kept and each waiting
/// request computes the figure itself. When a figure has only outlived its time to live (the key is the same, so
/// nothing this process saved changed it), the request that finds it old computes it afresh and the others meanwhile
/// get the previous figure instead of waiting: at a million contracts the ledger's totals take 0.6-0.9 s, and every
/// request arriving in that time waited for them every 30 s (bench/results/notes.md, 2026-12-05).
/// </summary>
public sealed class CountCache(TimeProvider? clock = null) : IDisposable
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 5_000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private readonly MemoryCache _figures = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly Lock _gate = new();

    public async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute)
    {
        TaskCompletionSource<T>? mine = null;
        Task<T>? shared;
        lock (_gate)
        {
            // A computation that failed or was cancelled took itself out before completing, so a task found
            // here is still running or has a value.
            var now = _clock.GetUtcNow();
            if (!_figures.TryGetValue(key, out Entry<T>? entry) || entry is null || entry.ExpiresAt <= now)
            {
                mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                var previous = entry is { Figure.IsCompletedSuccessfully: true } ? entry.Figure : null;
                entry = new Entry<T>(mine.Task, now + TimeToLive, previous);
                // Kept a second time to live, as the previous figure of the next computation.
                _figures.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = 2 * TimeToLive });
            }

            shared = entry.Figure.IsCompleted || entry.Previous is null ? entry.Figure : entry.Previous;
        }

        if (mine is null)
        {
            try
            {
                return await shared;
            }
            catch (Exception) when (shared.IsFaulted || shared.IsCanceled)
            {
                // The request that computed it failed or went away: this one computes for itself.
                return await compute();
            }
        }

        try
        {
            var computed = await compute();
            mine.SetResult(computed);
            return computed;
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_figures.TryGetValue(key, out Entry<T>? current) && current?.Figure == mine.Task)
                {
                    _figures.Remove(key);
                }
            }

            if (e is OperationCanceledException)
            {
                mine.SetCanceled(CancellationToken.None);
            }
            else
            {
                mine.SetException(e);
                _ = mine.Task.Exception; // observed here; waiters see it as a failed computation
            }

            throw;
        }
    }

    public void Dispose() => _figures.Dispose();

    private sealed record Entry<T>(Task<T> Figure, DateTimeOffset ExpiresAt, Task<T>? Previous);
}
