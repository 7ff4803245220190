using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>What creating and editing a customer share: applying the form and proposing finance terms.</summary>
internal static class CustomerForm
{
    /// <summary>Records a proposal when the form's bank details, credit limit or credit rating differ from the
    /// customer's; a newer proposal replaces a pending one.</summary>
    public static async Task ProposeFinanceTermsAsync(AppDbContext db, Customer customer, CustomerInput input, string? actingUserId, DateTime now, CancellationToken cancellationToken)
    {
        var wanted = new FinanceTerms(Clean(input.BankName), Clean(input.BankAccount), input.CreditLimit, input.CreditRating);
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

    public static void Apply(Customer customer, CustomerInput input) =>
        customer.UpdateDetails(
            input.Name.Trim(),
            Clean(input.Address),
            Clean(input.DeliveryAddress),
            Clean(input.TaxNumber),
            Clean(input.PaymentTerms),
            input.PaymentTermDays,
            Clean(input.Notes));

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
