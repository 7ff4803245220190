using System.Security.Claims;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Dashboards;

/// <summary>Something the user started that waits on others (an order in review, a complaint not yet answered).</summary>
public sealed record StartedItem(string Kind, string Number, string Detail, string Url, DateTime SinceUtc, int WaitingOn);

/// <summary>One figure on the start page: a label key, the value, and a link to the list behind it.</summary>
public sealed record Figure(string Id, string Label, string Value, string? Url, bool Alert = false);

public sealed record HomeDashboardModel(string DisplayName, DateTime NowUtc, IReadOnlyList<Queue.WaitingItem> Waiting, IReadOnlyList<StartedItem> Started, IReadOnlyList<Figure> Figures);

/// <summary>
/// The start page per role (issue #17 item 3): what waits on me (<see cref="Queue.WaitingWork"/>, the queue page's list, sorted
/// by urgency: past its deadline first, then the nearest deadline, then the oldest), what I started that waits on others,
/// and my figures. Plain queries on indexed columns, each capped; nothing is cached (docs/adr/0029).
/// </summary>
public sealed class HomeDashboardQuery(AppDbContext db, ReviewAccess access, Queue.WaitingWork waitingWork, TimeProvider clock, IOptions<ComplaintOptions> complaintOptions)
{
    public const int PerKind = 50;

    /// <summary>The kinds of <see cref="StartedItem"/> (each has a text "Started." + kind).</summary>
    public static readonly string[] StartedKinds = ["in-review", "awaiting-approval", "complaint"];

