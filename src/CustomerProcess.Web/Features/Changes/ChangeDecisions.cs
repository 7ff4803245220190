using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Changes;

/// <summary>Shared by the use cases that decide or withdraw a change: finding it with its proposed lines, and who may act.</summary>
public static class ChangeDecisions
{
    public static readonly DomainError NotFound = DomainError.NotFound("change.not-found", "The change does not exist.");

    public static Task<ContractChange?> FindAsync(AppDbContext db, Guid changeId, CancellationToken cancellationToken) =>
        db.ContractChanges.Include("_lines").FirstOrDefaultAsync(c => c.Id == changeId, cancellationToken);

    /// <summary>The change exists (→ NotFound) and the user is the sales manager or the GM (→ Forbidden).</summary>
    public static async Task<Result> AuthorizeDeciderAsync(AppDbContext db, Guid changeId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        !await db.ContractChanges.AnyAsync(c => c.Id == changeId, cancellationToken) ? NotFound
        : !TrackingAccess.CanDecideChanges(user) ? TrackingAccess.NotAllowed
        : Result.Success();
}
