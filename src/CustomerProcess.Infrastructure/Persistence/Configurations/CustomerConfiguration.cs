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
