using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.SpecialRequirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class CustomerPropertyItemConfiguration : IEntityTypeConfiguration<CustomerPropertyItem>
{
    public void Configure(EntityTypeBuilder<CustomerPropertyItem> builder)
    {
        builder.HasOne<CustomerProcess.Domain.Retention.DisposalRecord>().WithMany().HasForeignKey(p => p.DisposalId).OnDelete(DeleteBehavior.Restrict);
        // Only disposed records are in it: SQLite, without statistics, took `DisposalId IS NULL` (every live record) as the
        // most selective term and read the whole table through it (the complaint board at a million contracts: 125 ms).
        builder.HasIndex(p => p.DisposalId).HasFilter("DisposalId IS NOT NULL");
        builder.ToTable("CustomerPropertyItems");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(CustomerPropertyItem.NumberLength).IsRequired();
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(p => p.OrderId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CustomerId, p.ReceivedOn });
        builder.HasIndex(p => new { p.Status, p.ReceivedOn });
        builder.HasIndex(p => p.ReceivedOn);
        builder.HasIndex(p => p.OrderId);
        builder.HasIndex(p => p.ContractId);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Description).HasMaxLength(CustomerPropertyItem.TextLength).IsRequired();
        builder.Property(p => p.Specification).HasMaxLength(CustomerPropertyItem.TextLength);
        builder.Property(p => p.DeclaredQuantity).HasPrecision(18, 4);
        builder.Property(p => p.ReceivedQuantity).HasPrecision(18, 4);
        builder.Property(p => p.Unit).HasMaxLength(CustomerPropertyItem.UnitLength).IsRequired();
        builder.Property(p => p.ReceiptNote).HasMaxLength(CustomerPropertyItem.TextLength);
        builder.Property(p => p.ReceivedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(p => p.ReceivedByName).HasMaxLength(CustomerPropertyItem.ShortLength).IsRequired();
        builder.Property(p => p.InspectionResult).HasMaxLength(CustomerPropertyItem.TextLength);
        builder.Property(p => p.InspectedByName).HasMaxLength(CustomerPropertyItem.ShortLength);
        builder.Property(p => p.StoragePlace).HasMaxLength(CustomerPropertyItem.ShortLength);
        builder.Property(p => p.CustodianName).HasMaxLength(CustomerPropertyItem.ShortLength);
        builder.Property(p => p.UseNote).HasMaxLength(CustomerPropertyItem.TextLength);
        builder.Property(p => p.UseRecordedByName).HasMaxLength(CustomerPropertyItem.ShortLength);
        builder.Property(p => p.ReturnNote).HasMaxLength(CustomerPropertyItem.TextLength);
        builder.Property(p => p.ReturnedByName).HasMaxLength(CustomerPropertyItem.ShortLength);
        builder.Ignore(p => p.HasQuantityMismatch);
        builder.Ignore(p => p.ReceiptDiffers);
        builder.Ignore(p => p.AwaitingCustomer);
        builder.HasMany(p => p.Incidents).WithOne().HasForeignKey(i => i.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Incidents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PropertyIncidentConfiguration : IEntityTypeConfiguration<PropertyIncident>
{
    public void Configure(EntityTypeBuilder<PropertyIncident> builder)
    {
        builder.ToTable("PropertyIncidents");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(CustomerPropertyItem.NumberLength).IsRequired();
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => i.ItemId);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Description).HasMaxLength(CustomerPropertyItem.TextLength).IsRequired();
        builder.Property(i => i.ReportedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(i => i.ReportedByName).HasMaxLength(CustomerPropertyItem.ShortLength).IsRequired();
        builder.Property(i => i.CustomerReply).HasMaxLength(CustomerPropertyItem.TextLength);
        builder.Property(i => i.ReplyRecordedByName).HasMaxLength(CustomerPropertyItem.ShortLength);
        builder.Ignore(i => i.IsAnswered);
    }
}

internal sealed class SpecialRequirementCaseConfiguration : IEntityTypeConfiguration<SpecialRequirementCase>
{
    public void Configure(EntityTypeBuilder<SpecialRequirementCase> builder)
    {
        builder.ToTable("SpecialRequirementCases");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(SpecialRequirementCase.NumberLength).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(c => c.OrderId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OwnerUserId, c.Status, c.DueOn });
        builder.HasIndex(c => new { c.Status, c.DueOn });
        builder.HasIndex(c => new { c.CustomerId, c.DueOn });
        builder.HasIndex(c => c.OrderId);
        builder.HasIndex(c => c.ContractId);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(SpecialRequirementCase.TitleLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(SpecialRequirementCase.TextLength).IsRequired();
        builder.Property(c => c.OwnerUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(c => c.OwnerName).HasMaxLength(SpecialRequirementCase.NameLength).IsRequired();
        builder.Property(c => c.OpenedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(c => c.OpenedByName).HasMaxLength(SpecialRequirementCase.NameLength).IsRequired();
        builder.Property(c => c.Result).HasMaxLength(SpecialRequirementCase.TextLength);
        builder.Ignore(c => c.HandlingDays);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("CaseNotes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.CaseId, n.Sequence }).IsUnique();
        builder.Property(n => n.Text).HasMaxLength(SpecialRequirementCase.TextLength).IsRequired();
        builder.Property(n => n.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.ByName).HasMaxLength(SpecialRequirementCase.NameLength).IsRequired();
    }
}
