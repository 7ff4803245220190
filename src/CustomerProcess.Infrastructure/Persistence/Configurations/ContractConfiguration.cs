using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("Contracts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(Contract.NumberLength).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.OrderId).IsUnique();
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Review>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // Ledger access paths: newest first, per customer, per status, by amount.
        builder.HasIndex(c => new { c.SignedOn, c.Number });
        builder.HasIndex(c => new { c.CustomerId, c.SignedOn });
        builder.HasIndex(c => new { c.CustomerId, c.AmountMinor });
        builder.HasIndex(c => new { c.Status, c.SignedOn });
        builder.HasIndex(c => c.AmountMinor);
        builder.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        builder.Property(c => c.SignedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.SignedByName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.CustomerContractNumber).HasMaxLength(100);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ClosingReason).HasMaxLength(Contract.TextLength);
        builder.Ignore(c => c.Amount);
    }
}

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> builder)
    {
        builder.ToTable("DocumentSequences");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(40);
    }
}
