using System.Security.Claims;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>A tender's review subject for the engine (ADR 0020): loads the tender, shows the invitation or the bid
/// on the review form, print view and PDF, and lets the tender's readers and the heads who sign read the review.</summary>
public abstract class TenderSubjectSource(AppDbContext db, TenderAccess access, ReviewAccess reviewAccess) : IReviewSubjectSource
{
    public abstract ReviewSubjectKind Kind { get; }

    protected AppDbContext Db => db;

    public async Task<IReviewedSubject?> LoadAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.Include(t => t.Clarifications).Include(t => t.Competitors).FirstOrDefaultAsync(t => t.Id == subjectId, cancellationToken);
        return tender is null ? null : Wrap(tender);
    }

    public Task<int?> ContentVersionAsync(Guid subjectId, CancellationToken cancellationToken) =>
        db.Tenders.Where(t => t.Id == subjectId).Select(t => (int?)t.ContentVersion).FirstOrDefaultAsync(cancellationToken);

    public async Task<ReviewSubjectView?> ViewAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().Include(t => t.Clarifications).FirstOrDefaultAsync(t => t.Id == subjectId, cancellationToken);
        if (tender is null)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == tender.CustomerId, cancellationToken);
        return new ReviewSubjectView(Kind, tender.Id, tender.Number, $"/Tenders/Details/{tender.Id}", tender.ContentVersion, null, customer, Summary(tender));
    }

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Review review, ReviewSubjectView? subject, CancellationToken cancellationToken)
    {
        if (await access.Visible(user).AnyAsync(t => t.Id == review.SubjectId, cancellationToken))
        {
            return true;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return false;
        }

        var departments = (await reviewAccess.SignableDepartmentsAsync(userId, cancellationToken)).ToList();
        return await db.ReviewSections.AnyAsync(s => s.ReviewId == review.Id && departments.Contains(s.DepartmentCode), cancellationToken);
    }

    /// <summary>Raised by the sales manager: the full tender sections at the new level, approved by the GM.</summary>
    public Task<ReviewDecision?> DecisionAtLevelAsync(Guid subjectId, ReviewLevel level, CancellationToken cancellationToken) =>
        Task.FromResult<ReviewDecision?>(level >= ReviewLevel.FullCountersign
            ? new ReviewDecision(level, [], TenderReviewPolicy.FullDepartments, ReviewConcluder.GeneralManager)
            : new ReviewDecision(level, [], TenderReviewPolicy.InternalDepartments, ReviewConcluder.BusinessUnitHead));

    public IQueryable<ReviewSubjectRow> Rows() =>
        from t in db.Tenders
        join customer in db.Customers on t.CustomerId equals customer.Id
        select new ReviewSubjectRow { Id = t.Id, Number = t.Number, CustomerName = customer.Name };

    protected abstract IReviewedSubject Wrap(Tender tender);

    protected abstract IReadOnlyList<string> Summary(Tender tender);
}

/// <summary>The go/no-go review's subject: the invitation and its clarifications.</summary>
public sealed class TenderInvitationSubjectSource(AppDbContext db, TenderAccess access, ReviewAccess reviewAccess) : TenderSubjectSource(db, access, reviewAccess)
{
    public override ReviewSubjectKind Kind => ReviewSubjectKind.TenderInvitation;

    protected override IReviewedSubject Wrap(Tender tender) => new TenderInvitationSubject(tender);

    protected override IReadOnlyList<string> Summary(Tender tender) =>
    [
        "投标决策评审 / Go/no-go review", tender.Project, "估算金额 / Estimated amount: " + Formatting.Money(tender.EstimatedAmount),
        "投标截止 / Bid deadline: " + Formatting.LocalTime(tender.DeadlineUtc), tender.Requirements ?? "",
        .. tender.Clarifications.OrderBy(c => c.Number).Select(c => $"澄清 / Clarification {c.Number}: {c.Question} → {c.Answer ?? "—"}"
            + (c.EvidenceType is { } evidence ? $" (证据 / Evidence: {evidence} {c.EvidenceReference})" : "")),
    ];
}

/// <summary>The bid review's subject: the bid before submission.</summary>
public sealed class BidSubjectSource(AppDbContext db, TenderAccess access, ReviewAccess reviewAccess) : TenderSubjectSource(db, access, reviewAccess)
{
    public override ReviewSubjectKind Kind => ReviewSubjectKind.Bid;

    protected override IReviewedSubject Wrap(Tender tender) => new BidSubject(tender);

    protected override IReadOnlyList<string> Summary(Tender tender) =>
    [
        "投标评审 / Bid review", tender.Project, "投标金额 / Bid amount: " + (tender.BidAmount is { } bid ? Formatting.Money(bid) : "—"),
        "投标截止 / Bid deadline: " + Formatting.LocalTime(tender.DeadlineUtc), tender.BidNotes ?? "", tender.Requirements ?? "",
    ];
}
