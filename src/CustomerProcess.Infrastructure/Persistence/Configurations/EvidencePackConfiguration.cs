using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class EvidencePackConfiguration : IEntityTypeConfiguration<EvidencePack>
{
    public void Configure(EntityTypeBuilder<EvidencePack> builder)
    {
        builder.ToTable("EvidencePacks");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.RequestedAtUtc);
        builder.HasIndex(p => p.Status);
        builder.Property(p => p.DepartmentCode).HasMaxLength(Department.CodeLength);
        builder.Property(p => p.Culture).HasMaxLength(EvidencePack.CultureLength).IsRequired();
        builder.Property(p => p.RequestedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(p => p.RequestedByName).HasMaxLength(EvidencePack.NameLength).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.FileName).HasMaxLength(EvidencePack.FileNameLength);
        builder.Property(p => p.ManifestHash).HasMaxLength(EvidencePack.HashLength);
        builder.Property(p => p.Error).HasMaxLength(EvidencePack.ErrorLength);
        builder.Ignore(p => p.Percent);
    }
}

internal sealed class EvidencePackDownloadConfiguration : IEntityTypeConfiguration<EvidencePackDownload>
{
    public void Configure(EntityTypeBuilder<EvidencePackDownload> builder)
    {
        builder.ToTable("EvidencePackDownloads");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<EvidencePack>().WithMany().HasForeignKey(d => d.PackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.PackId, d.AtUtc });
        builder.Property(d => d.UserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(d => d.UserName).HasMaxLength(EvidencePack.NameLength).IsRequired();
    }
}
