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
        builder.Property(c => c.Closure).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ClosureNote).HasMaxLength(Customer.ClosureNoteLength);
        builder.Property(c => c.OwnerUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.HasIndex(c => new { c.OwnerUserId, c.LastArchiveReviewUtc });
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

internal sealed class CustomerClassChangeRequestConfiguration : IEntityTypeConfiguration<CustomerClassChangeRequest>
{
    public void Configure(EntityTypeBuilder<CustomerClassChangeRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CustomerId, r.Status });
        builder.HasIndex(r => new { r.Status, r.RequestedAtUtc });
        builder.Property(r => r.FromClass).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ToClass).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(CustomerClassChangeRequest.ReasonLength).IsRequired();
        builder.Property(r => r.DecisionNote).HasMaxLength(CustomerClassChangeRequest.ReasonLength);
        builder.Property(r => r.RequestedByUserId).HasMaxLength(CustomerClassChangeRequest.UserIdLength).IsRequired();
        builder.Property(r => r.RequestedByName).HasMaxLength(CustomerClassChangeRequest.NameLength).IsRequired();
        builder.Property(r => r.SalesApprovedByUserId).HasMaxLength(CustomerClassChangeRequest.UserIdLength);
        builder.Property(r => r.SalesApprovedByName).HasMaxLength(CustomerClassChangeRequest.NameLength);
        builder.Property(r => r.QualityApprovedByUserId).HasMaxLength(CustomerClassChangeRequest.UserIdLength);
        builder.Property(r => r.QualityApprovedByName).HasMaxLength(CustomerClassChangeRequest.NameLength);
        builder.Property(r => r.DecidedByName).HasMaxLength(CustomerClassChangeRequest.NameLength);
    }
}

internal sealed class ArchiveAccessGrantConfiguration : IEntityTypeConfiguration<ArchiveAccessGrant>
{
    public void Configure(EntityTypeBuilder<ArchiveAccessGrant> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasOne<Customer>().WithMany().HasForeignKey(g => g.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.RequesterUserId, g.CustomerId, g.Status });
        builder.HasIndex(g => new { g.Status, g.RequestedAtUtc });
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Reason).HasMaxLength(ArchiveAccessGrant.ReasonLength).IsRequired();
        builder.Property(g => g.RequesterUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(g => g.RequesterName).HasMaxLength(CustomerFileView.NameLength).IsRequired();
        builder.Property(g => g.HeadApprovedByUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.Property(g => g.OwnerApprovedByUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.Property(g => g.HeadApprovedByName).HasMaxLength(CustomerFileView.NameLength);
        builder.Property(g => g.OwnerApprovedByName).HasMaxLength(CustomerFileView.NameLength);
        builder.Property(g => g.DecidedByName).HasMaxLength(CustomerFileView.NameLength);
    }
}

internal sealed class CustomerFileViewConfiguration : IEntityTypeConfiguration<CustomerFileView>
{
    public void Configure(EntityTypeBuilder<CustomerFileView> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<Customer>().WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CustomerId, v.AtUtc });
        builder.Property(v => v.UserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(v => v.UserName).HasMaxLength(CustomerFileView.NameLength).IsRequired();
        builder.Property(v => v.Part).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Basis).HasConversion<string>().HasMaxLength(20);
    }
}
