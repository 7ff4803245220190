using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.SpecialRequirements;

/// <summary>"SpecialRequirements:ReminderDays" (default 3): a case due within this many days is on its owner's reminders.</summary>
public sealed class SpecialRequirementOptions
{
    public int ReminderDays { get; set; } = CaseDeadline.DefaultReminderDays;
}

/// <summary>
/// Who works with special-requirement cases (docs/process.md §10, docs/architecture.md "Customer property and special
/// requirements"). Sales, the sales manager, quality and the contract administrator open cases; the owner (any user)
/// and the sales manager record steps. The sales manager, the general manager, the quality head and the administrator
/// see every case and the reports; everybody else sees the cases they own or opened, and a salesperson also those of
/// the customers they own.
/// </summary>
public sealed class CaseAccess(AppDbContext db)
{
    public const string OpenRoles = Roles.Sales + "," + Roles.SalesManager + "," + Roles.QualityHead + "," + Roles.QualityStaff + "," + Roles.ContractAdministrator;

    public const string ReportRoles = Roles.SalesManager + "," + Roles.GeneralManager + "," + Roles.QualityHead + "," + Roles.Administrator;

    public static readonly DomainError NotFound = DomainError.NotFound("case.not-found", "The case does not exist.");
    public static readonly DomainError Forbidden = DomainError.Forbidden("case.forbidden", "Only the case's owner or the sales manager records its steps.");

    public static bool SeesAll(ClaimsPrincipal user) => ReportRoles.Split(',').Any(user.IsInRole);

    public static bool CanOpen(ClaimsPrincipal user) => OpenRoles.Split(',').Any(user.IsInRole);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool CanWork(ClaimsPrincipal user, SpecialRequirementCase c) => user.IsInRole(Roles.SalesManager) || c.OwnerUserId == UserId(user);

    public IQueryable<SpecialRequirementCase> VisibleCases(ClaimsPrincipal user)
    {
        var query = db.SpecialRequirementCases;
        if (SeesAll(user))
        {
            return query;
        }

        var userId = UserId(user);
        if (user.IsInRole(Roles.Sales))
        {
            return query.Where(c => c.OwnerUserId == userId || c.OpenedByUserId == userId || db.Customers.Any(x => x.Id == c.CustomerId && x.OwnerUserId == userId));
        }

        return query.Where(c => c.OwnerUserId == userId || c.OpenedByUserId == userId);
    }

    /// <summary>The case with its notes; 404 when it does not exist, 403 when the user may not read it.</summary>
    public async Task<Result<SpecialRequirementCase>> LoadAsync(Guid id, ClaimsPrincipal user, bool tracked, CancellationToken cancellationToken)
    {
        var source = tracked ? db.SpecialRequirementCases : db.SpecialRequirementCases.AsNoTracking();
        var found = await source.Include(c => c.Notes).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return NotFound;
        }

        return await VisibleCases(user).AnyAsync(c => c.Id == id, cancellationToken) ? Result<SpecialRequirementCase>.Success(found) : Forbidden;
    }
}
