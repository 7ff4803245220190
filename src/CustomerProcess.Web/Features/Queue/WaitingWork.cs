using System.Globalization;
using System.Security.Claims;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Features.Tenders;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Queue;

/// <summary>One thing waiting on the user: what, for whom, the amount when there is one, since when and until when.</summary>
public sealed record WaitingItem(string Kind, string Number, string Detail, string Url, DateTime SinceUtc, long? AmountMinor, string? Currency, DateTime? DueUtc)
{
    public bool IsOverdue(DateTime nowUtc) => DueUtc is { } due && nowUtc > due;
}

/// <summary>One row of a kind of waiting work, as SQL returns it (a class with settable members, so a count can be
/// composed on top of the same query).</summary>
public sealed class WaitingRow
{
    /// <summary>The record the link opens.</summary>
    public Guid Id { get; init; }

    public string Number { get; set; } = "";

    public string? Detail { get; init; }

    /// <summary>The reviewed record (an order, a contract change, a tender) when the row is about a review: its number
    /// and customer are read for the listed rows only, after the rows (<see cref="WaitingWork.ListAsync"/>).</summary>
    public Guid? SubjectId { get; init; }

    public ReviewSubjectKind? SubjectKind { get; init; }

    /// <summary>The customer of the reviewed record (filled with <see cref="Number"/> from <see cref="SubjectId"/>).</summary>
    public string? CustomerName { get; set; }

    /// <summary>What the link and the detail need besides (a department code, a discrepancy number, a site…).</summary>
    public string? Extra { get; init; }

    public DateTime SinceUtc { get; init; }

    public long? AmountMinor { get; init; }

    public string? Currency { get; init; }

    public DateOnly? DueDate { get; init; }

    public int Flag { get; init; }
}

