using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>
/// "Pdf:FontPath": a TrueType face (.ttf) or collection (.ttc, with "Pdf:FontFaceIndex") with CJK and
/// Latin glyphs. Default: the WenQuanYi Micro Hei face shipped with the app (Pdf/Fonts), so PDF output
/// works on a machine without the font package. Only the glyphs a document uses are embedded.
/// </summary>
public sealed class PdfOptions
{
    public string? FontPath { get; set; }

    /// <summary>Which face of a font collection to use (0 for a plain .ttf).</summary>
    public int FontFaceIndex { get; set; }
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
