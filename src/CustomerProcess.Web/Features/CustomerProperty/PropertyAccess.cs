using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>
/// Who works with the customer property register (docs/process.md §8, docs/architecture.md "Customer property and
/// special requirements"). Quality is the custodian: it inspects, reports incidents and returns. Production and
/// purchasing receive materials and record their use. Sales receives what its customers hand over and records the
/// customer's reply. Quality, production, purchasing, the sales manager, the general manager and the administrator
/// see the whole register; a salesperson sees the items of the customers they own and those they received.
/// </summary>
public sealed class PropertyAccess(AppDbContext db)
{
    public const string QualityRoles = Roles.QualityStaff + "," + Roles.QualityHead;

    /// <summary>Who may register a receipt.</summary>
    public const string ReceiveRoles = QualityRoles + "," + Roles.ProductionHead + "," + Roles.PurchasingHead + "," + Roles.Sales + "," + Roles.SalesManager;

    /// <summary>Who records that an item is taken out for use or put back.</summary>
    public const string UseRoles = QualityRoles + "," + Roles.ProductionHead;

    /// <summary>Who records the customer's reply to an incident report.</summary>
    public const string ReplyRoles = QualityRoles + "," + Roles.Sales + "," + Roles.SalesManager;

    /// <summary>Who opens the register (a salesperson sees part of it).</summary>
    public const string ReaderRoles = ReceiveRoles + "," + Roles.GeneralManager + "," + Roles.Administrator;

    public static bool IsQuality(ClaimsPrincipal user) => user.IsInRole(Roles.QualityStaff) || user.IsInRole(Roles.QualityHead);

    public static bool CanReceive(ClaimsPrincipal user) => ReceiveRoles.Split(',').Any(user.IsInRole);

    public static bool CanRecordUse(ClaimsPrincipal user) => UseRoles.Split(',').Any(user.IsInRole);

    public static bool CanRecordReply(ClaimsPrincipal user) => ReplyRoles.Split(',').Any(user.IsInRole);

    public static bool SeesAll(ClaimsPrincipal user) =>
        IsQuality(user) || user.IsInRole(Roles.ProductionHead) || user.IsInRole(Roles.PurchasingHead) || user.IsInRole(Roles.SalesManager)
        || user.IsInRole(Roles.GeneralManager) || user.IsInRole(Roles.Administrator);

    public IQueryable<CustomerPropertyItem> VisibleItems(ClaimsPrincipal user)
    {
        var query = db.CustomerPropertyItems;
        if (SeesAll(user))
        {
            return query;
        }

        if (!user.IsInRole(Roles.Sales))
        {
            return query.Where(_ => false);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return query.Where(p => p.ReceivedByUserId == userId || db.Customers.Any(x => x.Id == p.CustomerId && x.OwnerUserId == userId));
    }
}

/// <summary>What every property use case does first: the item with its incidents, 404 when it does not exist, 403 when the user may not read it.</summary>
public static class PropertyLoading
{
    public static readonly DomainError NotFound = DomainError.NotFound("property.not-found", "The property item does not exist.");
    public static readonly DomainError Forbidden = DomainError.Forbidden("property.forbidden", "You may not work with this property item.");

    public static async Task<Result<CustomerPropertyItem>> LoadAsync(AppDbContext db, PropertyAccess access, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await db.CustomerPropertyItems.Include(p => p.Incidents).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound;
        }

        return await access.VisibleItems(user).AnyAsync(p => p.Id == id, cancellationToken)
            ? Result<CustomerPropertyItem>.Success(item)
            : Forbidden;
    }

    public static Task<string> DisplayNameAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
    }
}
