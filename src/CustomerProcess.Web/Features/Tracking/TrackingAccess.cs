using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>
/// Who may do what once a contract is signed. A department acts through its head, a deputy holding a
/// delegation for today, or any user who belongs to it (acknowledging receipt is a department's act,
/// not only its head's). The contract administrator runs performance; finance records invoices and
/// payments; sales keeps the communication log and asks for changes; the sales manager or the GM decides them.
/// </summary>
public sealed class TrackingAccess(AppDbContext db, ReviewAccess reviews)
{
    public static readonly DomainError NotAllowed = DomainError.Forbidden("contract.not-allowed", "You may not do this on this contract.");

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public Task<IReadOnlySet<string>> ActingDepartmentsAsync(string userId, CancellationToken cancellationToken) =>
        reviews.SignableAndOwnDepartmentsAsync(userId, cancellationToken);

    public static bool CanAdminister(ClaimsPrincipal user) => user.IsInRole(Roles.ContractAdministrator) || user.IsInRole(Roles.SalesManager);

    public static bool CanRecordMoney(ClaimsPrincipal user) => user.IsInRole(Roles.ContractAdministrator) || user.IsInRole(Roles.FinanceHead);

    public static bool CanDecideChanges(ClaimsPrincipal user) => user.IsInRole(Roles.SalesManager) || user.IsInRole(Roles.GeneralManager);

    /// <summary>Everyone who reads the whole ledger.</summary>
    public static bool SeesWholeLedger(ClaimsPrincipal user) => ReviewAccess.SeesAllOrders(user) || user.IsInRole(Roles.FinanceHead);

    /// <summary>The salesperson of the order, the sales manager and the contract administrator talk to the customer.</summary>
    public static bool CanTalkToCustomer(ClaimsPrincipal user, string orderSalesUserId) =>
        orderSalesUserId == UserId(user) || CanAdminister(user);

    public async Task<bool> CanServiceAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await ActingDepartmentsAsync(UserId(user), cancellationToken)).Contains(Domain.Reviews.ReviewDepartments.Technical);

    /// <summary>Readers of the review, the whole-ledger roles, and the departments a notice of the contract is addressed to.</summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Contract contract, CancellationToken cancellationToken)
    {
        if (SeesWholeLedger(user))
        {
            return true;
        }

        var order = await db.SalesOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == contract.OrderId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        var review = await db.Reviews.AsNoTracking().Include(r => r.Sections).FirstOrDefaultAsync(r => r.Id == contract.ReviewId, cancellationToken);
        if (await reviews.CanReadAsync(user, order, review, cancellationToken))
        {
            return true;
        }

        var departments = (await ActingDepartmentsAsync(UserId(user), cancellationToken)).ToList();
        return await db.NoticeAcknowledgements.AnyAsync(
                   a => departments.Contains(a.DepartmentCode) && db.TaskNotices.Any(n => n.Id == a.NoticeId && n.ContractId == contract.Id), cancellationToken)
               || (departments.Contains(Domain.Reviews.ReviewDepartments.Technical) && await db.ServiceNotices.AnyAsync(s => s.ContractId == contract.Id, cancellationToken));
    }
}
