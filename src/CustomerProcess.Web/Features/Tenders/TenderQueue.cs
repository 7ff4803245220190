using System.Security.Claims;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Queue;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>"Waiting for me" entries of the tenders the user works on (the registering salesperson; the sales manager
/// all): open the go/no-go review, answer open clarifications, prepare the bid, submit an approved bid, record the
/// outcome after the deadline, make the order of a won tender. Review sections, conclusions and approvals of tender
/// reviews are the review engine's entries. One of the kinds of <see cref="WaitingWork"/>.</summary>
public sealed class TenderQueue(AppDbContext db, TimeProvider clock)
{
    /// <summary>The queue kinds, in the order the queue page shows them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["tender-review", "tender-clarify", "tender-bid", "tender-submit", "tender-outcome", "tender-order"];

    public static bool Shows(ClaimsPrincipal user) => user.IsInRole(Domain.Security.Roles.Sales) || user.IsInRole(Domain.Security.Roles.SalesManager);

    /// <summary>The waiting tenders, the kind of each (in <see cref="WaitingRow.Extra"/>) decided in SQL.</summary>
    public IQueryable<WaitingRow> Rows(ClaimsPrincipal user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var all = user.IsInRole(Domain.Security.Roles.SalesManager);
        return from t in db.Tenders.Where(t => all || t.SalesUserId == userId)
               join customer in db.Customers on t.CustomerId equals customer.Id
               let openClarifications = db.TenderClarifications.Any(c => c.TenderId == t.Id && c.AnsweredAtUtc == null)
               where t.Status == TenderStatus.Registered || t.Status == TenderStatus.Bidding || t.Status == TenderStatus.BidApproved
                     || (t.Status == TenderStatus.Submitted && t.DeadlineUtc < now) || (t.Status == TenderStatus.Won && t.OrderId == null)
                     || (t.Status == TenderStatus.GoNoGoReview && openClarifications)
               select new WaitingRow
               {
                   Id = t.Id,
                   Number = t.Number,
                   Detail = customer.Name + " · " + t.Project,
                   Extra = openClarifications && (t.Status == TenderStatus.Registered || t.Status == TenderStatus.GoNoGoReview) ? "tender-clarify"
                       : t.Status == TenderStatus.Registered ? "tender-review"
                       : t.Status == TenderStatus.Bidding ? "tender-bid"
                       : t.Status == TenderStatus.BidApproved ? "tender-submit"
                       : t.Status == TenderStatus.Submitted ? "tender-outcome"
                       : "tender-order",
                   SinceUtc = t.DeadlineUtc,
               };
    }

    public static WaitingItem Item(WaitingRow row) =>
        new(row.Extra!, row.Number, row.Detail ?? "", $"/Tenders/Details/{row.Id}", row.SinceUtc, null, null, null);
}
