using CustomerProcess.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>The head of every printed form as the controlled paper had it: the company's name (<c>Company:Name</c>),
/// the form's code and revision (<c>Forms:&lt;Form&gt;:Code</c>, <c>Forms:&lt;Form&gt;:Revision</c>) and the record's
/// number. Settings, with defaults, because the quality manual assigns the codes.</summary>
public static class PaperForms
{
    public const string ReviewForm = "ReviewForm";
    public const string FeedbackSheet = "FeedbackSheet";
    public const string OralOrderConfirmation = "OralOrderConfirmation";
    public const string ContractChange = "ContractChange";
    public const string ServiceNotice = "ServiceNotice";
    public const string SurveyQuestionnaire = "SurveyQuestionnaire";

    public const string DefaultCompany = "CustomerProcess";

    private static readonly Dictionary<string, string> DefaultCodes = new(StringComparer.Ordinal)
    {
        [ReviewForm] = "QR-8.2-01",
        [OralOrderConfirmation] = "QR-8.2-02",
        [ContractChange] = "QR-8.2-03",
        [ServiceNotice] = "QR-8.2-05",
        [FeedbackSheet] = "QR-8.2-07",
        [SurveyQuestionnaire] = "QR-9.1-01",
    };

    public const string DefaultRevision = "A/0";

    public static string Company(IConfiguration configuration) =>
        configuration["Company:Name"] is { Length: > 0 } name ? name : DefaultCompany;

    public static string Code(IConfiguration configuration, string form) =>
        configuration[$"Forms:{form}:Code"] is { Length: > 0 } code ? code : DefaultCodes.GetValueOrDefault(form, form);

    public static string Revision(IConfiguration configuration, string form) =>
        configuration[$"Forms:{form}:Revision"] is { Length: > 0 } revision ? revision : DefaultRevision;

    /// <summary>The header of form <paramref name="form"/> for record <paramref name="number"/> (null: a blank form).</summary>
    public static PaperFormHeader Header(IConfiguration configuration, IStringLocalizer l, string form, string? number) => new(
        Company(configuration),
        l["Form {0} · revision {1}", Code(configuration, form), Revision(configuration, form)],
        number is null ? "" : l["Record no. {0}", number]);

    public static PdfLetterhead Letterhead(IConfiguration configuration, IStringLocalizer l, string form, string? number)
    {
        var header = Header(configuration, l, form, number);
        return new PdfLetterhead(header.Company, header.FormLine, header.NumberLine);
    }
}

/// <summary>What the print views show above the title (<c>Features/Shared/_PaperFormHeader.cshtml</c>).</summary>
public sealed record PaperFormHeader(string Company, string FormLine, string NumberLine);