/// <summary>
/// "What waits on me" (issue #17): the one definition behind the queue page, the start page's list and the menu's count.
/// Each kind is one query; the lists read at most <see cref="PerKind"/> rows of each (then the listed reviews' records, one
/// query per kind of record), the count is one
/// <c>SELECT COUNT(*)</c> over the UNION ALL of every kind's keys (no rows loaded). The departments the user signs for
/// are read first (one small query), since the sections to sign are read one department at a time; the departments the
/// user acts for are subqueries. So the layout adds two commands to a page whatever waits, when the count is not kept.
/// </summary>
public sealed class WaitingWork(
    AppDbContext db, ReviewAccess access, ReviewSubjects subjects, TenderQueue tenders, IOptions<ComplaintOptions> complaintOptions, DepartmentNames departmentNames,
    CountCache cache, ChangeGenerations generations)
{
    public const int PerKind = 100;

    /// <summary>The menu's count stops here (shown as "99+").</summary>
    public const int CountLimit = 100;

    /// <summary>The queue kinds, in the order the queue page shows them (each has a text "Queue." + kind).</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["sign", "acknowledge", "confirm", "resolve", "conclude", "approve", "change", "contract", "notice", "service", "complaint", "verify", "action", "draft", .. TenderQueue.Kinds];

    private sealed record Source(string Kind, IQueryable<WaitingRow> Rows, Func<WaitingRow, IReadOnlyDictionary<string, string>, WaitingItem?> Item);

    /// <summary>Everything waiting on the user, at most <see cref="PerKind"/> of each kind, most urgent first.</summary>
    public async Task<IReadOnlyList<WaitingItem>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return [];
        }

        var names = await departmentNames.AllAsync(cancellationToken);
        var signable = await access.SignableDepartmentsAsync(userId, cancellationToken);
        var listed = new List<(Source Source, List<WaitingRow> Rows)>();
        foreach (var source in Sources(user, userId, signable))
        {
            listed.Add((source, await source.Rows.OrderBy(r => r.SinceUtc).Take(PerKind).ToListAsync(cancellationToken)));
        }

        // The reviewed records' numbers and customers, for the listed rows only, one query per kind of record listed:
        // joining every review query to the union of every kind of record made each query several times larger to
        // build and to run (bench/results/notes.md).
        var subjectsById = new Dictionary<Guid, ReviewSubjectRow>();
        foreach (var ofKind in listed.SelectMany(l => l.Rows).Where(r => r.SubjectId is not null).GroupBy(r => r.SubjectKind!.Value))
        {
            var ids = ofKind.Select(r => r.SubjectId!.Value).Distinct().ToList();
            foreach (var subject in await subjects.For(ofKind.Key).Rows().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                subjectsById[subject.Id] = subject;
            }
        }

        var items = new List<WaitingItem>();
        foreach (var (source, rows) in listed)
        {
            foreach (var row in rows)
            {
                if (row.SubjectId is { } subjectId)
                {
                    if (!subjectsById.TryGetValue(subjectId, out var subject))
                    {
                        continue;
                    }

                    row.Number = subject.Number;
                    row.CustomerName = subject.CustomerName;
                }

                if (source.Item(row, names) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return ByUrgency(items);
    }

    /// <summary>How many things wait on the user (the menu's number), counted up to 100 as the bell's unread count is (the
    /// menu shows "99+" beyond): one COUNT in SQL, kept per user until the next
    /// save of anything in this process (<see cref="ChangeGenerations.OfAnything"/>) or for at most
    /// <see cref="CountCache.TimeToLive"/> (another instance's saves, a deadline passing). Every page shows it, and
    /// building and running the UNION of every kind was the largest part of the layout's cost (docs/adr/0040). Without
    /// the limit, a head with 16,000 sections to sign paid a third of the app's CPU for it under virtual users, since
    /// every save recomputes it (bench/results/notes.md, fifth session).</summary>
    public Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Task.FromResult(0);
        }

        var key = string.Join('\u001f', "waiting-count", generations.OfAnything().ToString(CultureInfo.InvariantCulture), userId, UserVersions.Of(user));
        return cache.GetOrComputeAsync(key, async () =>
        {
            var signable = await access.SignableDepartmentsAsync(userId, cancellationToken);
            return await Sources(user, userId, signable).Select(s => s.Rows.Select(r => r.Id)).Aggregate(Queryable.Concat).Take(CountLimit).CountAsync(cancellationToken);
        });
    }

    /// <summary>Past the deadline first (most overdue first), then by the nearest deadline, then the oldest.</summary>
    public static IReadOnlyList<WaitingItem> ByUrgency(IEnumerable<WaitingItem> items) =>
        items.OrderBy(i => i.DueUtc is null ? 1 : 0).ThenBy(i => i.DueUtc).ThenBy(i => i.SinceUtc).ToList();

    /// <param name="signableCodes">The departments the user signs for (<see cref="ReviewAccess.SignableDepartmentsAsync"/>),
    /// read first: the sections to sign are read one department at a time.</param>
    private List<Source> Sources(ClaimsPrincipal user, string userId, IReadOnlySet<string> signableCodes)
    {
        var sources = new List<Source>();
        var signable = access.SignableDepartments(userId);
        var acting = access.SignableAndOwnDepartments(userId);

        if (ToSign(signableCodes) is { } toSign)
        {
            sources.Add(new("sign", toSign,
                (x, names) => new("sign", x.Number, x.CustomerName + " · " + names.GetValueOrDefault(x.Extra!, x.Extra!), $"/Reviews/{x.Id}#section-{x.Extra}", x.SinceUtc, x.AmountMinor, x.Currency, null)));
        }

        sources.Add(new("confirm",
            from d in db.Discrepancies
            join review in db.Reviews on d.ReviewId equals review.Id
            where d.Status == DiscrepancyStatus.Resolved && signable.Contains(d.DepartmentCode)
            select new WaitingRow { Id = review.Id, SubjectId = review.SubjectId, SubjectKind = review.SubjectKind, Detail = d.Clause, Flag = d.Number, SinceUtc = d.RaisedAtUtc },
            (x, _) => Discrepancy("confirm", x)));

        if (user.IsInRole(Roles.SalesManager))
        {
            sources.Add(new("resolve",
                from d in db.Discrepancies
                join review in db.Reviews on d.ReviewId equals review.Id
                where d.Status == DiscrepancyStatus.Open && (review.Status == ReviewStatus.InProgress || review.Status == ReviewStatus.AwaitingApproval)
                select new WaitingRow { Id = review.Id, SubjectId = review.SubjectId, SubjectKind = review.SubjectKind, Detail = d.Clause, Flag = d.Number, SinceUtc = d.RaisedAtUtc },
                (x, _) => Discrepancy("resolve", x)));
        }

        var concluders = new List<ReviewConcluder>();
        if (user.IsInRole(Roles.SalesManager))
        {
            concluders.Add(ReviewConcluder.SalesManager);
        }

        if (user.IsInRole(Roles.BusinessUnitHead))
        {
            concluders.Add(ReviewConcluder.BusinessUnitHead);
        }

        if (concluders.Count > 0)
        {
            sources.Add(new("conclude",
                from review in db.Reviews
                from order in db.SalesOrders.Where(o => o.Id == review.SubjectId).DefaultIfEmpty()
                where review.Status == ReviewStatus.InProgress && concluders.Contains(review.Concluder)
                      && !db.ReviewSections.Any(s => s.ReviewId == review.Id && s.Status == SectionStatus.Pending)
                select new WaitingRow
                {
                    Id = review.Id,
                    SubjectId = review.SubjectId,
                    SubjectKind = review.SubjectKind,
                    SinceUtc = review.OpenedAtUtc,
                    AmountMinor = (long?)order.TotalMinor,
                    Currency = order.Currency,
                },
                (x, _) => new("conclude", x.Number, x.CustomerName ?? "", $"/Reviews/{x.Id}#conclude-form", x.SinceUtc, x.AmountMinor, x.Currency, null)));
        }

        if (user.IsInRole(Roles.GeneralManager))
        {
            sources.Add(new("approve",
                from review in db.Reviews
                from order in db.SalesOrders.Where(o => o.Id == review.SubjectId).DefaultIfEmpty()
                where review.Status == ReviewStatus.AwaitingApproval
                select new WaitingRow
                {
                    Id = review.Id,
                    SubjectId = review.SubjectId,
                    SubjectKind = review.SubjectKind,
                    SinceUtc = review.OpenedAtUtc,
                    AmountMinor = (long?)order.TotalMinor,
                    Currency = order.Currency,
                },
                (x, _) => new("approve", x.Number, x.CustomerName ?? "", $"/Reviews/{x.Id}#gm-approval", x.SinceUtc, x.AmountMinor, x.Currency, null)));
        }

        if (user.IsInRole(Roles.ContractAdministrator) || user.IsInRole(Roles.SalesManager))
        {
            sources.Add(new("contract",
                from order in db.SalesOrders
                join customer in db.Customers on order.CustomerId equals customer.Id
                where order.Status == OrderStatus.Approved
                select new WaitingRow { Id = order.Id, Number = order.Number, Detail = customer.Name, SinceUtc = order.CreatedAtUtc, AmountMinor = order.TotalMinor, Currency = order.Currency },
                (x, _) => new("contract", x.Number, x.Detail ?? "", $"/Orders/Details/{x.Id}#sign-contract", x.SinceUtc, x.AmountMinor, x.Currency, null)));
        }

        AddTracking(user, acting, sources);

        if (user.IsInRole(Roles.QualityStaff) || user.IsInRole(Roles.QualityHead))
        {
            // Complaints logged by anyone (sales included) reach quality at once.
            var window = complaintOptions.Value.AnswerWindow;
            sources.Add(new("complaint",
                from c in db.Complaints
                join customer in db.Customers on c.CustomerId equals customer.Id
                where c.Status != ComplaintStatus.Closed && c.AnsweredAtUtc == null
                select new WaitingRow { Id = c.Id, Number = c.Number, Detail = customer.Name, SinceUtc = c.ReceivedAtUtc },
                (x, _) => new("complaint", x.Number, x.Detail ?? "", $"/Complaints/Details/{x.Id}", x.SinceUtc, null, null, AnswerClock.Deadline(x.SinceUtc, window))));

            sources.Add(new("verify",
                from a in db.CorrectiveActions
                join c in db.Complaints on a.ComplaintId equals c.Id
                where a.Status == ActionStatus.Done && c.Status != ComplaintStatus.Closed
                select new WaitingRow { Id = c.Id, Number = c.Number, Detail = a.Description, SinceUtc = c.ReceivedAtUtc },
                (x, _) => new("verify", x.Number, x.Detail ?? "", $"/Complaints/Details/{x.Id}#actions", x.SinceUtc, null, null, null)));
        }

        sources.Add(new("action",
            from a in db.CorrectiveActions
            join c in db.Complaints on a.ComplaintId equals c.Id
            where a.OwnerUserId == userId && a.Status == ActionStatus.Open && c.Status != ComplaintStatus.Closed
            select new WaitingRow { Id = c.Id, Number = c.Number, Detail = a.Description, SinceUtc = c.ReceivedAtUtc, DueDate = a.DueDate },
            (x, _) => new("action", x.Number, x.Detail ?? "", $"/Complaints/Details/{x.Id}#actions", x.SinceUtc, null, null,
                Formatting.ToUtc(x.DueDate!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue)))));

        sources.Add(new("draft",
            db.SalesOrders.Where(o => o.SalesUserId == userId && o.Status == OrderStatus.Draft)
                .Select(o => new WaitingRow { Id = o.Id, Number = o.Number, SinceUtc = o.CreatedAtUtc }),
            (x, _) => new("draft", x.Number, "", $"/Orders/Details/{x.Id}", x.SinceUtc, null, null, null)));

        if (TenderQueue.Shows(user))
        {
            sources.Add(new("tender", tenders.Rows(user), (x, _) => TenderQueue.Item(x)));
        }

        return sources;
    }

    /// <summary>The sections waiting for the user's departments (<see cref="ReviewSection.WaitingSinceUtc"/>), the first
    /// <see cref="PerKind"/> of each department read in order from the index on (department, waiting since). One query
    /// for all departments (<c>IN</c>) made SQLite read and sort every waiting section of them: 24 ms a list for a head
    /// with 10,000 waiting, against under 1 ms (bench/results/notes.md, seventh session). Null when the user signs for
    /// no department.</summary>
    private IQueryable<WaitingRow>? ToSign(IReadOnlySet<string> signableCodes)
    {
        IQueryable<WaitingRow>? all = null;
        foreach (var code in signableCodes.Order(StringComparer.Ordinal))
        {
            var ofDepartment = (
                from section in db.ReviewSections
                join review in db.Reviews on section.ReviewId equals review.Id
                from order in db.SalesOrders.Where(o => o.Id == review.SubjectId).DefaultIfEmpty()
                where section.DepartmentCode == code && section.WaitingSinceUtc != null && review.Status == ReviewStatus.InProgress
                      && !db.Discrepancies.Any(d => d.ReviewId == review.Id && d.DepartmentCode == section.DepartmentCode && d.Status != DiscrepancyStatus.Confirmed)
                orderby section.WaitingSinceUtc
                select new WaitingRow
                {
                    Id = review.Id,
                    SubjectId = review.SubjectId,
                    SubjectKind = review.SubjectKind,
                    Extra = section.DepartmentCode,
                    SinceUtc = section.WaitingSinceUtc!.Value,
                    AmountMinor = (long?)order.TotalMinor,
                    Currency = order.Currency,
                }).Take(PerKind);
            all = all is null ? ofDepartment : all.Concat(ofDepartment);
        }

        return all;
    }

    /// <summary>Order tracking: notices to acknowledge, task notices to issue or revise, service notices, changes to decide.</summary>
    private void AddTracking(ClaimsPrincipal user, IQueryable<string> acting, List<Source> sources)
    {
        sources.Add(new("acknowledge",
            from ack in db.NoticeAcknowledgements
            join notice in db.TaskNotices on ack.NoticeId equals notice.Id
            join contract in db.Contracts on notice.ContractId equals contract.Id
            where ack.AcknowledgedAtUtc == null && notice.Status == NoticeStatus.Issued && acting.Contains(ack.DepartmentCode)
            select new WaitingRow { Id = notice.Id, Number = notice.Number, Detail = contract.Number, Extra = ack.DepartmentCode, SinceUtc = notice.IssuedAtUtc },
            (x, names) => new("acknowledge", x.Number, x.Detail + " · " + names.GetValueOrDefault(x.Extra!, x.Extra!), $"/Notices/{x.Id}#ack-{x.Extra}", x.SinceUtc, null, null, null)));

        sources.Add(new("service",
            from notice in db.ServiceNotices
            join contract in db.Contracts on notice.ContractId equals contract.Id
            where notice.Status == ServiceNoticeStatus.Open && acting.Contains(ReviewDepartments.Technical)
            select new WaitingRow { Id = notice.Id, Number = notice.Number, Detail = contract.Number, Extra = notice.Site, SinceUtc = notice.IssuedAtUtc },
            (x, _) => new("service", x.Number, x.Detail + " · " + x.Extra, $"/ServiceNotices/{x.Id}", x.SinceUtc, null, null, null)));

        if (user.IsInRole(Roles.ContractAdministrator))
        {
            // Executing contracts whose production task notice is missing or issued from an older version.
            sources.Add(new("notice",
                from contract in db.Contracts
                where contract.Status == ContractStatus.Executing && contract.HeldByChangeId == null
                      && !db.TaskNotices.Any(n => n.ContractId == contract.Id && n.Kind == NoticeKind.ProductionTask && n.Status != NoticeStatus.Superseded
                                                  && n.ContractVersion == contract.CurrentVersion)
                select new WaitingRow { Id = contract.Id, Number = contract.Number, Flag = contract.CurrentVersion, SinceUtc = contract.EnteredAtUtc },
                (x, _) => new("notice", x.Number, "v" + x.Flag, $"/Notices/New?contractId={x.Id}", x.SinceUtc, null, null, null)));
        }

        if (TrackingAccess.CanDecideChanges(user))
        {
            sources.Add(new("change",
                from change in db.ContractChanges
                join contract in db.Contracts on change.ContractId equals contract.Id
                where change.Status == ChangeStatus.Requested
                select new WaitingRow { Id = change.Id, Number = change.Number, Detail = contract.Number, Extra = change.What, SinceUtc = change.RecordedAtUtc },
                (x, _) => new("change", x.Number, x.Detail + " · " + x.Extra, $"/Changes/{x.Id}", x.SinceUtc, null, null, null)));
        }
    }

    private static WaitingItem Discrepancy(string kind, WaitingRow x) =>
        new(kind, x.Number, $"#{x.Flag} {x.Detail}", $"/Reviews/{x.Id}#discrepancy-{x.Flag}", x.SinceUtc, null, null, null);
}
