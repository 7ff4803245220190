using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.ServiceNotices;

/// <summary>The Technical Service Notice (技术服务通知单) with its site records (施工现场记录) as a PDF document,
/// the same content as the print view (docs/process.md §5).</summary>
public static class ServiceNoticeDocument
{
    public const string PaperTitle = "技术服务通知单 / Technical Service Notice";

    public static PdfDocumentModel Build(ServiceNoticeViewModel model, IStringLocalizer l, IConfiguration configuration)
    {
        var n = model.Notice;
        var blocks = new List<PdfBlock>
        {
            new PdfFields(
            [
                new(l["Number"], n.Number),
                new(l["Contract"], model.Contract.Number),
                new(l["Customer"], model.CustomerName),
                new(l["Site"], n.Site),
                new(l["Required by"], n.RequiredBy is { } d ? Formatting.Date(d) : "—"),
                new(l["Status"], l["ServiceStatus." + n.Status]),
            ]),
            new PdfHeading(l["Request"]),
            new PdfParagraph(n.Request),
            new PdfSignature(l["Issued by"], n.IssuedByName, l["Issued"], Formatting.LocalTime(n.IssuedAtUtc), null),
            new PdfHeading(l["Site records"] + " / 施工现场记录"),
        };
        blocks.Add(n.Records.Count == 0
            ? new PdfParagraph(l["No site records yet."])
            : new PdfTable(
                [l["Visited on"], l["Problem"], l["Treatment"], l["Result"], l["Recorded by"]],
                n.Records.Select(r => (IReadOnlyList<string>)[Formatting.Date(r.VisitedOn), r.Problem, r.Treatment, r.Result, r.RecordedByName]).ToList(),
                [1.3f, 3, 3, 3, 1.5f]));

        // The foot: the outcome and who closed the notice, and the customer's confirmation of the work on site.
        var foot = new List<PdfBlock> { new PdfHeading(l["Confirmation and approval"]) };
        foot.Add(n.ClosedAtUtc is { } closed
            ? new PdfSignature(l["Closed by"], n.ClosedByName ?? "", l["Closed"], Formatting.LocalTime(closed), n.Outcome)
            : new PdfSignature(l["Closed by"], "", "", "", null));
        foot.Add(new PdfSignature(l["Customer confirmation"], "", "", "", l["Signature and date"]));
        blocks.Add(new PdfKeepTogether(foot));
        return new PdfDocumentModel(PaperTitle, n.Number, blocks, "CustomerProcess · " + n.Number,
            PaperForms.Letterhead(configuration, l, PaperForms.ServiceNotice, n.Number));
    }
}
