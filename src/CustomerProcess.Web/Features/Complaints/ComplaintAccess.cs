using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>
/// Who sees which complaints and returns, in one place for the complaint pages, the return pages,
/// the analysis and the attachment downloads. Quality, the sales manager, the general manager and
/// the administrator see all; a salesperson sees those of the customers they own and those they
/// logged; the owner of a corrective action sees the complaint it belongs to.
/// </summary>
public sealed class ComplaintAccess(AppDbContext db)
{
    public const string QualityRoles = Roles.QualityStaff + "," + Roles.QualityHead;
    public const string SalesRoles = Roles.Sales + "," + Roles.SalesManager;

    /// <summary>Who may log complaints and register returns.</summary>
    public const string IntakeRoles = SalesRoles + "," + QualityRoles;

    public static bool IsQuality(ClaimsPrincipal user) => user.IsInRole(Roles.QualityStaff) || user.IsInRole(Roles.QualityHead);

    public static bool IsSales(ClaimsPrincipal user) => user.IsInRole(Roles.Sales) || user.IsInRole(Roles.SalesManager);

    public static bool SeesAll(ClaimsPrincipal user) =>
        IsQuality(user) || user.IsInRole(Roles.SalesManager) || user.IsInRole(Roles.GeneralManager) || user.IsInRole(Roles.Administrator);

    public IQueryable<Complaint> VisibleComplaints(ClaimsPrincipal user)
    {
        var query = db.Complaints;
        if (SeesAll(user))
        {
            return query;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return query.Where(c => c.LoggedByUserId == userId
            || db.Customers.Any(x => x.Id == c.CustomerId && x.OwnerUserId == userId)
            || db.CorrectiveActions.Any(a => a.ComplaintId == c.Id && a.OwnerUserId == userId));
    }

    /// <summary>Returns of visible complaints, returns against contracts of the user's customers, and returns the user registered.</summary>
    public IQueryable<ReturnRecord> VisibleReturns(ClaimsPrincipal user)
    {
        var query = db.Returns;
        if (SeesAll(user))
        {
            return query;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var complaints = VisibleComplaints(user);
        return query.Where(r => r.RegisteredByUserId == userId
            || (r.ComplaintId != null && complaints.Any(c => c.Id == r.ComplaintId))
            || (r.ContractId != null && db.Contracts.Any(k => k.Id == r.ContractId && db.Customers.Any(x => x.Id == k.CustomerId && x.OwnerUserId == userId))));
    }

    public static readonly DomainError NotFound = DomainError.NotFound("complaint.not-found", "The complaint does not exist.");

    public static readonly DomainError NotVisible = DomainError.Forbidden("complaint.not-visible", "You may not change this complaint.");

    /// <summary>The shared body of the complaint use cases that change one complaint: load it with its actions
    /// (not found → NotFound, not visible to <paramref name="user"/> → Forbidden), apply <paramref name="change"/>,
    /// save once on success; on a version conflict the whole thing runs again on fresh data.</summary>
    public Task<Result> ChangeAsync(Guid complaintId, ClaimsPrincipal user, Func<Complaint, Result> change, CancellationToken cancellationToken) =>
        ChangeAsync(complaintId, user, (complaint, _) => change(complaint), cancellationToken);

    /// <summary>The same for an act that records who acted: <paramref name="change"/> gets the actor (display name and
    /// department at this moment, docs/adr/0035).</summary>
    public Task<Result> ChangeAsync(Guid complaintId, ClaimsPrincipal user, Func<Complaint, Actor, Result> change, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var complaint = await db.Complaints.Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
            if (complaint is null)
            {
                return Result.Failure(NotFound);
            }

            if (!await VisibleComplaints(user).AnyAsync(c => c.Id == complaintId, cancellationToken))
            {
                return Result.Failure(NotVisible);
            }

            var changed = change(complaint, await db.ActorAsync(user, cancellationToken));
            if (changed.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return changed;
        });

    public static readonly DomainError ReturnNotFound = DomainError.NotFound("return.not-found", "The return does not exist.");

    public static readonly DomainError ReturnNotVisible = DomainError.Forbidden("return.not-visible", "You may not change this return.");

    /// <summary>The shared body of the use cases on an existing return: missing → NotFound, not visible → Forbidden,
    /// apply, save once; a version conflict runs again on fresh data.</summary>
    public Task<Result> ChangeReturnAsync(Guid returnId, ClaimsPrincipal user, Func<ReturnRecord, Actor, Result> change, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var record = await db.Returns.FirstOrDefaultAsync(r => r.Id == returnId, cancellationToken);
            if (record is null)
            {
                return Result.Failure(ReturnNotFound);
            }

            if (!await VisibleReturns(user).AnyAsync(r => r.Id == returnId, cancellationToken))
            {
                return Result.Failure(ReturnNotVisible);
            }

            var changed = change(record, await db.ActorAsync(user, cancellationToken));
            if (changed.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return changed;
        });
}
