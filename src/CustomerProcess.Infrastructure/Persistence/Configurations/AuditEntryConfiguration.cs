using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(InputLimits.UserIdLength);
        builder.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Field).HasMaxLength(100).IsRequired();
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
        builder.HasIndex(a => a.UtcTime);
        builder.Property(a => a.Hash).HasMaxLength(AuditChain.HashLength).IsUnicode(false);
        builder.HasIndex(a => a.Sequence).IsUnique();
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHeads");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(AuditChain.HashLength).IsUnicode(false).IsRequired();
        builder.HasData(new AuditChainHead());
    }
}
