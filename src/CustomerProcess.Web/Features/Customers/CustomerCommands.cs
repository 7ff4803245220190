using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>Writes to the customer archive; one SaveChanges (one transaction) per action.</summary>
public sealed class CustomerCommands(AppDbContext db)
{
    public static readonly DomainError CodeTaken = new("customer.code.taken", "The customer code {0} is already used.");

    /// <summary>Creates a customer owned by the acting user; only the sales manager may name another owner.</summary>
    public async Task<Result<Guid>> CreateAsync(CustomerInput input, string? actingUserId, bool isSalesManager, CancellationToken cancellationToken)
    {
        var code = input.Code.Trim().ToUpperInvariant();
        if (await db.Customers.AnyAsync(c => c.Code == code, cancellationToken))
        {
            return new DomainError(CodeTaken.Code, CodeTaken.MessageKey, code);
        }

        var customer = new Customer(code, input.Name.Trim(), input.Class, !isSalesManager || string.IsNullOrWhiteSpace(input.OwnerUserId) ? actingUserId : input.OwnerUserId);
        Apply(customer, input);
        if (!string.IsNullOrWhiteSpace(input.ContactName))
        {
            customer.AddContact(input.ContactName.Trim(), Clean(input.ContactTitle), Clean(input.ContactPhone), Clean(input.ContactEmail), isPrimary: true);
        }

        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Customers.AsNoTracking().AnyAsync(c => c.Code == code, cancellationToken))
            {
                // Someone else took the code between the check and the insert.
                return new DomainError(CodeTaken.Code, CodeTaken.MessageKey, code);
            }

            throw;
        }

        return Result<Guid>.Success(customer.Id);
    }

    /// <summary>Saves the form. A change of owner is the sales manager's act: anyone else's posted owner is ignored.</summary>
    public async Task<Result> UpdateAsync(Customer customer, CustomerInput input, bool isSalesManager, CancellationToken cancellationToken)
    {
        var classChange = customer.ChangeClass(input.Class);
        if (!classChange.Succeeded)
        {
            return classChange;
        }

        Apply(customer, input);
        if (isSalesManager && !string.IsNullOrWhiteSpace(input.OwnerUserId))
        {
            customer.AssignOwner(input.OwnerUserId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Customers.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

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
    };

    private static void Apply(Customer customer, CustomerInput input) =>
        customer.UpdateDetails(
            input.Name.Trim(),
            Clean(input.Address),
            Clean(input.DeliveryAddress),
            Clean(input.TaxNumber),
            Clean(input.BankName),
            Clean(input.BankAccount),
            Clean(input.PaymentTerms),
            input.PaymentTermDays,
            input.CreditLimit,
            input.CreditRating,
            Clean(input.Notes));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
