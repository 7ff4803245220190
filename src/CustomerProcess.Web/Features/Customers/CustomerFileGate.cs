using System.Security.Claims;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>
/// Who may read a customer's file and the log of every view (issue #16, ADR 0025, docs/process.md §2): the owner and the
/// standing roles of <see cref="CustomerFileAccess"/>, or a requester with an approved access for that customer that has
/// not expired. A read of the file writes one <see cref="CustomerFileView"/> row per part shown, also for the owner and
/// the standing roles.
/// </summary>
public sealed class CustomerFileGate(AppDbContext db, TimeProvider clock)
{
    public async Task<CustomerFileBasis?> BasisAsync(Customer customer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var grants = userId is null
            ? []
            : await db.ArchiveAccessGrants.AsNoTracking()
                .Where(g => g.CustomerId == customer.Id && g.RequesterUserId == userId && g.Status == ArchiveAccessStatus.Approved && g.ValidUntilUtc > now)
                .ToListAsync(cancellationToken);
        return CustomerFileAccess.Basis(customer, userId, user.IsInRole, grants, now);
    }

    /// <summary>Checks the reader and logs the parts read; null when the reader may not see the file (nothing logged).</summary>
    public async Task<CustomerFileBasis?> OpenAsync(Customer customer, ClaimsPrincipal user, IEnumerable<CustomerFilePart> parts, CancellationToken cancellationToken)
    {
        var basis = await BasisAsync(customer, user, cancellationToken);
        if (basis is not { } granted)
        {
            return null;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? user.Identity?.Name ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        db.CustomerFileViews.AddRange(parts.Select(part => new CustomerFileView(customer.Id, userId, Clip(name), part, granted, now)));
        await db.SaveChangesAsync(cancellationToken);
        return granted;
    }

    private static string Clip(string name) => name.Length <= CustomerFileView.NameLength ? name : name[..CustomerFileView.NameLength];
}
