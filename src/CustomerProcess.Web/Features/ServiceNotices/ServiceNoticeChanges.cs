using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.ServiceNotices;

/// <summary>The shared body of the use cases the technical service team runs on a notice: load it with its
/// records (missing → NotFound), only the team may act (→ Forbidden), apply, save once.</summary>
public static class ServiceNoticeChanges
{
    public static readonly DomainError NotFound = DomainError.NotFound("service.not-found", "The service notice does not exist.");
    public static readonly DomainError NotTheTeam = DomainError.Forbidden("service.not-the-team", "Only the technical service team may record on a service notice.");

    public static async Task<Result> ChangeAsync(AppDbContext db, TrackingAccess access, Guid noticeId, ClaimsPrincipal user, Func<ServiceNotice, string, Result> change, CancellationToken cancellationToken)
    {
        if (!await db.ServiceNotices.AnyAsync(n => n.Id == noticeId, cancellationToken))
        {
            return NotFound;
        }

        if (!await access.CanServiceAsync(user, cancellationToken))
        {
            return NotTheTeam;
        }

        var userId = TrackingAccess.UserId(user);
        var byName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        return await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var notice = await db.ServiceNotices.Include("_records").FirstAsync(n => n.Id == noticeId, cancellationToken);
            var changed = change(notice, byName);
            if (changed.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return changed;
        });
    }
}
