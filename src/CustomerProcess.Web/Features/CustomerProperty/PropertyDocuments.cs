using System.Globalization;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>The printed register (顾客财产验证登录表) and the incident report (顾客财产问题报告) as PDFs in the user's language,
/// with the same content as their print views.</summary>
public sealed class PropertyDocuments(IPdfRenderer renderer, PropertyExport export, IStringLocalizer<SharedResource> l)
{
    public byte[] Register(IReadOnlyList<PropertyRow> rows, string filterText) => renderer.Render(BuildRegister(rows, filterText));

    public byte[] Incident(IncidentReportViewModel model) => renderer.Render(BuildIncident(model));

    public PdfDocumentModel BuildRegister(IReadOnlyList<PropertyRow> rows, string filterText)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph(filterText),
            new PdfTable(
                [l["Number"], l["Customer"], l["Order"] + " / " + l["Contract"], l["Kind"], l["Description"], l["Quantity"], l["Date received"], l["Inspection"],
                    l["Storage place"] + " / " + l["Custodian"], l["Status"]],
                rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Number, r.CustomerName, string.Join(" ", new[] { r.OrderNumber, r.ContractNumber }.Where(x => x is not null)), l["PropertyKind." + r.Kind],
                    r.Description, Quantity(r), Formatting.Date(r.ReceivedOn), export.Inspection(r),
                    string.Join(" / ", new[] { r.StoragePlace, r.CustodianName }.Where(x => x is not null)),
                    l["PropertyStatus." + r.Status] + (r.ReturnedOn is { } back ? " " + Formatting.Date(back) : ""),
                ]).ToList(),
                [1.6f, 2, 1.6f, 1, 2.4f, 1.4f, 1.2f, 2, 1.6f, 1.2f]),
        };
        if (rows.Count == 0)
        {
            blocks.Add(new PdfParagraph(l["No property items match."]));
        }

        return new PdfDocumentModel(l["Customer property register"], Formatting.IsChinese ? null : "顾客财产验证登录表", blocks, "CustomerProcess · " + l["Customer property register"]);
    }

    public PdfDocumentModel BuildIncident(IncidentReportViewModel model)
    {
        var i = model.Incident;
        var p = model.Item;
        var blocks = new List<PdfBlock>
        {
            new PdfFields(
            [
                new(l["Report number"], i.Number),
                new(l["Customer"], $"{model.CustomerName} ({model.CustomerCode})"),
                new(l["Property item"], $"{p.Number} · {p.Description}"),
                new(l["Order"], model.OrderNumber ?? "—"),
                new(l["Contract"], model.ContractNumber ?? "—"),
                new(l["Kind"], l["PropertyKind." + p.Kind]),
                new(l["Declared quantity"], p.DeclaredQuantity.ToString("0.####", CultureInfo.CurrentCulture) + " " + p.Unit),
                new(l["Received quantity"], p.ReceivedQuantity.ToString("0.####", CultureInfo.CurrentCulture) + " " + p.Unit),
                new(l["Date received"], Formatting.Date(p.ReceivedOn)),
                new(l["Problem"], l["PropertyIncidentKind." + i.Kind]),
            ]),
            new PdfHeading(l["Description of the problem"]),
            new PdfParagraph(i.Description),
            new PdfSignature(l["Reported to the customer by"], i.ReportedByName, l["Reported"], Formatting.LocalTime(i.ReportedAtUtc), null),
            new PdfHeading(l["Customer's reply"]),
            new PdfParagraph(i.CustomerReply ?? l["No reply on record yet."]),
        };
        if (i.IsAnswered)
        {
            blocks.Add(new PdfSignature(l["Reply recorded by"], i.ReplyRecordedByName ?? "", l["Reply of"] + " " + Formatting.Date(i.RepliedOn!.Value),
                Formatting.LocalTime(i.ReplyRecordedAtUtc!.Value), null));
        }

        return new PdfDocumentModel(l["Customer property incident report"], (Formatting.IsChinese ? "" : "顾客财产问题报告 · ") + i.Number, blocks, $"CustomerProcess · {i.Number} · {p.Number}");
    }

    private static string Quantity(PropertyRow r) =>
        r.ReceivedQuantity.ToString("0.####", CultureInfo.CurrentCulture) + " / " + r.DeclaredQuantity.ToString("0.####", CultureInfo.CurrentCulture) + " " + r.Unit;
}
