using CustomerProcess.Web.Features.History;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Feature services, one line each; features add themselves here.</summary>
public static class FeatureServices
{
    public static IServiceCollection AddCustomerProcessFeatures(this IServiceCollection services)
    {
        services.AddUseCases(typeof(FeatureServices).Assembly);
        services.AddScoped<DepartmentNames>();
        services.AddScoped<HistoryQuery>();
        services.AddScoped<Features.Dashboards.HomeDashboardQuery>();
        services.AddScoped<Features.Queue.WaitingWork>();
        services.AddScoped<Features.Dashboards.ManagementReviewQuery>();
        services.AddScoped<EditConflicts>();
        services.AddScoped<Features.TwoFactor.PendingAuthenticatorKey>();
        services.AddScoped<Features.Attachments.AttachmentAccess>();
        services.AddScoped<Features.Customers.CustomerQueries>();
        services.AddScoped<Features.Customers.CustomerFileGate>();
        services.AddScoped<Features.Reviews.ReviewRouting>();
        services.AddScoped<Features.Reviews.ReviewAccess>();
        services.AddScoped<Features.Reviews.ReviewActs>();
        services.AddScoped<Features.Reviews.OpenReview>();
        services.AddScoped<Features.Reviews.SignaturePassword>();
        services.AddScoped<Features.Reviews.ReviewSubjects>();
        services.AddScoped<Features.Reviews.IReviewSubjectSource, Features.Orders.OrderSubjectSource>();
        services.AddScoped<Features.Reviews.IReviewSubjectSource, Features.Changes.ChangeSubjectSource>();
        services.AddScoped<Features.Reviews.IReviewSubjectSource, Features.Tenders.TenderInvitationSubjectSource>();
        services.AddScoped<Features.Reviews.IReviewSubjectSource, Features.Tenders.BidSubjectSource>();
        services.AddScoped<Features.Reviews.ReviewQueries>();
        services.AddScoped<Features.Reviews.ReviewFormDocument>();
        services.AddScoped<Features.Complaints.ComplaintAccess>();
        services.AddScoped<Features.Tenders.TenderAccess>();
        services.AddScoped<Features.Tenders.TenderQueue>();
        services.AddScoped<Features.Complaints.ComplaintWaitingList>();
        services.AddScoped<Features.Tracking.TrackingAccess>();
        services.AddScoped<Features.Tracking.ContractTracking>();
        services.AddScoped<Features.Tracking.NoticeWorkflow>();
        services.AddScoped<Features.Tracking.ServiceWorkflow>();
        services.AddScoped<Features.Ledger.LedgerQuery>();
        services.AddScoped<Features.Ledger.LedgerExport>();
        services.AddScoped<Features.Notices.TaskNoticeDocument>();
        services.AddScoped<Features.CustomerProperty.PropertyAccess>();
        services.AddScoped<Features.CustomerProperty.PropertyQueries>();
        services.AddScoped<Features.CustomerProperty.OrderPropertyQuery>();
        services.AddScoped<Features.CustomerProperty.PropertyExport>();
        services.AddScoped<Features.CustomerProperty.PropertyDocuments>();
        services.AddScoped<Features.SpecialRequirements.CaseAccess>();
        services.AddScoped<Features.SpecialRequirements.CaseQueries>();
        services.AddScoped<Features.Retention.RetentionQueries>();
        Features.Notifications.NotificationServices.AddNotifications(services);
        Features.Evidence.EvidenceServices.AddEvidencePacks(services);
        return services;
    }
}
