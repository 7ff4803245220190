using System.Security.Claims;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>A sales order as a reviewed subject: its review approves it for a contract (docs/process.md §4).</summary>
public sealed class OrderSubjectSource(AppDbContext db, ReviewAccess access) : IReviewSubjectSource
{
    public ReviewSubjectKind Kind => ReviewSubjectKind.SalesOrder;

    public async Task<IReviewedSubject?> LoadAsync(Guid subjectId, CancellationToken cancellationToken) =>
        await db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == subjectId, cancellationToken);

    public Task<int?> ContentVersionAsync(Guid subjectId, CancellationToken cancellationToken) =>
        db.SalesOrders.Where(o => o.Id == subjectId).Select(o => (int?)o.ContentVersion).FirstOrDefaultAsync(cancellationToken);

    public async Task<ReviewSubjectView?> ViewAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().Include("_lines").FirstOrDefaultAsync(o => o.Id == subjectId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
        return new ReviewSubjectView(Kind, order.Id, order.Number, $"/Orders/Details/{order.Id}", order.ContentVersion, order, customer, []);
    }

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Review review, ReviewSubjectView? subject, CancellationToken cancellationToken)
    {
        var order = subject?.Order is { } viewed && viewed.Id == review.SubjectId
            ? viewed
            : await db.SalesOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == review.SubjectId, cancellationToken);
        return order is not null && await access.CanReadAsync(user, order, review, cancellationToken);
    }

    public async Task<ReviewDecision?> DecisionAtLevelAsync(Guid subjectId, ReviewLevel level, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().Include("_lines").FirstOrDefaultAsync(o => o.Id == subjectId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var customerClass = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Class).FirstAsync(cancellationToken);
        return ReviewPolicy.ForLevel(level, [], OrderFacts.From(order, customerClass, false));
    }

    public IQueryable<ReviewSubjectRow> Rows() =>
        from order in db.SalesOrders
        join customer in db.Customers on order.CustomerId equals customer.Id
        select new ReviewSubjectRow { Id = order.Id, Number = order.Number, CustomerName = customer.Name };
}
