using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(Customer.CodeLength).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Customer.NameLength).IsRequired();
        builder.Property(c => c.SearchName).HasMaxLength(Customer.NameLength).IsRequired();
        builder.HasIndex(c => c.SearchName);
        builder.Property(c => c.Class).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.Class, c.Code });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.Status, c.Code });
        builder.Property(c => c.CreditRating).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Address).HasMaxLength(Customer.AddressLength);
        builder.Property(c => c.DeliveryAddress).HasMaxLength(Customer.AddressLength);
        builder.Property(c => c.TaxNumber).HasMaxLength(Customer.TaxNumberLength);
        builder.Property(c => c.BankName).HasMaxLength(Customer.BankLength);
        builder.Property(c => c.BankAccount).HasMaxLength(Customer.BankLength);
        builder.Property(c => c.PaymentTerms).HasMaxLength(Customer.PaymentTermsLength);
        builder.Property(c => c.Notes).HasMaxLength(Customer.NotesLength);
        builder.Property(c => c.InactiveReason).HasMaxLength(Customer.NotesLength);
        builder.Property(c => c.OwnerUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.FinanceTerms);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Contact.NameLength).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Contact.NameLength);
        builder.Property(c => c.Phone).HasMaxLength(Contact.PhoneLength);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailLength);
    }
}

internal sealed class CustomerFinanceProposalConfiguration : IEntityTypeConfiguration<CustomerFinanceProposal>
{
    public void Configure(EntityTypeBuilder<CustomerFinanceProposal> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CustomerId, p.Status });
        builder.HasIndex(p => new { p.Status, p.ProposedAtUtc });
        builder.Property(p => p.OldBankName).HasMaxLength(Customer.BankLength);
        builder.Property(p => p.OldBankAccount).HasMaxLength(Customer.BankLength);
        builder.Property(p => p.NewBankName).HasMaxLength(Customer.BankLength);
        builder.Property(p => p.NewBankAccount).HasMaxLength(Customer.BankLength);
        builder.Property(p => p.OldCreditRating).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.NewCreditRating).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ProposedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.ProposedByName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.DecidedByUserId).HasMaxLength(450);
        builder.Property(p => p.DecidedByName).HasMaxLength(100);
        builder.Property(p => p.Reason).HasMaxLength(CustomerFinanceProposal.ReasonLength);
        builder.Property(p => p.DecisionNote).HasMaxLength(CustomerFinanceProposal.ReasonLength);
        builder.Ignore(p => p.From);
        builder.Ignore(p => p.To);
    }
}
