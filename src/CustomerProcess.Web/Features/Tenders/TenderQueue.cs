using System.Security.Claims;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Queue;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>"Waiting for me" entries of the tenders the user works on (the registering salesperson; the sales manager
/// all): open the go/no-go review, answer open clarifications, prepare the bid, submit an approved bid, record the
/// outcome after the deadline, make the order of a won tender. Review sections, conclusions and approvals of tender
/// reviews are the review engine's entries.</summary>
public sealed class TenderQueue(AppDbContext db, TimeProvider clock)
{
    /// <summary>The queue kinds, in the order the queue page shows them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["tender-review", "tender-clarify", "tender-bid", "tender-submit", "tender-outcome", "tender-order"];

    private const int PerKind = 100;

    public async Task AddAsync(ClaimsPrincipal user, List<QueueItem> items, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Domain.Security.Roles.Sales) && !user.IsInRole(Domain.Security.Roles.SalesManager))
        {
            return;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var all = user.IsInRole(Domain.Security.Roles.SalesManager);
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Tenders.AsNoTracking().Where(t => all || t.SalesUserId == userId);
        var rows = await (
                from t in mine
                join customer in db.Customers on t.CustomerId equals customer.Id
                where t.Status == TenderStatus.Registered || t.Status == TenderStatus.Bidding || t.Status == TenderStatus.BidApproved
                      || (t.Status == TenderStatus.Submitted && t.DeadlineUtc < now) || (t.Status == TenderStatus.Won && t.OrderId == null)
                      || (t.Status == TenderStatus.GoNoGoReview && db.TenderClarifications.Any(c => c.TenderId == t.Id && c.AnsweredAtUtc == null))
                orderby t.DeadlineUtc
                select new
                {
                    t.Id,
                    t.Number,
                    t.Project,
                    customer.Name,
                    t.Status,
                    t.DeadlineUtc,
                    t.CreatedAtUtc,
                    OpenClarifications = db.TenderClarifications.Any(c => c.TenderId == t.Id && c.AnsweredAtUtc == null),
                })
            .Take(PerKind * 3).ToListAsync(cancellationToken);
        foreach (var t in rows)
        {
            var kind = t.Status switch
            {
                _ when t.OpenClarifications && t.Status is TenderStatus.Registered or TenderStatus.GoNoGoReview => "tender-clarify",
                TenderStatus.Registered => "tender-review",
                TenderStatus.Bidding => "tender-bid",
                TenderStatus.BidApproved => "tender-submit",
                TenderStatus.Submitted => "tender-outcome",
                TenderStatus.Won => "tender-order",
                _ => null,
            };
            if (kind is not null)
            {
                items.Add(new QueueItem(kind, t.Number, t.Name + " · " + t.Project, $"/Tenders/Details/{t.Id}", t.DeadlineUtc));
            }
        }
    }
}
