using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>What the customer pages read (the writes are use cases: <see cref="CreateCustomer"/>, <see cref="EditCustomer"/>…).</summary>
public sealed class CustomerQueries(AppDbContext db)
{
    public Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Customers.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<List<CustomerFinanceProposal>> PendingProposalsAsync(Guid customerId, CancellationToken cancellationToken) =>
        db.CustomerFinanceProposals.AsNoTracking()
            .Where(p => p.CustomerId == customerId && p.Status == FinanceProposalStatus.Pending)
            .OrderBy(p => p.ProposedAtUtc)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SelectListItem>> OwnerChoicesAsync(CancellationToken cancellationToken)
    {
        var salesRoles = new[] { Roles.Sales, Roles.SalesManager };
        var owners = await (
                from user in db.Users
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where salesRoles.Contains(role.Name!) && user.IsActive
                orderby user.DisplayName
                select new { user.Id, user.DisplayName })
            .Distinct()
            .ToListAsync(cancellationToken);
        return owners.Select(o => new SelectListItem(o.DisplayName, o.Id)).ToList();
    }

    public Task<string?> OwnerNameAsync(string? ownerUserId, CancellationToken cancellationToken) =>
        ownerUserId is null
            ? Task.FromResult<string?>(null)
            : db.Users.Where(u => u.Id == ownerUserId).Select(u => (string?)u.DisplayName).FirstOrDefaultAsync(cancellationToken);

    public static CustomerInput ToInput(Customer c) => new()
    {
        Code = c.Code,
        Name = c.Name,
        Class = c.Class,
        Address = c.Address,
        DeliveryAddress = c.DeliveryAddress,
        TaxNumber = c.TaxNumber,
        BankName = c.BankName,
        BankAccount = c.BankAccount,
        PaymentTerms = c.PaymentTerms,
        PaymentTermDays = c.PaymentTermDays,
        CreditLimit = c.CreditLimit,
        CreditRating = c.CreditRating,
        Notes = c.Notes,
        OwnerUserId = c.OwnerUserId,
        Version = c.Version,
        Loaded = EditConflicts.Encode(Snapshot(c)),
    };

    /// <summary>The stored values the edit form shows, as text, for the stale-save comparison.</summary>
    public static IEnumerable<FieldValue> Snapshot(Customer c) =>
    [
        new("Name", "Name", c.Name),
        new("Class", "Class", c.Class.ToString()),
        new("OwnerUserId", "Owner", c.OwnerUserId),
        new("Address", "Address", c.Address),
        new("DeliveryAddress", "Delivery address", c.DeliveryAddress),
        new("TaxNumber", "Tax number", c.TaxNumber),
        new("BankName", "Bank", c.BankName),
        new("BankAccount", "Bank account", c.BankAccount),
        new("PaymentTerms", "Payment terms", c.PaymentTerms),
        new("PaymentTermDays", "Payment term (days)", c.PaymentTermDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("CreditLimit", "Credit limit", c.CreditLimit.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
        new("CreditRating", "Credit rating", c.CreditRating.ToString()),
        new("Notes", "Notes", c.Notes),
        new("Status", "Status", c.Status.ToString()),
    ];

}
