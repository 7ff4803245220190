using System.Globalization;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>The record disposal form (记录销毁审批表) as a PDF in the user's language: the same content as the print view —
/// what was disposed of, why, the period, the content hash — with the requester, approver and executor as signature boxes.</summary>
public static class DisposalDocument
{
    public static PdfDocumentModel Build(DisposalRecord d, IStringLocalizer l)
    {
        var fields = new List<PdfField>
        {
            new(l["Number"], d.Number),
            new(l["Record type"], l["RetentionType." + d.RecordType]),
            new(l["Status"], l["DisposalStatus." + d.Status]),
            new(l["Records"], d.RecordCount.ToString(CultureInfo.CurrentCulture)),
            new(l["Kept for (years)"], d.RetentionYears.ToString(CultureInfo.CurrentCulture)),
            new(l["Reason for the disposal"], d.Reason),
        };
        if (d.ContentHash is not null)
        {
            fields.Add(new(l["Content hash (SHA-256)"], d.ContentHash));
        }

        var blocks = new List<PdfBlock>
        {
            new PdfFields(fields),
            new PdfTable(
                [l["Record number"], l["Closed on"], l["Kept until"]],
                d.Items.OrderBy(i => i.RecordNumber, StringComparer.Ordinal)
                    .Select(i => (IReadOnlyList<string>)[i.RecordNumber, Formatting.Date(i.ClosedOn), Formatting.Date(i.DueOn)]).ToList(),
                [3, 2, 2]),
            new PdfSignature(l["Requested by"], d.RequestedByName, l["DisposalStatus." + DisposalStatus.Requested], Formatting.LocalTime(d.RequestedAtUtc), null),
        };
        blocks.Add(d.Status is DisposalStatus.Approved or DisposalStatus.Executed or DisposalStatus.Rejected
            ? new PdfSignature(d.Status == DisposalStatus.Rejected ? l["Rejected by"] : l["Approved by"], d.DecidedByName ?? "", l["DisposalStatus." + (d.Status == DisposalStatus.Rejected ? DisposalStatus.Rejected : DisposalStatus.Approved)],
                Formatting.LocalTime(d.DecidedAtUtc!.Value), d.DecisionNote)
            : new PdfSignature(l["Approved by"], "", "", "", null));
        blocks.Add(d.ExecutedAtUtc is { } executedAt
            ? new PdfSignature(l["Carried out by"], d.ExecutedByName ?? "", l["DisposalStatus." + DisposalStatus.Executed], Formatting.LocalTime(executedAt), null)
            : new PdfSignature(l["Carried out by"], "", "", "", null));

        // The paper form is bilingual in its title; the body follows the user's language.
        return new PdfDocumentModel("记录销毁审批表", l["Record disposal form"] + " · " + d.Number, blocks, $"CustomerProcess · {d.Number}");
    }
}
