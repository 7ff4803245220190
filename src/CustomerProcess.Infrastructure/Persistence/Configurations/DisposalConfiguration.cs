using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

/// <summary>Disposal records and the records they name (ADR 0041).</summary>
internal sealed class DisposalRecordConfiguration : IEntityTypeConfiguration<DisposalRecord>
{
    public void Configure(EntityTypeBuilder<DisposalRecord> builder)
    {
        builder.ToTable("DisposalRecords");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasIndex(d => new { d.Status, d.RequestedAtUtc });
        builder.Property(d => d.RecordType).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(DisposalRecord.ReasonLength).IsRequired();
        builder.Property(d => d.RequestedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(d => d.RequestedByName).HasMaxLength(DisposalRecord.NameLength).IsRequired();
        builder.Property(d => d.DecidedByUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.Property(d => d.DecidedByName).HasMaxLength(DisposalRecord.NameLength);
        builder.Property(d => d.DecisionNote).HasMaxLength(DisposalRecord.ReasonLength);
        builder.Property(d => d.ExecutedByUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.Property(d => d.ExecutedByName).HasMaxLength(DisposalRecord.NameLength);
        builder.Property(d => d.ContentHash).HasMaxLength(DisposalRecord.HashLength);
        builder.HasMany(d => d.Items).WithOne().HasForeignKey(i => i.DisposalId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DisposalItemConfiguration : IEntityTypeConfiguration<DisposalItem>
{
    public void Configure(EntityTypeBuilder<DisposalItem> builder)
    {
        builder.ToTable("DisposalItems");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => new { i.DisposalId, i.RecordId }).IsUnique();
        builder.HasIndex(i => i.RecordId);
        builder.Property(i => i.RecordNumber).HasMaxLength(DisposalItem.NumberLength).IsRequired();
    }
}
