using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerProcess.Infrastructure.Persistence.Configurations;

internal sealed class ContractLineConfiguration : IEntityTypeConfiguration<ContractLine>
{
    public void Configure(EntityTypeBuilder<ContractLine> builder)
    {
        builder.ToTable("ContractLines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.ContractId, l.Version, l.LineNo }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.Description).HasMaxLength(ContractLine.DescriptionLength).IsRequired();
        builder.Property(l => l.Specification).HasMaxLength(ContractLine.SpecificationLength);
        builder.Property(l => l.Unit).HasMaxLength(ContractLine.UnitLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, 4);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.DeliveryPlace).HasMaxLength(ContractLine.TextLength);
        builder.Property(l => l.Packaging).HasMaxLength(ContractLine.TextLength);
        builder.Ignore(l => l.Amount);
    }
}

internal sealed class ContractVersionConfiguration : IEntityTypeConfiguration<ContractVersion>
{
    public void Configure(EntityTypeBuilder<ContractVersion> builder)
    {
        builder.ToTable("ContractVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.ContractId, v.Number }).IsUnique();
        builder.Property(v => v.ChangeNumber).HasMaxLength(ContractChange.NumberLength);
        builder.Property(v => v.CreatedByName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("Deliveries");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.ContractId, d.Number }).IsUnique();
        builder.HasIndex(d => d.BillOfLading);
        // On-time delivery in the management review: deliveries of a period (docs/adr/0043-a-million-contracts.md).
        builder.HasIndex(d => d.DeliveredOn);
        builder.Property(d => d.BillOfLading).HasMaxLength(Delivery.ReferenceLength).IsRequired();
        builder.Property(d => d.Note).HasMaxLength(Delivery.NoteLength);
        builder.Property(d => d.RecordedByName).HasMaxLength(200).IsRequired();
        builder.HasMany<DeliveryLine>("_lines").WithOne().HasForeignKey(l => l.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.Lines);
    }
}

