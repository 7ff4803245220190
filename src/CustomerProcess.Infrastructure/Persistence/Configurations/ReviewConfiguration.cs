using System.Text.Json;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.HasOne<CustomerProcess.Domain.Retention.DisposalRecord>().WithMany().HasForeignKey(r => r.DisposalId).OnDelete(DeleteBehavior.Restrict);
        // Only disposed records are in it: SQLite, without statistics, took `DisposalId IS NULL` (every live record) as the
        // most selective term and read the whole table through it (the complaint board at a million contracts: 125 ms).
        builder.HasIndex(r => r.DisposalId).HasFilter("DisposalId IS NOT NULL");
        builder.ToTable("Reviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        // The subject is an order, a contract change, a tender invitation or a bid (SubjectKind): no foreign key.
        builder.HasIndex(r => r.SubjectId);
        builder.Property(r => r.SubjectKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Concluder).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(r => r.RequiresGeneralManager);
        builder.HasIndex(r => new { r.Status, r.OpenedAtUtc });
        // The queue's reviews to conclude, per concluder, oldest first: without it the sales manager's queue read every
        // review in progress (16,960, all the general manager's, 3 ms of each queue page; bench/results/notes.md).
        builder.HasIndex(r => new { r.Status, r.Concluder, r.OpenedAtUtc });
        // The management review reads reviews by the period they were opened or decided in (docs/adr/0043-a-million-contracts.md).
        builder.HasIndex(r => r.OpenedAtUtc);
        builder.HasIndex(r => new { r.Status, r.DecidedAtUtc });
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RoutedLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reasons)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<ReviewReason>>(v, JsonSerializerOptions.Default) ?? new List<ReviewReason>(),
                new ValueComparer<IReadOnlyList<ReviewReason>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
                    v => v.ToList()))
            .HasMaxLength(Review.TextLength);
        builder.Property(r => r.RaisedByName).HasMaxLength(200);
        builder.Property(r => r.RaiseReason).HasMaxLength(Review.TextLength);
        builder.Property(r => r.MeetingAttendees).HasMaxLength(Review.TextLength);
        builder.Property(r => r.MeetingMinutes).HasMaxLength(Review.TextLength);
        builder.Property(r => r.DecisionByName).HasMaxLength(200);
        builder.Property(r => r.DecisionComment).HasMaxLength(Review.TextLength);
        builder.Property(r => r.CustomerClassAtSubmission).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CreditRatingAtSubmission).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Signatures).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Discrepancies).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Signatures).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Discrepancies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.Thresholds);
    }
}

internal sealed class ReviewSectionConfiguration : IEntityTypeConfiguration<ReviewSection>
{
    public void Configure(EntityTypeBuilder<ReviewSection> builder)
    {
        builder.ToTable("ReviewSections");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.DepartmentCode).HasMaxLength(Department.CodeLength).IsRequired();
        builder.HasIndex(s => new { s.ReviewId, s.DepartmentCode }).IsUnique();
        builder.HasIndex(s => new { s.DepartmentCode, s.Status });

        // The queue's "to sign" (and the menu's count) reads the reviews in progress in opening order and, for each one,
        // asks whether the user's section is still pending; "to conclude" asks whether any section is. This index answers
        // both without reading the section rows: a head who had signed 6,672 sections of reviews still in progress paid
        // 7 ms a list before it, 4 ms after, in the sqlite3 shell (bench/results/notes.md, sixth session).
        builder.HasIndex(s => new { s.ReviewId, s.Status, s.DepartmentCode });

        // A department's waiting sections in queue order (ReviewSection.WaitingSinceUtc): the queue reads its first 100
        // from here, one department at a time, instead of every review in progress.
        builder.HasIndex(s => new { s.DepartmentCode, s.WaitingSinceUtc });
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Conclusion).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class ReviewSignatureConfiguration : IEntityTypeConfiguration<ReviewSignature>
{
    public void Configure(EntityTypeBuilder<ReviewSignature> builder)
    {
        builder.ToTable("ReviewSignatures");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.ReviewId, s.SignedAtUtc });

        // The start page's "sections signed this month" reads this month's signatures only (it read all of them).
        builder.HasIndex(s => s.SignedAtUtc);
        builder.Property(s => s.Capacity).HasMaxLength(32).IsRequired();
        builder.Property(s => s.SignerUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(s => s.SignerName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Meaning).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Conclusion).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Comments).HasMaxLength(ReviewSignature.TextLength);
        builder.Property(s => s.CheckedItems).HasMaxLength(ReviewSignature.TextLength);
        builder.Property(s => s.ContentHash).HasMaxLength(ContentFingerprint.HashLength).IsUnicode(false);
        builder.Property(s => s.InvalidationReason).HasMaxLength(500);
        builder.Ignore(s => s.IsValid);
    }
}

internal sealed class DiscrepancyConfiguration : IEntityTypeConfiguration<Discrepancy>
{
    public void Configure(EntityTypeBuilder<Discrepancy> builder)
    {
        builder.ToTable("Discrepancies");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.ReviewId, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.DepartmentCode });
        builder.Property(d => d.DepartmentCode).HasMaxLength(Department.CodeLength).IsRequired();
        builder.Property(d => d.RaisedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(d => d.RaisedByName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Clause).HasMaxLength(500).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(Discrepancy.TextLength).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Resolution).HasMaxLength(Discrepancy.TextLength);
        builder.Property(d => d.EvidenceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.EvidenceReference).HasMaxLength(500);
        builder.Property(d => d.ResolvedByName).HasMaxLength(200);
        builder.Property(d => d.ConfirmedByName).HasMaxLength(200);
        builder.Property(d => d.ReopenReason).HasMaxLength(Discrepancy.TextLength);
    }
}

internal sealed class DepartmentDelegationConfiguration : IEntityTypeConfiguration<DepartmentDelegation>
{
    public void Configure(EntityTypeBuilder<DepartmentDelegation> builder)
    {
        builder.ToTable("DepartmentDelegations");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DepartmentCode).HasMaxLength(Department.CodeLength).IsRequired();
        builder.Property(d => d.FromUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(d => d.ToUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(d => d.Note).HasMaxLength(DepartmentDelegation.NoteLength);
        builder.HasIndex(d => new { d.ToUserId, d.DepartmentCode });
    }
}

internal sealed class ReviewPolicySettingConfiguration : IEntityTypeConfiguration<ReviewPolicySetting>
{
    public void Configure(EntityTypeBuilder<ReviewPolicySetting> builder)
    {
        builder.ToTable("ReviewPolicySettings");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.Thresholds);
    }
}
