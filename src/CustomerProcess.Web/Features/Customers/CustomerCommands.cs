using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>Writes to the customer archive; one SaveChanges (one transaction) per action.</summary>
public sealed class CustomerCommands(AppDbContext db, EditConflicts conflicts, TimeProvider clock)
{
    public static readonly DomainError CodeTaken = new("customer.code.taken", "The customer code {0} is already used.");

    public static readonly DomainError NotEarnedAtCreation = new("customer.class.create", "A customer starts as a prospect or a new customer; other classes are asked for with a reason once it exists.");

    /// <summary>The form was loaded before someone else saved the customer; nothing was saved.</summary>
    public static readonly DomainError Stale = new("customer.stale", "Someone else changed this record while you were editing.");

    /// <summary>Creates a customer owned by the acting user; only the sales manager may name another owner.
    /// Bank details, credit limit and credit rating entered here are a proposal for finance (ADR 0012).</summary>
    public async Task<Result<Guid>> CreateAsync(CustomerInput input, string? actingUserId, bool isSalesManager, CancellationToken cancellationToken)
    {
        var code = input.Code.Trim().ToUpperInvariant();
        if (!CustomerClassRules.MayCreateAs(input.Class))
        {
            return NotEarnedAtCreation;
        }

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
        await ProposeFinanceTermsAsync(customer, input, actingUserId, cancellationToken);
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

    /// <summary>Saves the form against the version it was loaded with. A change of owner is the sales manager's act:
    /// anyone else's posted owner is ignored. Changed bank details, credit limit or credit rating become a proposal
    /// for finance; the customer's own figures stay as they are.</summary>
    public async Task<Result> UpdateAsync(Customer customer, CustomerInput input, string? actingUserId, bool isSalesManager, CancellationToken cancellationToken)
    {
        if (input.Version != customer.Version)
        {
            return Stale;
        }

        if (input.Class != customer.Class)
        {
            // The class is earned by contracts or changed by an approved request, never typed (issue #16).
            return CustomerClassRules.CanChange(customer.Class, input.Class)
                ? CustomerClassRules.NotEarned.With(customer.Class, input.Class)
                : CustomerClassRules.IllegalChange.With(customer.Class, input.Class);
        }

        Apply(customer, input);
        if (isSalesManager && !string.IsNullOrWhiteSpace(input.OwnerUserId))
        {
            customer.AssignOwner(input.OwnerUserId);
        }

        await ProposeFinanceTermsAsync(customer, input, actingUserId, cancellationToken);

        return await conflicts.SaveAtVersionAsync(customer, input.Version, cancellationToken) ? Result.Success() : Stale;
    }

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

    /// <summary>Records a proposal when the form's bank details, credit limit or credit rating differ from the
    /// customer's; a newer proposal replaces a pending one.</summary>
    private async Task ProposeFinanceTermsAsync(Customer customer, CustomerInput input, string? actingUserId, CancellationToken cancellationToken)
    {
        var wanted = new FinanceTerms(Clean(input.BankName), Clean(input.BankAccount), input.CreditLimit, input.CreditRating);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = await db.Users.Where(u => u.Id == actingUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";
        var proposal = CustomerFinanceProposal.Propose(customer, wanted, actingUserId ?? "", name, now, Clean(input.FinanceReason));
        if (!proposal.Succeeded)
        {
            return; // nothing changed
        }

        var pending = await db.CustomerFinanceProposals
            .Where(p => p.CustomerId == customer.Id && p.Status == FinanceProposalStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var older in pending)
        {
            older.Supersede(now);
        }

        db.CustomerFinanceProposals.Add(proposal.Value!);
    }

    private static void Apply(Customer customer, CustomerInput input) =>
        customer.UpdateDetails(
            input.Name.Trim(),
            Clean(input.Address),
            Clean(input.DeliveryAddress),
            Clean(input.TaxNumber),
            Clean(input.PaymentTerms),
            input.PaymentTermDays,
            Clean(input.Notes));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