internal sealed class DeliveryLineConfiguration : IEntityTypeConfiguration<DeliveryLine>
{
    public void Configure(EntityTypeBuilder<DeliveryLine> builder)
    {
        builder.ToTable("DeliveryLines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.DeliveryId, l.LineNo });
        builder.Property(l => l.Quantity).HasPrecision(18, 4);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => new { i.ContractId, i.Number }).IsUnique();
        builder.Property(i => i.Number).HasMaxLength(Invoice.NumberLength).IsRequired();
        builder.Property(i => i.RecordedByName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => new { p.ContractId, p.ReceivedOn });
        builder.Property(p => p.Reference).HasMaxLength(Payment.ReferenceLength);
        builder.Property(p => p.RecordedByName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class ContractChangeConfiguration : IEntityTypeConfiguration<ContractChange>
{
    public void Configure(EntityTypeBuilder<ContractChange> builder)
    {
        builder.ToTable("ContractChanges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(ContractChange.NumberLength).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Review>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ContractId, c.RecordedAtUtc });
        builder.HasIndex(c => new { c.Status, c.RecordedAtUtc });
        builder.HasIndex(c => c.ReviewId);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RequestedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RequesterName).HasMaxLength(ContractChange.NameLength).IsRequired();
        builder.Property(c => c.What).HasMaxLength(ContractChange.TextLength).IsRequired();
        builder.Property(c => c.Why).HasMaxLength(ContractChange.TextLength).IsRequired();
        builder.Property(c => c.CustomerConfirmation).HasMaxLength(ContractChange.TextLength).IsRequired();
        builder.Property(c => c.RecordedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(c => c.RecordedByName).HasMaxLength(ContractChange.NameLength).IsRequired();
        builder.Property(c => c.DecidedByName).HasMaxLength(ContractChange.NameLength);
        builder.Property(c => c.DecisionNote).HasMaxLength(ContractChange.TextLength);
        builder.Property(c => c.CompanyConfirmedByName).HasMaxLength(ContractChange.NameLength);
        builder.HasMany<ContractChangeLine>("_lines").WithOne().HasForeignKey(l => l.ChangeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.ProposedLines);
        builder.Ignore(c => c.ProposedLineData);
        builder.Ignore(c => c.Consequence);
        builder.Ignore(c => c.IsOpen);
    }
}

internal sealed class ContractChangeLineConfiguration : IEntityTypeConfiguration<ContractChangeLine>
{
    public void Configure(EntityTypeBuilder<ContractChangeLine> builder)
    {
        builder.ToTable("ContractChangeLines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.ChangeId, l.LineNo }).IsUnique();
        builder.Property(l => l.Description).HasMaxLength(ContractLine.DescriptionLength).IsRequired();
        builder.Property(l => l.Specification).HasMaxLength(ContractLine.SpecificationLength);
        builder.Property(l => l.Unit).HasMaxLength(ContractLine.UnitLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, 4);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.DeliveryPlace).HasMaxLength(ContractLine.TextLength);
        builder.Property(l => l.Packaging).HasMaxLength(ContractLine.TextLength);
    }
}

internal sealed class TaskNoticeConfiguration : IEntityTypeConfiguration<TaskNotice>
{
    public void Configure(EntityTypeBuilder<TaskNotice> builder)
    {
        builder.ToTable("TaskNotices");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Number).HasMaxLength(TaskNotice.NumberLength).IsRequired();
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.ContractId, n.Kind, n.Revision });
        builder.HasIndex(n => new { n.Status, n.IssuedAtUtc });
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.SpecialRequirements).HasMaxLength(TaskNotice.TextLength);
        builder.Property(n => n.ReviewConditions).HasMaxLength(TaskNotice.TextLength);
        builder.Property(n => n.Instructions).HasMaxLength(TaskNotice.TextLength);
        builder.Property(n => n.IssuedByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(n => n.IssuedByName).HasMaxLength(200).IsRequired();
        builder.HasMany<NoticeLine>("_lines").WithOne().HasForeignKey(l => l.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<NoticeAcknowledgement>("_acknowledgements").WithOne().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(n => n.Lines);
        builder.Ignore(n => n.Acknowledgements);
        builder.Ignore(n => n.PendingDepartments);
    }
}

internal sealed class NoticeLineConfiguration : IEntityTypeConfiguration<NoticeLine>
{
    public void Configure(EntityTypeBuilder<NoticeLine> builder)
    {
        builder.ToTable("NoticeLines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.NoticeId, l.LineNo }).IsUnique();
        builder.Property(l => l.Description).HasMaxLength(ContractLine.DescriptionLength).IsRequired();
        builder.Property(l => l.Specification).HasMaxLength(ContractLine.SpecificationLength);
        builder.Property(l => l.Unit).HasMaxLength(ContractLine.UnitLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, 4);
        builder.Property(l => l.DeliveryPlace).HasMaxLength(ContractLine.TextLength);
        builder.Property(l => l.Packaging).HasMaxLength(ContractLine.TextLength);
    }
}

internal sealed class NoticeAcknowledgementConfiguration : IEntityTypeConfiguration<NoticeAcknowledgement>
{
    public void Configure(EntityTypeBuilder<NoticeAcknowledgement> builder)
    {
        builder.ToTable("NoticeAcknowledgements");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.NoticeId, a.DepartmentCode }).IsUnique();
        // The queue: pending acknowledgements per department.
        builder.HasIndex(a => new { a.DepartmentCode, a.AcknowledgedAtUtc });
        builder.Property(a => a.DepartmentCode).HasMaxLength(Department.CodeLength).IsRequired();
        builder.Property(a => a.AcknowledgedByUserId).HasMaxLength(InputLimits.UserIdLength);
        builder.Property(a => a.AcknowledgedByName).HasMaxLength(200);
        builder.Property(a => a.Comment).HasMaxLength(NoticeAcknowledgement.CommentLength);
        builder.Ignore(a => a.IsAcknowledged);
    }
}

internal sealed class ServiceNoticeConfiguration : IEntityTypeConfiguration<ServiceNotice>
{
    public void Configure(EntityTypeBuilder<ServiceNotice> builder)
    {
        builder.ToTable("ServiceNotices");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Number).HasMaxLength(ServiceNotice.NumberLength).IsRequired();
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.ContractId, n.IssuedAtUtc });
        builder.HasIndex(n => new { n.Status, n.IssuedAtUtc });
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Site).HasMaxLength(ServiceNotice.SiteLength).IsRequired();
        builder.Property(n => n.Request).HasMaxLength(ServiceNotice.TextLength).IsRequired();
        builder.Property(n => n.IssuedByName).HasMaxLength(200).IsRequired();
        builder.Property(n => n.ClosedByName).HasMaxLength(200);
        builder.Property(n => n.Outcome).HasMaxLength(ServiceNotice.TextLength);
        builder.HasMany<SiteRecord>("_records").WithOne().HasForeignKey(r => r.ServiceNoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(n => n.Records);
    }
}

internal sealed class SiteRecordConfiguration : IEntityTypeConfiguration<SiteRecord>
{
    public void Configure(EntityTypeBuilder<SiteRecord> builder)
    {
        builder.ToTable("SiteRecords");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.ServiceNoticeId, r.VisitedOn });
        builder.Property(r => r.Problem).HasMaxLength(SiteRecord.TextLength).IsRequired();
        builder.Property(r => r.Treatment).HasMaxLength(SiteRecord.TextLength).IsRequired();
        builder.Property(r => r.Result).HasMaxLength(SiteRecord.TextLength).IsRequired();
        builder.Property(r => r.RecordedByName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class QuotationConfiguration : IEntityTypeConfiguration<Quotation>
{
    public void Configure(EntityTypeBuilder<Quotation> builder)
    {
        builder.ToTable("Quotations");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Number).HasMaxLength(Quotation.NumberLength).IsRequired();
        builder.HasIndex(q => q.Number).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(q => q.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContractChange>().WithMany().HasForeignKey(q => q.ChangeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(q => q.IssuedByName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class CommunicationEntryConfiguration : IEntityTypeConfiguration<CommunicationEntry>
{
    public void Configure(EntityTypeBuilder<CommunicationEntry> builder)
    {
        builder.ToTable("CommunicationEntries");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ContractId, c.OccurredAtUtc });
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CustomerContact).HasMaxLength(CommunicationEntry.NameLength).IsRequired();
        builder.Property(c => c.Summary).HasMaxLength(CommunicationEntry.TextLength).IsRequired();
        builder.Property(c => c.ByUserId).HasMaxLength(InputLimits.UserIdLength).IsRequired();
        builder.Property(c => c.ByName).HasMaxLength(200).IsRequired();
    }
}
