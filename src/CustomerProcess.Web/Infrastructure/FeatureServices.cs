using CustomerProcess.Web.Features.History;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Feature services, one line each; features add themselves here.</summary>
public static class FeatureServices
{
    public static IServiceCollection AddCustomerProcessFeatures(this IServiceCollection services)
    {
        services.AddScoped<HistoryQuery>();
        services.AddScoped<Features.Attachments.AttachmentAccess>();
        services.AddScoped<Features.Customers.CustomerCommands>();
        services.AddScoped<Features.Orders.OrderCommands>();
        services.AddScoped<Features.Reviews.ReviewRouting>();
        services.AddScoped<Features.Reviews.ReviewAccess>();
        services.AddScoped<Features.Reviews.ReviewWorkflow>();
        services.AddScoped<Features.Reviews.ReviewQueries>();
        services.AddScoped<Features.Reviews.ReviewFormDocument>();
        services.AddScoped<Features.Complaints.ComplaintAccess>();
        services.AddScoped<Features.Complaints.ComplaintWaitingList>();
        return services;
    }
}
