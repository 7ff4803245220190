using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class TenderConfiguration : IEntityTypeConfiguration<Tender>
{
    public void Configure(EntityTypeBuilder<Tender> builder)
    {
        builder.ToTable("Tenders");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Number).HasMaxLength(Tender.NumberLength).IsRequired();
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(t => t.OrderId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.Status, t.DeadlineUtc });
        builder.HasIndex(t => new { t.SalesUserId, t.CreatedAtUtc });
        builder.HasIndex(t => new { t.CustomerId, t.CreatedAtUtc });
        builder.Property(t => t.Project).HasMaxLength(Tender.ProjectLength).IsRequired();
        builder.Property(t => t.Requirements).HasMaxLength(Tender.TextLength);
        builder.Property(t => t.SalesUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(t => t.SalesUserName).HasMaxLength(Tender.NameLength).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.BidNotes).HasMaxLength(Tender.TextLength);
        builder.Property(t => t.WinnerName).HasMaxLength(Tender.NameLength);
        builder.Property(t => t.OutcomeNote).HasMaxLength(Tender.TextLength);
        builder.Property(t => t.OutcomeByName).HasMaxLength(Tender.NameLength);
        builder.HasMany(t => t.Clarifications).WithOne().HasForeignKey(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Clarifications).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Competitors).WithOne().HasForeignKey(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Competitors).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TenderClarificationConfiguration : IEntityTypeConfiguration<TenderClarification>
{
    public void Configure(EntityTypeBuilder<TenderClarification> builder)
    {
        builder.ToTable("TenderClarifications");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.TenderId, c.Number }).IsUnique();
        builder.Property(c => c.Question).HasMaxLength(TenderClarification.TextLength).IsRequired();
        builder.Property(c => c.Answer).HasMaxLength(TenderClarification.TextLength);
        builder.Property(c => c.AskedByName).HasMaxLength(Tender.NameLength).IsRequired();
        builder.Property(c => c.AnsweredByName).HasMaxLength(Tender.NameLength);
        builder.Property(c => c.EvidenceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.EvidenceReference).HasMaxLength(TenderClarification.ReferenceLength);
    }
}

internal sealed class CompetitorBidConfiguration : IEntityTypeConfiguration<CompetitorBid>
{
    public void Configure(EntityTypeBuilder<CompetitorBid> builder)
    {
        builder.ToTable("CompetitorBids");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.TenderId);
        builder.Property(c => c.Name).HasMaxLength(CompetitorBid.NameLength).IsRequired();
    }
}

internal sealed class TenderPolicySettingConfiguration : IEntityTypeConfiguration<TenderPolicySetting>
{
    public void Configure(EntityTypeBuilder<TenderPolicySetting> builder)
    {
        builder.ToTable("TenderPolicySettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
