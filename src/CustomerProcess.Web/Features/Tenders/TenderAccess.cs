using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>
/// Who sees and works on which tenders (ADR 0020). The sales manager, the general manager, the business-unit head,
/// the administrator and the heads of the departments that sign tender reviews see all tenders; a salesperson sees
/// the tenders they registered and those of customers they own. The registering salesperson and the sales manager
/// work on a tender (clarifications, bid, outcome, order).
/// </summary>
public sealed class TenderAccess(AppDbContext db)
{
    /// <summary>Who may register tenders.</summary>
    public const string RegisterRoles = Roles.Sales + "," + Roles.SalesManager;

    public static readonly DomainError NotFound = DomainError.NotFound("tender.not-found", "The tender does not exist.");
    public static readonly DomainError Forbidden = DomainError.Forbidden("tender.forbidden", "You may not change this tender.");

    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SalesManager) || user.IsInRole(Roles.GeneralManager) || user.IsInRole(Roles.BusinessUnitHead)
        || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.QualityHead) || user.IsInRole(Roles.ProductionHead)
        || user.IsInRole(Roles.PurchasingHead) || user.IsInRole(Roles.TechnicalHead) || user.IsInRole(Roles.FinanceHead);

    /// <summary>The tender review setting (the default until an administrator saves one).</summary>
    public static async Task<TenderThresholds> ThresholdsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.TenderPolicySettings.AsNoTracking().Select(s => (decimal?)s.FullReviewAmount).FirstOrDefaultAsync(cancellationToken) is { } amount
            ? new TenderThresholds(amount)
            : TenderThresholds.Default;

    public IQueryable<Tender> Visible(ClaimsPrincipal user)
    {
        if (SeesAll(user))
        {
            return db.Tenders;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.Tenders.Where(t => t.SalesUserId == userId || db.Customers.Any(c => c.Id == t.CustomerId && c.OwnerUserId == userId));
    }

    /// <summary>The registering salesperson and the sales manager change a tender.</summary>
    public static bool MayChange(ClaimsPrincipal user, Tender tender) =>
        user.IsInRole(Roles.SalesManager) || (user.IsInRole(Roles.Sales) && tender.SalesUserId == user.FindFirstValue(ClaimTypes.NameIdentifier));

    /// <summary>The tender with its clarifications and competitors, for a change by <paramref name="user"/>: 404 when it does not
    /// exist or is not visible, 403 when visible but not the user's to change.</summary>
    public async Task<Result<Tender>> LoadForChangeAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tender = await Visible(user).Include(t => t.Clarifications).Include(t => t.Competitors).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null)
        {
            return NotFound;
        }

        return MayChange(user, tender) ? Result<Tender>.Success(tender) : Forbidden;
    }
}
