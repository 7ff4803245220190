using System.Globalization;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Surveys;

/// <summary>The questionnaire of a campaign: blank for the paper round (no response), or filled with one customer's answers.</summary>
public sealed record QuestionnaireViewModel(SurveyCampaign Campaign, SurveyResponse? Response, string? CustomerName);

/// <summary>The customer satisfaction questionnaire (顾客满意度调查表) as a PDF document, blank or filled, the same
/// content as its print view (docs/process.md §9).</summary>
public static class SurveyQuestionnaire
{
    public const string PaperTitle = "顾客满意度调查表 / Customer Satisfaction Questionnaire";

    /// <summary>The mark in the chosen score's box.</summary>
    public const string Mark = "√";

    public static string Number(QuestionnaireViewModel model) => model.Campaign.Period;

    public static PdfDocumentModel Build(QuestionnaireViewModel model, IStringLocalizer l, IConfiguration configuration)
    {
        var r = model.Response;
        var blocks = new List<PdfBlock>
        {
            new PdfFields(
            [
                new(l["Campaign"], model.Campaign.Name),
                new(l["Quarter"], model.Campaign.Period),
                new(l["Customer"], model.CustomerName ?? ""),
                new(l["Date"], r is null ? "" : Formatting.LocalTime(r.SubmittedAtUtc)),
            ]),
            new PdfParagraph(l["1 = very dissatisfied, 5 = very satisfied."]),
            new PdfTable(
                [l["Item"], .. Enumerable.Range(SurveyResponse.MinScore, SurveyResponse.MaxScore).Select(s => s.ToString(CultureInfo.InvariantCulture))],
                Enum.GetValues<SurveyDimension>().Select(d => (IReadOnlyList<string>)
                [
                    l["Dimension." + d], .. Enumerable.Range(SurveyResponse.MinScore, SurveyResponse.MaxScore).Select(s => r is not null && r.Scores[d] == s ? Mark : ""),
                ]).ToList(),
                [4, 1, 1, 1, 1, 1]),
            new PdfHeading(l["Comments"]),
            new PdfParagraph(r?.Comments ?? "\n\n\n"),
        };
        blocks.Add(new PdfKeepTogether(
        [
            new PdfSignature(l["Respondent (customer)"], r is null ? "" : model.CustomerName ?? "", r is null ? "" : l["Source." + r.Source], "", l["Signature and date"]),
        ]));
        var number = Number(model) + (model.CustomerName is null ? "" : " · " + model.CustomerName);
        return new PdfDocumentModel(PaperTitle, number, blocks, "CustomerProcess · " + number,
            PaperForms.Letterhead(configuration, l, PaperForms.SurveyQuestionnaire, number));
    }
}
