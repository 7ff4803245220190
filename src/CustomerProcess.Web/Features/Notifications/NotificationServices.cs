using CustomerProcess.Web.Infrastructure.Mail;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>The notifications' wiring (ADR 0024, 0026), one line in FeatureServices.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration("Mail");
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications");
        services.AddScoped<Notifier>();
        services.AddScoped<ReminderSweep>();
        services.AddScoped<DigestSender>();
        services.AddScoped<MailOutboxSender>();
        services.AddScoped<SchedulerLeases>();
        services.AddScoped<NotificationQueries>();
        services.AddSingleton<ScheduledWork>();
        services.AddHostedService<NotificationScheduler>();
        return services;
    }
}
