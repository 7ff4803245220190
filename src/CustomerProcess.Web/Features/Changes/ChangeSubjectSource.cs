using System.Security.Claims;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Changes;

/// <summary>A structure or specification change of a contract as a reviewed subject (docs/process.md §6):
/// the review reads the contracted order's revised lines; the change follows the review's outcome.</summary>
public sealed class ChangeSubjectSource(AppDbContext db, ContractTracking tracking, ReviewAccess reviewAccess, TrackingAccess trackingAccess) : IReviewSubjectSource
{
    public ReviewSubjectKind Kind => ReviewSubjectKind.ContractChange;

    public async Task<IReviewedSubject?> LoadAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var change = await db.ContractChanges.Include("_lines").FirstOrDefaultAsync(c => c.Id == subjectId, cancellationToken);
        var contract = change is null ? null : await tracking.LoadAsync(change.ContractId, cancellationToken);
        if (change is null || contract is null)
        {
            return null;
        }

        var order = await db.SalesOrders.Include("_lines").FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
        var customer = await db.Customers.FirstAsync(c => c.Id == contract.CustomerId, cancellationToken);
        var completedBefore = await db.Contracts.CountAsync(c => c.CustomerId == contract.CustomerId && c.Status == ContractStatus.Completed && c.Id != contract.Id, cancellationToken);
        return new ChangeUnderReview(change, contract, order, customer, completedBefore, tracking.Today);
    }

    public Task<int?> ContentVersionAsync(Guid subjectId, CancellationToken cancellationToken) =>
        (from change in db.ContractChanges
         join contract in db.Contracts on change.ContractId equals contract.Id
         join order in db.SalesOrders on contract.OrderId equals order.Id
         where change.Id == subjectId
         select (int?)order.ContentVersion).FirstOrDefaultAsync(cancellationToken);

    public async Task<ReviewSubjectView?> ViewAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var change = await db.ContractChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == subjectId, cancellationToken);
        var contract = change is null ? null : await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == change.ContractId, cancellationToken);
        if (change is null || contract is null)
        {
            return null;
        }

        var order = await db.SalesOrders.AsNoTracking().Include("_lines").FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == contract.CustomerId, cancellationToken);
        return new ReviewSubjectView(Kind, change.Id, change.Number, $"/Changes/{change.Id}", order.ContentVersion, order, customer, [contract.Number, change.What, change.Why]);
    }

    /// <summary>The readers of the contract (the order's readers, the heads on the form, the ledger's readers, the
    /// departments its notices go to).</summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Review review, ReviewSubjectView? subject, CancellationToken cancellationToken)
    {
        var contract = await (from change in db.ContractChanges
                              join c in db.Contracts on change.ContractId equals c.Id
                              where change.Id == review.SubjectId
                              select c).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (contract is null)
        {
            return false;
        }

        // The view read the contract's order.
        var order = subject?.Order is { } viewed && viewed.Id == contract.OrderId
            ? viewed
            : await db.SalesOrders.AsNoTracking().FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
        return await reviewAccess.CanReadAsync(user, order, review, cancellationToken) || await trackingAccess.CanReadAsync(user, contract, cancellationToken);
    }

    /// <summary>Raised above the change's routed level: the order's facts decide the extra departments; never below
    /// the change's minimum level.</summary>
    public async Task<ReviewDecision?> DecisionAtLevelAsync(Guid subjectId, ReviewLevel level, CancellationToken cancellationToken)
    {
        var orderId = await (from change in db.ContractChanges
                             join c in db.Contracts on change.ContractId equals c.Id
                             where change.Id == subjectId
                             select (Guid?)c.OrderId).FirstOrDefaultAsync(cancellationToken);
        var order = orderId is null ? null : await db.SalesOrders.AsNoTracking().Include("_lines").FirstAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var customerClass = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Class).FirstAsync(cancellationToken);
        return ReviewPolicy.ForLevel(ChangeUnderReview.LevelFor(level), [], OrderFacts.From(order, customerClass, false));
    }

    public IQueryable<ReviewSubjectRow> Rows() =>
        from change in db.ContractChanges
        join contract in db.Contracts on change.ContractId equals contract.Id
        join customer in db.Customers on contract.CustomerId equals customer.Id
        select new ReviewSubjectRow { Id = change.Id, Number = change.Number, CustomerName = customer.Name };
}
