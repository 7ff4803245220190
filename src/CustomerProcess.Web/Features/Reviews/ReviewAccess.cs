using System.Security.Claims;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>
/// Who may read and sign what. A section is signed by the head of its department (Department.HeadUserId)
/// or by a deputy holding a delegation for today. Orders and reviews are read by their salesperson,
/// sales managers, the GM, contract administrators and the heads of the departments on the form.
/// </summary>
public sealed class ReviewAccess(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).DateTime);

    private readonly Dictionary<string, IReadOnlySet<string>> _signable = new(StringComparer.Ordinal);

    /// <summary>The departments whose section the user signs: as head, or as today's deputy. One query
    /// (UNION ALL): asked on every review form and signature. Kept for the request (this service is scoped): the review
    /// form and its access check, the queue's list and the menu's count each ask it.</summary>
    public async Task<IReadOnlySet<string>> SignableDepartmentsAsync(string userId, CancellationToken cancellationToken)
    {
        if (!_signable.TryGetValue(userId, out var codes))
        {
            codes = (await SignableCodes(userId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            _signable[userId] = codes;
        }

        return codes;
    }

    /// <summary>The signable departments and the user's own (active) department, in the same one query:
    /// the departments the user acts for once a contract is signed.</summary>
    public async Task<IReadOnlySet<string>> SignableAndOwnDepartmentsAsync(string userId, CancellationToken cancellationToken) =>
        (await SignableAndOwnDepartments(userId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The codes of <see cref="SignableDepartmentsAsync"/> as a query, for use inside another query.</summary>
    public IQueryable<string> SignableDepartments(string userId) => SignableCodes(userId);

    /// <summary>The codes of <see cref="SignableAndOwnDepartmentsAsync"/> as a query, for use inside another query.</summary>
    public IQueryable<string> SignableAndOwnDepartments(string userId) =>
        SignableCodes(userId)
            .Concat(from user in db.Users
                    join department in db.Departments on user.DepartmentId equals department.Id
                    where user.Id == userId && department.IsActive
                    select department.Code);

    private IQueryable<string> SignableCodes(string userId)
    {
        var today = Today;
        return db.Departments.AsNoTracking().Where(d => d.HeadUserId == userId && d.IsActive).Select(d => d.Code)
            .Concat(db.DepartmentDelegations.AsNoTracking()
                .Where(d => d.ToUserId == userId && !d.IsRevoked && d.StartsOn <= today && d.EndsOn >= today)
                .Select(d => d.DepartmentCode));
    }

    public static bool SeesAllOrders(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SalesManager) || user.IsInRole(Roles.GeneralManager) || user.IsInRole(Roles.ContractAdministrator);

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, SalesOrder order, Review? review, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return false;
        }

        if (SeesAllOrders(user) || order.SalesUserId == userId)
        {
            return true;
        }

        if (review is null)
        {
            return false;
        }

        var departments = await SignableDepartmentsAsync(userId, cancellationToken);
        return review.Sections.Any(s => departments.Contains(s.DepartmentCode));
    }

    public static bool CanApprove(ClaimsPrincipal user) => user.IsInRole(Roles.GeneralManager);

    public static bool CanConclude(ClaimsPrincipal user) => user.IsInRole(Roles.SalesManager);
}
