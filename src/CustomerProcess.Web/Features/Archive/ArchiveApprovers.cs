using System.Security.Claims;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Archive;

/// <summary>What the signed-in user may approve on an access request: as the requester's department head and/or as the
/// archive owner (docs/process.md §2). Read by the approval use cases and the list.</summary>
public sealed record ArchiveApproverRights(bool AsHead, bool AsOwner);

public static class ArchiveApprovers
{
    public static async Task<ArchiveApproverRights> RightsAsync(AppDbContext db, ArchiveAccessGrant grant, Customer customer, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Rights(grant, customer, user, await RequestersHead(db, grant.RequesterUserId).FirstOrDefaultAsync(cancellationToken));

    /// <summary>The head of the requester's department (null when none): a query, so a list reads it in its own query.</summary>
    public static IQueryable<string?> RequestersHead(AppDbContext db, string requesterUserId) =>
        from u in db.Users
        join d in db.Departments on u.DepartmentId equals d.Id
        where u.Id == requesterUserId
        select d.HeadUserId;

    /// <summary>The rights given the requester's department head, read beforehand.</summary>
    public static ArchiveApproverRights Rights(ArchiveAccessGrant grant, Customer customer, ClaimsPrincipal user, string? requestersHead)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return new(
            ArchiveAccessGrant.IsRequestersHead(userId, requestersHead, grant.RequesterUserId, user.IsInRole(Roles.GeneralManager)),
            ArchiveAccessGrant.IsArchiveOwner(customer, userId, user.IsInRole(Roles.SalesManager)));
    }
}
