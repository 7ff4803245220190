using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>"Pdf:FontPath": a TrueType face with CJK and Latin glyphs. Default: the WenQuanYi Micro Hei
/// face shipped with the app (Pdf/Fonts), so PDF output works on a machine without the font package.</summary>
public sealed class PdfOptions
{
    public string? FontPath { get; set; }
}

public static class PdfSetup
{
    public static IServiceCollection AddPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection("Pdf"));
        services.AddSingleton<IPdfRenderer, SkiaPdfRenderer>();
        return services;
    }
}
