using CustomerProcess.Web.Features.History;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Feature services, one line each; features add themselves here.</summary>
public static class FeatureServices
{
    public static IServiceCollection AddCustomerProcessFeatures(this IServiceCollection services)
    {
        services.AddScoped<HistoryQuery>();
        services.AddScoped<Features.Customers.CustomerCommands>();
        return services;
    }
}