    public async Task<HomeDashboardModel> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var displayName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var waiting = await waitingWork.ListAsync(user, cancellationToken);
        var started = await StartedAsync(userId, cancellationToken);
        var figures = await FiguresAsync(user, userId, now, cancellationToken);
        return new HomeDashboardModel(string.IsNullOrWhiteSpace(displayName) ? user.Identity!.Name! : displayName, now, waiting, started, figures);
    }

    private async Task<IReadOnlyList<StartedItem>> StartedAsync(string userId, CancellationToken cancellationToken)
    {
        var inReview = await (
                from order in db.SalesOrders
                join customer in db.Customers on order.CustomerId equals customer.Id
                join review in db.Reviews on order.Id equals review.SubjectId
                where order.SalesUserId == userId && (order.Status == OrderStatus.UnderReview || order.Status == OrderStatus.AwaitingApproval)
                      && (review.Status == ReviewStatus.InProgress || review.Status == ReviewStatus.AwaitingApproval)
                orderby order.SubmittedAtUtc
                select new
                {
                    ReviewId = review.Id,
                    order.Number,
                    customer.Name,
                    Since = order.SubmittedAtUtc ?? order.CreatedAtUtc,
                    review.Status,
                    Pending = db.ReviewSections.Count(s => s.ReviewId == review.Id && s.Status == SectionStatus.Pending),
                })
            .Take(PerKind).ToListAsync(cancellationToken);
        var started = inReview.Select(x => new StartedItem(
            x.Status == ReviewStatus.AwaitingApproval ? "awaiting-approval" : "in-review", x.Number, x.Name, $"/Reviews/{x.ReviewId}", x.Since,
            x.Status == ReviewStatus.AwaitingApproval ? 1 : x.Pending)).ToList();

        var complaints = await (
                from c in db.Complaints
                join customer in db.Customers on c.CustomerId equals customer.Id
                where c.LoggedByUserId == userId && c.Status != ComplaintStatus.Closed && c.AnsweredAtUtc == null
                orderby c.ReceivedAtUtc
                select new { c.Id, c.Number, customer.Name, c.ReceivedAtUtc })
            .Take(PerKind).ToListAsync(cancellationToken);
        started.AddRange(complaints.Select(x => new StartedItem("complaint", x.Number, x.Name, $"/Complaints/Details/{x.Id}", x.ReceivedAtUtc, 1)));
        return started.OrderBy(s => s.SinceUtc).ToList();
    }

    private async Task<IReadOnlyList<Figure>> FiguresAsync(ClaimsPrincipal user, string userId, DateTime now, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Formatting.DisplayZone));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        if (user.IsInRole(Roles.Sales) || user.IsInRole(Roles.SalesManager))
        {
            var openOrders = await db.SalesOrders.CountAsync(
                o => o.SalesUserId == userId && (o.Status == OrderStatus.Draft || o.Status == OrderStatus.UnderReview || o.Status == OrderStatus.AwaitingApproval || o.Status == OrderStatus.Approved),
                cancellationToken);
            var mine = from k in db.Contracts
                       join o in db.SalesOrders on k.OrderId equals o.Id
                       where o.SalesUserId == userId && k.Status == ContractStatus.Executing
                       select k;
            var contracts = await mine.CountAsync(cancellationToken);
            var deliveriesOverdue = await mine.CountAsync(k => k.NextDeliveryDue != null && k.NextDeliveryDue < today, cancellationToken);
            var paymentsOverdue = await mine.CountAsync(k => k.PaymentDue != null && k.PaymentDue < today, cancellationToken);
            figures.Add(new Figure("fig-open-orders", "My open orders", Count(openOrders), "/Orders"));
            figures.Add(new Figure("fig-open-contracts", "My contracts in execution", Count(contracts), "/Ledger"));
            figures.Add(new Figure("fig-deliveries-overdue", "Deliveries overdue", Count(deliveriesOverdue), "/Ledger", deliveriesOverdue > 0));
            figures.Add(new Figure("fig-payments-overdue", "Payments overdue", Count(paymentsOverdue), "/Ledger", paymentsOverdue > 0));
        }

        if (user.IsInRole(Roles.QualityStaff) || user.IsInRole(Roles.QualityHead))
        {
            var window = complaintOptions.Value.AnswerWindow;
            var deadlinePassedFor = now - window;
            var open = db.Complaints.Where(c => c.Status != ComplaintStatus.Closed && c.AnsweredAtUtc == null);
            var openOverdue = await open.CountAsync(c => c.ReceivedAtUtc < deadlinePassedFor, cancellationToken);
            var openInTime = await open.CountAsync(c => c.ReceivedAtUtc >= deadlinePassedFor, cancellationToken);
            var monthStartUtc = Formatting.ToUtc(monthStart.ToDateTime(TimeOnly.MinValue));
            var answered = await db.Complaints.Where(c => c.AnsweredAtUtc != null && c.AnsweredAtUtc >= monthStartUtc)
                .Select(c => new { c.ReceivedAtUtc, Answered = c.AnsweredAtUtc!.Value }).ToListAsync(cancellationToken);
            var inTime = answered.Count(c => AnswerClock.AnsweredInTime(c.ReceivedAtUtc, c.Answered, window));
            figures.Add(new Figure("fig-complaints-open", "Complaints open, within the deadline", Count(openInTime), "/Complaints"));
            figures.Add(new Figure("fig-complaints-overdue", "Complaints overdue, not answered", Count(openOverdue), "/Complaints", openOverdue > 0));
            figures.Add(new Figure("fig-complaints-in-time", "Answered in time this month", Count(inTime), "/ComplaintAnalysis"));
            figures.Add(new Figure("fig-complaints-late", "Answered late this month", Count(answered.Count - inTime), "/ComplaintAnalysis", answered.Count > inTime));
        }

        if (user.IsInRole(Roles.GeneralManager))
        {
            var approvals = await db.Reviews.CountAsync(r => r.Status == ReviewStatus.AwaitingApproval, cancellationToken);
            var signed = await db.Contracts.Where(k => k.SignedOn >= monthStart && k.SignedOn <= today)
                .GroupBy(k => k.Currency).Select(g => new { Currency = g.Key, Count = g.Count(), Amount = g.Sum(k => k.AmountMinor) })
                .ToListAsync(cancellationToken);
            figures.Add(new Figure("fig-approvals", "Approvals waiting", Count(approvals), "/Queue", approvals > 0));
            figures.Add(new Figure("fig-contracts-month", "Contracts signed this month", Count(signed.Sum(s => s.Count)), "/Ledger"));
            figures.Add(new Figure("fig-contracts-month-amount", "Contract amount this month",
                signed.Count == 0 ? Formatting.Money(0) : string.Join(" · ", signed.OrderBy(s => s.Currency, StringComparer.Ordinal).Select(s => Formatting.Money(s.Amount / 100m, s.Currency))), "/Ledger"));
        }

        var departments = (await access.SignableDepartmentsAsync(userId, cancellationToken)).ToList();
        if (departments.Count > 0)
        {
            // Pending sections of reviews in progress: the sections that wait (ReviewSection.WaitingSinceUtc).
            var pending = await db.ReviewSections.CountAsync(s => s.WaitingSinceUtc != null && departments.Contains(s.DepartmentCode), cancellationToken);
            var monthStartUtc = Formatting.ToUtc(monthStart.ToDateTime(TimeOnly.MinValue));
            var signedByUs = await (
                from signature in db.ReviewSignatures
                join section in db.ReviewSections on signature.SectionId equals section.Id
                where signature.SignedAtUtc >= monthStartUtc && signature.InvalidatedAtUtc == null && departments.Contains(section.DepartmentCode)
                select signature.Id).CountAsync(cancellationToken);
            figures.Add(new Figure("fig-sections-pending", "Review sections of my department open", Count(pending), "/Queue", pending > 0));
            figures.Add(new Figure("fig-sections-signed", "Sections signed this month", Count(signedByUs), null));
        }

        return figures;
    }

    private static string Count(int value) => value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);
}
