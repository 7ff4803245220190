using CustomerProcess.Domain.Retention;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>A record past its retention period, not disposed of and not named in an open disposal.</summary>
public sealed record DueRecord(Guid Id, string Number, DateOnly ClosedOn, DateOnly DueOn);

/// <summary>Which records of a type are due for disposal, and what a disposal names (ADR 0041). Complaints are disposed
/// of here; the other types have their periods and closing events but no disposal yet.</summary>
public sealed class RetentionQueries(AppDbContext db, RetentionPolicy policy, TimeProvider clock)
{
    /// <summary>The record types the application disposes of today.</summary>
    public static readonly IReadOnlyList<RetentionRecordType> Disposable = [RetentionRecordType.Complaints];

    public RetentionPolicy Policy => policy;

    /// <summary>Today's China-time calendar day.</summary>
    public DateOnly Today => RetentionPolicy.ClosingDay(clock.GetUtcNow().UtcDateTime);

    public static bool IsDisposable(RetentionRecordType type) => Disposable.Contains(type);

    /// <summary>Due records of <paramref name="type"/>, oldest closing first.</summary>
    public async Task<Page<DueRecord>> DueAsync(RetentionRecordType type, string? search, int? page, CancellationToken cancellationToken)
    {
        if (!IsDisposable(type))
        {
            return new Page<DueRecord>([], 1, Page<DueRecord>.DefaultPageSize, 0);
        }

        // Closed on a China day up to today minus the period: before the next China midnight, in UTC.
        var lastClosingDay = Today.AddYears(-policy.YearsFor(type));
        var closedBeforeUtc = lastClosingDay.AddDays(1).ToDateTime(TimeOnly.MinValue) - TimeSpan.FromHours(8);
        var query = db.Complaints.AsNoTracking()
            .Where(c => c.DisposalId == null && c.ClosedAtUtc != null && c.ClosedAtUtc < closedBeforeUtc)
            .Where(c => !db.DisposalItems.Any(i => i.RecordId == c.Id && db.DisposalRecords.Any(d => d.Id == i.DisposalId && (d.Status == DisposalStatus.Requested || d.Status == DisposalStatus.Approved))));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(c => c.Number.StartsWith(term));
        }

        var rows = await query.OrderBy(c => c.ClosedAtUtc).ThenBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, ClosedAtUtc = c.ClosedAtUtc!.Value })
            .ToPageAsync(page, cancellationToken);
        var items = rows.Items.Select(r =>
        {
            var closedOn = RetentionPolicy.ClosingDay(r.ClosedAtUtc);
            return new DueRecord(r.Id, r.Number, closedOn, policy.DueOn(type, closedOn));
        }).ToList();
        return new Page<DueRecord>(items, rows.PageNumber, rows.PageSize, rows.CountedTotal);
    }

    /// <summary>The records with these ids as a disposal names them (closing day null while open); unknown ids are left out.</summary>
    public async Task<IReadOnlyList<DisposalCandidate>> CandidatesAsync(RetentionRecordType type, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (type != RetentionRecordType.Complaints)
        {
            return [];
        }

        var rows = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.ClosedAtUtc }).ToListAsync(cancellationToken);
        return rows.Select(r => new DisposalCandidate(r.Id, r.Number, r.ClosedAtUtc is { } closed ? RetentionPolicy.ClosingDay(closed) : null)).ToList();
    }
}
