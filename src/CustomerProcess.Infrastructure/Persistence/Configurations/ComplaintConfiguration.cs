using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.Status, c.ReceivedAtUtc });
        builder.HasIndex(c => new { c.CustomerId, c.ReceivedAtUtc });
        builder.HasIndex(c => c.ReceivedAtUtc);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CauseCategory).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AnswerChannel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Description).HasMaxLength(Complaint.TextLength).IsRequired();
        builder.Property(c => c.BatchReference).HasMaxLength(Complaint.ShortLength);
        builder.Property(c => c.LoggedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(c => c.LoggedByName).HasMaxLength(Complaint.ShortLength).IsRequired();
        builder.Property(c => c.CauseAnalysis).HasMaxLength(Complaint.TextLength);
        builder.Property(c => c.ResponsibleDepartment).HasMaxLength(Department.CodeLength);
        builder.Property(c => c.AnswerText).HasMaxLength(Complaint.TextLength);
        builder.Property(c => c.AnsweredByName).HasMaxLength(Complaint.ShortLength);
        builder.Property(c => c.ClosedByName).HasMaxLength(Complaint.ShortLength);
        builder.Property(c => c.AnsweredByDepartment).HasMaxLength(Department.CodeLength);
        builder.Property(c => c.ClosedByDepartment).HasMaxLength(Department.CodeLength);
        builder.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<CustomerProcess.Domain.Retention.DisposalRecord>().WithMany().HasForeignKey(c => c.DisposalId).OnDelete(DeleteBehavior.Restrict);
        // Only disposed records are in it: SQLite, without statistics, took `DisposalId IS NULL` (every live record) as the
        // most selective term and read the whole table through it (the complaint board at a million contracts: 125 ms).
        builder.HasIndex(c => c.DisposalId).HasFilter("DisposalId IS NOT NULL");

        // Unanswered complaints (the answer clock, the board's overdue count, the waiting lists): an IS NULL lookup.
        builder.HasIndex(c => new { c.AnsweredAtUtc, c.ReceivedAtUtc });
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> builder)
    {
        builder.ToTable("CorrectiveActions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.ComplaintId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.OwnerUserId, a.Status });
        builder.Property(a => a.Description).HasMaxLength(Complaint.TextLength).IsRequired();
        builder.Property(a => a.OwnerUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(a => a.OwnerName).HasMaxLength(Complaint.ShortLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CompletionNote).HasMaxLength(Complaint.TextLength);
        builder.Property(a => a.VerifiedByName).HasMaxLength(Complaint.ShortLength);
        builder.Property(a => a.VerifiedByDepartment).HasMaxLength(Department.CodeLength);
        builder.Property(a => a.WaiverReason).HasMaxLength(Complaint.TextLength);
    }
}

internal sealed class ReturnRecordConfiguration : IEntityTypeConfiguration<ReturnRecord>
{
    public void Configure(EntityTypeBuilder<ReturnRecord> builder)
    {
        builder.ToTable("Returns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(r => r.ComplaintId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ComplaintId);
        builder.HasIndex(r => r.ContractId);
        builder.HasIndex(r => new { r.Status, r.ReceivedAtUtc });
        builder.HasIndex(r => r.ReceivedAtUtc);
        builder.Property(r => r.Quantity).HasPrecision(18, 4);
        builder.Property(r => r.Unit).HasMaxLength(ReturnRecord.UnitLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(ReturnRecord.TextLength).IsRequired();
        builder.Property(r => r.RegisteredByUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.Property(r => r.RegisteredByName).HasMaxLength(Complaint.ShortLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.InspectionResult).HasMaxLength(ReturnRecord.TextLength);
        builder.Property(r => r.InspectedByName).HasMaxLength(Complaint.ShortLength);
        builder.Property(r => r.InspectedByDepartment).HasMaxLength(Department.CodeLength);
        builder.Property(r => r.Outcome).HasMaxLength(ReturnRecord.TextLength);
        builder.Property(r => r.Disposition).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OutcomeByName).HasMaxLength(Complaint.ShortLength);
        builder.Property(r => r.OutcomeByDepartment).HasMaxLength(Department.CodeLength);
        builder.Ignore(r => r.IsNonconforming);
    }
}

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> builder)
    {
        builder.ToTable("SurveyCampaigns");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(SurveyCampaign.NameLength).IsRequired();
        builder.Property(c => c.OpenedByName).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => new { c.Year, c.Quarter });
        builder.Ignore(c => c.Period);
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("SurveyInvitations");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.CampaignId);
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.HasOne<CustomerProcess.Domain.Retention.DisposalRecord>().WithMany().HasForeignKey(r => r.DisposalId).OnDelete(DeleteBehavior.Restrict);
        // Only disposed records are in it: SQLite, without statistics, took `DisposalId IS NULL` (every live record) as the
        // most selective term and read the whole table through it (the complaint board at a million contracts: 125 ms).
        builder.HasIndex(r => r.DisposalId).HasFilter("DisposalId IS NOT NULL");
        builder.ToTable("SurveyResponses");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.CampaignId);
        builder.HasIndex(r => r.CustomerId);
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FollowUpStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Comments).HasMaxLength(SurveyResponse.TextLength);
        builder.Property(r => r.FollowUpAction).HasMaxLength(SurveyResponse.TextLength);
        builder.Ignore(r => r.Scores);
        builder.Ignore(r => r.HasLowScore);
    }
}
