using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Changes;

/// <summary>The contract change form (合同变更单) as a PDF document, the same content as its print view (docs/process.md §6).</summary>
public static class ChangeFormDocument
{
    public const string PaperTitle = "合同变更单 / Contract Change Form";

    public static PdfDocumentModel Build(ChangeDetailsViewModel model, IStringLocalizer l, IConfiguration configuration)
    {
        var ch = model.Change;
        var blocks = new List<PdfBlock>
        {
            new PdfFields(
            [
                new(l["Number"], ch.Number),
                new(l["Contract"], model.Contract.Number),
                new(l["Customer"], model.CustomerName),
                new(l["Status"], l["ChangeStatus." + ch.Status]),
                new(l["Kind of change"], l["ChangeKind." + ch.Kind]),
                new(l["What follows"], l["Consequence." + ch.Consequence]),
                new(l["Requested by"], l["ChangeParty." + ch.RequestedBy] + ": " + ch.RequesterName),
                new(l["On contract version"], "v" + ch.BaseVersion + (ch.ResultingVersion is { } rv ? " → v" + rv : "")),
            ]),
            new PdfHeading(l["What changes"]),
            new PdfParagraph(ch.What),
            new PdfHeading(l["Why"]),
            new PdfParagraph(ch.Why),
            new PdfHeading(l["Customer's written confirmation"]),
            new PdfParagraph(ch.CustomerConfirmation),
        };

        var foot = new List<PdfBlock>
        {
            new PdfHeading(l["Confirmation and approval"]),
            new PdfSignature(l["Recorded by"], ch.RecordedByName, "", Formatting.LocalTime(ch.RecordedAtUtc), null),
            ch.DecidedAtUtc is { } decided
                ? new PdfSignature(l["Decided by"], ch.DecidedByName ?? "", l["ChangeStatus." + ch.Status], Formatting.LocalTime(decided), ch.DecisionNote)
                : new PdfSignature(l["Decided by"], "", "", "", null),
            ch.CompanyConfirmedAtUtc is { } confirmed
                ? new PdfSignature(l["Our confirmation"], ch.CompanyConfirmedByName ?? "", "", Formatting.LocalTime(confirmed), null)
                : new PdfSignature(l["Customer confirmation"], "", "", "", l["Signature and date"]),
        };
        blocks.Add(new PdfKeepTogether(foot));
        return new PdfDocumentModel(PaperTitle, ch.Number, blocks, "CustomerProcess · " + ch.Number,
            PaperForms.Letterhead(configuration, l, PaperForms.ContractChange, ch.Number));
    }
}
