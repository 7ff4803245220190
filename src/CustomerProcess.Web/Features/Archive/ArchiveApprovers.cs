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
    public static async Task<ArchiveApproverRights> RightsAsync(AppDbContext db, ArchiveAccessGrant grant, Customer customer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var requestersHead = await (
                from u in db.Users
                join d in db.Departments on u.DepartmentId equals d.Id
                where u.Id == grant.RequesterUserId
                select d.HeadUserId)
            .FirstOrDefaultAsync(cancellationToken);
        return new(
            ArchiveAccessGrant.IsRequestersHead(userId, requestersHead, grant.RequesterUserId, user.IsInRole(Roles.GeneralManager)),
            ArchiveAccessGrant.IsArchiveOwner(customer, userId, user.IsInRole(Roles.SalesManager)));
    }
}
