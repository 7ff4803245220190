using System.Reflection;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Marks the handler of one use case (docs/architecture.md, "Use cases"). Each use case is one file:
/// a static class named after it holding its <c>Input</c>, its FluentValidation <c>Validator</c> and its
/// <c>Handler</c>. Handlers are found by this marker and registered per request; nothing else is needed.
/// </summary>
public interface IUseCase;

public static class UseCaseRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }

        return services;
    }
}
