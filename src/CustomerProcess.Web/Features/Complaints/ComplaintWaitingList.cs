using System.Security.Claims;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>What the current user has to do next on complaints and returns.</summary>
public enum WaitingKind
{
    Answer,
    Verify,
    Close,
    Inspect,
    BookBack,
    MyAction,
    Settle,
}

public sealed record WaitingItem(WaitingKind Kind, string Number, string Detail, string Url, DateTime SinceUtc, DateOnly? Due);

/// <summary>
/// The personal queue on the complaints board: quality answers, verifies, closes, inspects and books
/// back; sales settle unfounded returns of their customers; anyone completes the actions they own.
/// </summary>
public sealed class ComplaintWaitingList(AppDbContext db, ComplaintAccess access)
{
    private const int PerKind = 50;

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var complaints = access.VisibleComplaints(user).AsNoTracking();
        var items = new List<WaitingItem>();

        if (ComplaintAccess.IsQuality(user))
        {
            var toAnswer = await complaints.Where(c => c.Status != ComplaintStatus.Closed && c.AnsweredAtUtc == null)
                .OrderBy(c => c.ReceivedAtUtc).Take(PerKind)
                .Select(c => new { c.Id, c.Number, c.Description, c.ReceivedAtUtc }).ToListAsync(cancellationToken);
            items.AddRange(toAnswer.Select(c => new WaitingItem(WaitingKind.Answer, c.Number, Short(c.Description), Details(c.Id, "answer-form"), c.ReceivedAtUtc, null)));

            var toVerify = await (
                    from a in db.CorrectiveActions.AsNoTracking()
                    join c in complaints on a.ComplaintId equals c.Id
                    where a.Status == ActionStatus.Done && c.Status != ComplaintStatus.Closed
                    orderby a.DueDate
                    select new { c.Id, c.Number, a.Description, a.CompletedAtUtc, a.DueDate })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toVerify.Select(x => new WaitingItem(WaitingKind.Verify, x.Number, Short(x.Description), Details(x.Id, "actions"), x.CompletedAtUtc ?? default, x.DueDate)));

            var toClose = await complaints
                .Where(c => c.Status == ComplaintStatus.Answered
                            && !db.CorrectiveActions.Any(a => a.ComplaintId == c.Id && a.Status != ActionStatus.Verified && a.Status != ActionStatus.Waived))
                .OrderBy(c => c.AnsweredAtUtc).Take(PerKind)
                .Select(c => new { c.Id, c.Number, c.AnswerText, c.AnsweredAtUtc }).ToListAsync(cancellationToken);
            items.AddRange(toClose.Select(c => new WaitingItem(WaitingKind.Close, c.Number, Short(c.AnswerText ?? ""), Details(c.Id, "close-form"), c.AnsweredAtUtc ?? default, null)));

            var toInspect = await ReturnsAsync(user, ReturnStatus.Registered, founded: null, cancellationToken);
            items.AddRange(toInspect.Select(r => new WaitingItem(WaitingKind.Inspect, r.Label, Short(r.Description), ReturnDetails(r.Id), r.ReceivedAtUtc, null)));

            var toBookBack = await ReturnsAsync(user, ReturnStatus.Inspected, founded: true, cancellationToken);
            items.AddRange(toBookBack.Select(r => new WaitingItem(WaitingKind.BookBack, r.Label, Short(r.Description), ReturnDetails(r.Id), r.ReceivedAtUtc, null)));
        }

        if (ComplaintAccess.IsSales(user))
        {
            var toSettle = await ReturnsAsync(user, ReturnStatus.Inspected, founded: false, cancellationToken);
            items.AddRange(toSettle.Select(r => new WaitingItem(WaitingKind.Settle, r.Label, Short(r.Description), ReturnDetails(r.Id), r.ReceivedAtUtc, null)));
        }

        var mine = await (
                from a in db.CorrectiveActions.AsNoTracking()
                join c in db.Complaints.AsNoTracking() on a.ComplaintId equals c.Id
                where a.OwnerUserId == userId && a.Status == ActionStatus.Open && c.Status != ComplaintStatus.Closed
                orderby a.DueDate
                select new { c.Id, c.Number, a.Description, c.ReceivedAtUtc, a.DueDate })
            .Take(PerKind).ToListAsync(cancellationToken);
        items.AddRange(mine.Select(x => new WaitingItem(WaitingKind.MyAction, x.Number, Short(x.Description), Details(x.Id, "actions"), x.ReceivedAtUtc, x.DueDate)));

        return items;
    }

    private async Task<List<(Guid Id, string Label, string Description, DateTime ReceivedAtUtc)>> ReturnsAsync(
        ClaimsPrincipal user, ReturnStatus status, bool? founded, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in access.VisibleReturns(user).AsNoTracking()
                where r.Status == status && (founded == null || r.IsFounded == founded)
                orderby r.ReceivedAtUtc
                select new
                {
                    r.Id,
                    Complaint = db.Complaints.Where(c => c.Id == r.ComplaintId).Select(c => c.Number).FirstOrDefault(),
                    Contract = db.Contracts.Where(k => k.Id == r.ContractId).Select(k => k.Number).FirstOrDefault(),
                    r.Description,
                    r.ReceivedAtUtc,
                })
            .Take(PerKind).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Complaint ?? r.Contract ?? "", r.Description, r.ReceivedAtUtc)).ToList();
    }

    private static string Details(Guid complaintId, string anchor) => $"/Complaints/Details/{complaintId}#{anchor}";

    private static string ReturnDetails(Guid returnId) => $"/Returns/Details/{returnId}";

    private static string Short(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
