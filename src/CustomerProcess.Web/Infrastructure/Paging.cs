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
}
