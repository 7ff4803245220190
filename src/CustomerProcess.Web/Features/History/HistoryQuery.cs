using CustomerProcess.Domain.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.History;

public sealed record HistoryViewModel(string Title, string BackUrl, IReadOnlyList<AuditEntry> Rows, PagerModel Pager);

/// <summary>Reads the audit trail of one record (and of the records that belong to it),
/// newest first, paged. Every feature's History view uses this.</summary>
public sealed class HistoryQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<HistoryViewModel> ForAsync(
        string title,
        string backUrl,
        IReadOnlyCollection<string> entityIds,
        int? page,
        Func<int, string> pageUrl,
        CancellationToken cancellationToken)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => entityIds.Contains(a.EntityId))
            .OrderByDescending(a => a.Id)
            .ToPageAsync(page, cancellationToken, PageSize);
        return new HistoryViewModel(title, backUrl, rows.Items, PagerModel.For(rows, pageUrl));
    }
}
