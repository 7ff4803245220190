using System.Globalization;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Notices;

/// <summary>The task notice (or product change notice) as a PDF in the user's language, with the same
/// content as the print view and every department's acknowledgement as a signature box.</summary>
public sealed class TaskNoticeDocument(IPdfRenderer renderer, IStringLocalizer<SharedResource> l)
{
    public byte[] Render(NoticeDetailsViewModel model) => renderer.Render(Build(model));

    public PdfDocumentModel Build(NoticeDetailsViewModel model)
    {
        var n = model.Notice;
        var c = model.Contract;
        var blocks = new List<PdfBlock>
        {
            new PdfFields(
            [
                new(l["Notice number"], n.Number),
                new(l["Revision"], n.Revision.ToString(CultureInfo.CurrentCulture)),
                new(l["Contract"], $"{c.Number} (v{n.ContractVersion})"),
                new(l["Order"], model.OrderNumber),
                new(l["Customer"], $"{model.Customer.Name} ({model.Customer.Code})"),
                new(l["Status"], l["NoticeStatus." + n.Status]),
                new(l["Issued by"], n.IssuedByName),
                new(l["Issued at"], Formatting.LocalTime(n.IssuedAtUtc)),
            ]),
            new PdfHeading(l["Lines"]),
            new PdfTable(
                ["#", l["Item"], l["Specification"], l["Quantity"], l["Unit"], l["Delivery date"], l["Delivery place"], l["Packaging"]],
                n.Lines.Select(x => (IReadOnlyList<string>)
                [
                    x.LineNo.ToString(CultureInfo.CurrentCulture) + (x.ChangedFromPrevious ? " *" : ""), x.Description, x.Specification ?? "",
                    x.Quantity.ToString("0.####", CultureInfo.CurrentCulture), x.Unit, x.DeliveryDate is { } d ? Formatting.Date(d) : "", x.DeliveryPlace ?? "", x.Packaging ?? "",
                ]).ToList(),
                [0.6f, 3, 2.5f, 1.2f, 0.8f, 1.6f, 1.6f, 1.6f]),
        };

        if (n.Lines.Any(x => x.ChangedFromPrevious))
        {
            blocks.Add(new PdfParagraph("* " + l["changed from the previous revision"]));
        }

        blocks.Add(new PdfHeading(l["Special requirements"]));
        blocks.Add(new PdfParagraph(n.SpecialRequirements ?? "—"));
        blocks.Add(new PdfHeading(l["Conditions from the review"]));
        blocks.Add(new PdfParagraph(n.ReviewConditions ?? "—"));
        if (n.Instructions is not null)
        {
            blocks.Add(new PdfHeading(l["Instructions"]));
            blocks.Add(new PdfParagraph(n.Instructions));
        }

        blocks.Add(new PdfHeading(l["Acknowledgement of receipt"]));
        foreach (var a in n.Acknowledgements)
        {
            blocks.Add(a.IsAcknowledged
                ? new PdfSignature(model.DepartmentName(a.DepartmentCode), a.AcknowledgedByName ?? "", l["Acknowledged"], Formatting.LocalTime(a.AcknowledgedAtUtc!.Value), a.Comment)
                : new PdfSignature(model.DepartmentName(a.DepartmentCode), "", l["Not acknowledged yet"], "", null));
        }

        return new PdfDocumentModel(model.Title, l["NoticeKind." + n.Kind] + " · " + n.Number, blocks, $"CustomerProcess · {n.Number} · {c.Number}");
    }
}
