using System.Security.Claims;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.SpecialRequirements;

public sealed class CaseFilter
{
    public string? Q { get; set; }

    public CaseStatus? Status { get; set; }

    public CasePriority? Priority { get; set; }

    /// <summary>Only overdue cases.</summary>
    public bool Overdue { get; set; }

    public int? Page { get; set; }

    public object RouteValues(int? page = null) => new { q = Q, status = Status, priority = Priority, overdue = Overdue ? true : (bool?)null, page };
}

public sealed record CaseRow(Guid Id, string Number, string Title, string CustomerName, CaseSource Source, CasePriority Priority, DateOnly DueOn, string OwnerName, CaseStatus Status);

public sealed record CaseRowsModel(IReadOnlyList<CaseRow> Rows, DateOnly Today, string Id);

public sealed record CaseIndexViewModel(CaseFilter Filter, Page<CaseRow> Page, PagerModel Pager, DateOnly Today, bool CanOpen);

public sealed record MyCasesViewModel(IReadOnlyList<CaseRow> Overdue, IReadOnlyList<CaseRow> DueSoon, IReadOnlyList<CaseRow> Later, DateOnly Today, int ReminderDays);

public sealed record CaseDetailsViewModel(SpecialRequirementCase Case, string CustomerName, string CustomerCode, string? OrderNumber, string? ContractNumber, DateOnly Today, bool CanWork);

public sealed record CaseCount(string Key, int Total, int Pending, int InProgress, int Done, int Overdue, int DoneOnTime, double? AverageHandlingDays)
{
    /// <summary>Share of the done cases finished on or before their due date; null when none is done.</summary>
    public double? OnTimeRate => Done == 0 ? null : (double)DoneOnTime / Done;
}

public sealed record CaseReportViewModel(CaseCount All, IReadOnlyList<CaseCount> ByPriority, IReadOnlyList<CaseCount> ByCustomer, DateOnly Today);

/// <summary>Reads of special-requirement cases: the list, the owner's reminders and the reports.</summary>
public sealed class CaseQueries(AppDbContext db, CaseAccess access, TimeProvider clock, IOptions<SpecialRequirementOptions> options)
{
    public DateOnly Today => InputRules.Today(clock);

    public int ReminderDays => Math.Max(0, options.Value.ReminderDays);

    public IQueryable<CaseRow> Rows(IQueryable<SpecialRequirementCase> query) =>
        query.Select(c => new CaseRow(c.Id, c.Number, c.Title, db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First(), c.Source, c.Priority,
            c.DueOn, c.OwnerName, c.Status));

    public IQueryable<CaseRow> Filtered(CaseFilter filter, ClaimsPrincipal user)
    {
        var query = access.VisibleCases(user).AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(c => c.Priority == priority);
        }

        if (filter.Overdue)
        {
            var today = Today;
            query = query.Where(c => c.Status != CaseStatus.Done && c.DueOn < today);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(c => c.Number.StartsWith(upper) || c.Title.Contains(term) || c.OwnerName.Contains(term)
                || db.Customers.Any(x => x.Id == c.CustomerId && (x.Code.StartsWith(upper) || x.SearchName.Contains(upper))));
        }

        return Rows(query.OrderBy(c => c.Status == CaseStatus.Done).ThenBy(c => c.DueOn).ThenBy(c => c.Number));
    }

    /// <summary>The user's open cases: overdue, due within the reminder window, later.</summary>
    public async Task<MyCasesViewModel> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = CaseAccess.UserId(user);
        var today = Today;
        var days = ReminderDays;
        var open = await Rows(db.SpecialRequirementCases.AsNoTracking().Where(c => c.OwnerUserId == userId && c.Status != CaseStatus.Done)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Number)).Take(500).ToListAsync(cancellationToken);
        return new MyCasesViewModel(
            open.Where(c => CaseDeadline.IsOverdue(c.Status, c.DueOn, today)).ToList(),
            open.Where(c => CaseDeadline.IsDueSoon(c.Status, c.DueOn, today, days)).ToList(),
            open.Where(c => !CaseDeadline.NeedsReminder(c.Status, c.DueOn, today, days)).ToList(),
            today, days);
    }

    /// <summary>How many of the user's open cases are overdue or due soon (the home page's count).</summary>
    public Task<int> ReminderCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = CaseAccess.UserId(user);
        var horizon = Today.AddDays(ReminderDays);
        return db.SpecialRequirementCases.AsNoTracking().CountAsync(c => c.OwnerUserId == userId && c.Status != CaseStatus.Done && c.DueOn <= horizon, cancellationToken);
    }

    public async Task<CaseReportViewModel> ReportAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var today = Today;
        var cases = await access.VisibleCases(user).AsNoTracking()
            .Select(c => new
            {
                c.Priority,
                c.Status,
                c.DueOn,
                c.OpenedOn,
                c.DoneOn,
                Customer = db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First(),
            })
            .ToListAsync(cancellationToken);

        CaseCount Summarize<T>(string key, IReadOnlyCollection<T> group, Func<T, CaseStatus> status, Func<T, DateOnly> due, Func<T, DateOnly> opened, Func<T, DateOnly?> done)
        {
            var finished = group.Where(c => status(c) == CaseStatus.Done && done(c) is not null).ToList();
            return new CaseCount(key, group.Count,
                group.Count(c => status(c) == CaseStatus.Pending),
                group.Count(c => status(c) == CaseStatus.InProgress),
                group.Count(c => status(c) == CaseStatus.Done),
                group.Count(c => CaseDeadline.IsOverdue(status(c), due(c), today)),
                finished.Count(c => CaseDeadline.DoneOnTime(due(c), done(c)!.Value)),
                finished.Count == 0 ? null : finished.Average(c => (double)(done(c)!.Value.DayNumber - opened(c).DayNumber)));
        }

        var all = Summarize("", cases, c => c.Status, c => c.DueOn, c => c.OpenedOn, c => c.DoneOn);
        var byPriority = Enum.GetValues<CasePriority>().Reverse()
            .Select(p => Summarize(p.ToString(), cases.Where(c => c.Priority == p).ToList(), c => c.Status, c => c.DueOn, c => c.OpenedOn, c => c.DoneOn)).ToList();
        var byCustomer = cases.GroupBy(c => c.Customer).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, g.ToList(), c => c.Status, c => c.DueOn, c => c.OpenedOn, c => c.DoneOn)).ToList();
        return new CaseReportViewModel(all, byPriority, byCustomer, today);
    }
}
