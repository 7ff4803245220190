using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Infrastructure.Persistence;

/// <summary>
/// The one model, Identity included. Each database provider derives its own context so
/// that each has its own generated migration set (docs/adr/0001). It also holds the data-protection keys
/// (sign-in and antiforgery cookies), so every instance on the database reads the same keys (ADR 0022).
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<CustomerFinanceProposal> CustomerFinanceProposals => Set<CustomerFinanceProposal>();

    public DbSet<CustomerClassChangeRequest> CustomerClassChangeRequests => Set<CustomerClassChangeRequest>();

    public DbSet<ArchiveAccessGrant> ArchiveAccessGrants => Set<ArchiveAccessGrant>();

    public DbSet<CustomerFileView> CustomerFileViews => Set<CustomerFileView>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewSection> ReviewSections => Set<ReviewSection>();

    public DbSet<ReviewSignature> ReviewSignatures => Set<ReviewSignature>();

    public DbSet<Discrepancy> Discrepancies => Set<Discrepancy>();

    public DbSet<DepartmentDelegation> DepartmentDelegations => Set<DepartmentDelegation>();

    public DbSet<ReviewPolicySetting> ReviewPolicySettings => Set<ReviewPolicySetting>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<DocumentSequence> DocumentSequences => Set<DocumentSequence>();

    public DbSet<ContractLine> ContractLines => Set<ContractLine>();

    public DbSet<ContractVersion> ContractVersions => Set<ContractVersion>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeliveryLine> DeliveryLines => Set<DeliveryLine>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<ContractChange> ContractChanges => Set<ContractChange>();

    public DbSet<ContractChangeLine> ContractChangeLines => Set<ContractChangeLine>();

    public DbSet<TaskNotice> TaskNotices => Set<TaskNotice>();

    public DbSet<NoticeLine> NoticeLines => Set<NoticeLine>();

    public DbSet<NoticeAcknowledgement> NoticeAcknowledgements => Set<NoticeAcknowledgement>();

    public DbSet<ServiceNotice> ServiceNotices => Set<ServiceNotice>();

    public DbSet<SiteRecord> SiteRecords => Set<SiteRecord>();

    public DbSet<Quotation> Quotations => Set<Quotation>();

    public DbSet<CommunicationEntry> CommunicationEntries => Set<CommunicationEntry>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<CorrectiveAction> CorrectiveActions => Set<CorrectiveAction>();

    public DbSet<ReturnRecord> Returns => Set<ReturnRecord>();

    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();

    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    /// <summary>Data-protection key ring (XML per key), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Per-name sign-in attempts in the current window, shared by every instance.</summary>
    public DbSet<LoginAttemptWindow> LoginAttemptWindows => Set<LoginAttemptWindow>();

    public DbSet<CustomerPropertyItem> CustomerPropertyItems => Set<CustomerPropertyItem>();

    public DbSet<PropertyIncident> PropertyIncidents => Set<PropertyIncident>();

    public DbSet<SpecialRequirementCase> SpecialRequirementCases => Set<SpecialRequirementCase>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<Tender> Tenders => Set<Tender>();

    public DbSet<TenderClarification> TenderClarifications => Set<TenderClarification>();

    public DbSet<CompetitorBid> CompetitorBids => Set<CompetitorBid>();

    public DbSet<TenderPolicySetting> TenderPolicySettings => Set<TenderPolicySetting>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<SchedulerLease> SchedulerLeases => Set<SchedulerLease>();

    public DbSet<PasswordResetRequest> PasswordResetRequests => Set<PasswordResetRequest>();

    public DbSet<Domain.Retention.DisposalRecord> DisposalRecords => Set<Domain.Retention.DisposalRecord>();

    public DbSet<Domain.Retention.DisposalItem> DisposalItems => Set<Domain.Retention.DisposalItem>();
    public DbSet<EvidencePack> EvidencePacks => Set<EvidencePack>();

    public DbSet<EvidencePackDownload> EvidencePackDownloads => Set<EvidencePackDownload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Every versioned record is protected by optimistic concurrency (bumped by VersionInterceptor).
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money: 18 digits, 2 decimals on every provider.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
