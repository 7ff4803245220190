using CustomerProcess.Domain.Complaints;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>The Customer Feedback Handling Sheet (顾客信息反馈处理单) as a PDF document.</summary>
public static class FeedbackSheet
{
    public static PdfDocumentModel Build(ComplaintDetailsViewModel model, IStringLocalizer l, IConfiguration configuration)
    {
        var c = model.Complaint;
        var blocks = new List<PdfBlock>
        {
            new PdfFields(
            [
                new(l["Number"], c.Number),
                new(l["Customer"], model.CustomerName),
                new(l["Received"], Formatting.LocalTime(c.ReceivedAtUtc)),
                new(l["Answer due"], Formatting.LocalTime(c.ReceivedAtUtc + model.Window)),
                new(l["Contract"], model.ContractNumber ?? "—"),
                new(l["Product"], model.ProductName ?? "—"),
                new(l["Batch / delivery"], c.BatchReference ?? "—"),
                new(l["Severity"], l["Severity." + c.Severity]),
            ]),
            new PdfHeading(l["Customer feedback"]),
            new PdfParagraph(c.Description),
            new PdfHeading(l["Investigation"]),
            new PdfFields(
            [
                new(l["Cause category"], c.CauseCategory is { } cat ? l["Cause." + cat] : "—"),
                new(l["Responsible department"], c.ResponsibleDepartment is { } d ? model.DepartmentNames.GetValueOrDefault(d, d) : "—"),
            ]),
            new PdfParagraph(c.CauseAnalysis ?? "—"),
        };
        if (c.Actions.Count > 0)
        {
            blocks.Add(new PdfHeading(l["Corrective actions"]));
            blocks.Add(new PdfTable(
                ["#", l["Action"], l["Owner"], l["Due"], l["Status"], l["Verified by"]],
                c.Actions.OrderBy(a => a.Number).Select(a => (IReadOnlyList<string>)
                [
                    a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Description + (a.CompletionNote is null ? "" : " — " + a.CompletionNote),
                    a.OwnerName, Formatting.Date(a.DueDate), l["ActionStatus." + a.Status], Actors.Describe(a.VerifiedByName, a.VerifiedByDepartment, model.DepartmentNames),
                ]).ToList(),
                [0.4f, 4, 1.4f, 1.3f, 1.2f, 1.4f]));
        }

        blocks.Add(new PdfHeading(l["Answer to the customer"]));
        blocks.Add(new PdfParagraph(c.AnswerText ?? l["Not answered yet."]));
        // The sheet's foot as on paper: who answered, the customer's confirmation, who approved (closed) it — kept on one page.
        var signatures = new List<PdfBlock> { new PdfHeading(l["Confirmation and approval"]) };
        signatures.Add(c.AnsweredAtUtc is { } answered
            ? new PdfSignature(l["Answered by"], Actors.Describe(c.AnsweredByName, c.AnsweredByDepartment, model.DepartmentNames), l["ComplaintChannel." + c.AnswerChannel],
                Formatting.LocalTime(answered), AnswerClock.AnsweredInTime(c.ReceivedAtUtc, answered, model.Window) ? l["Answered in time"] : l["Answered late"])
            : new PdfSignature(l["Answered by"], "", "", "", null));
        signatures.Add(new PdfSignature(l["Customer confirmation"], "", "", "", l["Signature and date"]));
        signatures.Add(c.ClosedAtUtc is { } closed
            ? new PdfSignature(l["Approved (closed) by"], Actors.Describe(c.ClosedByName, c.ClosedByDepartment, model.DepartmentNames), l["Closed"], Formatting.LocalTime(closed), null)
            : new PdfSignature(l["Approved (closed) by"], "", "", "", null));
        blocks.Add(new PdfKeepTogether(signatures));

        return new PdfDocumentModel("顾客信息反馈处理单 / Customer Feedback Handling Sheet", c.Number, blocks, "CustomerProcess · " + c.Number,
            PaperForms.Letterhead(configuration, l, PaperForms.FeedbackSheet, c.Number));
    }
}
