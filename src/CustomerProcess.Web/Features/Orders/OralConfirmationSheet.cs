using System.Globalization;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>What the oral-order confirmation sheet shows: the order, and the recorder (记录人) by display name.</summary>
public sealed record OralConfirmationSheetModel(OrderDetailsViewModel Details, string? RecordedBy);

/// <summary>The customer's telephone (oral) / fax order confirmation sheet (顾客电话(口头)传真订单确认表) as a PDF
/// document, the same content as its print view (docs/process.md §3).</summary>
public static class OralConfirmationSheet
{
    public const string PaperTitle = "顾客电话(口头)传真订单确认表 / Telephone (Oral) and Fax Order Confirmation";

    public static PdfDocumentModel Build(OralConfirmationSheetModel model, IStringLocalizer l, IConfiguration configuration)
    {
        var o = model.Details.Order;
        var blocks = new List<PdfBlock>
        {
            new PdfFields(
            [
                new(l["Order"], o.Number),
                new(l["Customer"], $"{model.Details.Customer.Name} ({model.Details.Customer.Code})"),
                new(l["Order channel"], l["Channel." + o.Channel]),
                new(l["Customer's reference"], o.CustomerReference ?? "—"),
                new(l["Salesperson"], model.Details.SalesName ?? "—"),
                new(l["Total"], Formatting.Money(o.Total)),
            ]),
            new PdfHeading(l["Order lines"]),
            new PdfTable(
                [l["Item"], l["Specification"], l["Quantity"], l["Unit"], l["Unit price"], l["Amount"], l["Delivery date"]],
                o.Lines.Select(x => (IReadOnlyList<string>)
                [
                    x.Description, x.Specification ?? "", x.Quantity.ToString("0.####", CultureInfo.CurrentCulture), x.Unit,
                    Formatting.Money(x.UnitPrice), Formatting.Money(x.Amount), x.DeliveryDate is { } d ? Formatting.Date(d) : "",
                ]).ToList(),
                [3, 3, 1.2f, 1, 1.6f, 1.8f, 1.6f]),
            new PdfHeading(l["Requirements"]),
            new PdfFields(
            [
                new(l["Explicit"], o.ExplicitRequirements ?? ""),
                new(l["Implied"], o.ImpliedRequirements ?? ""),
                new(l["Statutory and regulatory"], o.StatutoryRequirements ?? ""),
                new(l["Additional (company)"], o.AdditionalRequirements ?? ""),
                new(l["Special requirements"], string.Join(" / ", new[] { o.SpecialTechnical, o.SpecialDelivery, o.SpecialPackaging }.Where(x => !string.IsNullOrWhiteSpace(x)))),
                new(l["Customer property"], o.CustomerPropertyHandling ?? ""),
            ]),
        };

        var foot = new List<PdfBlock> { new PdfHeading(l["Confirmation and approval"]) };
        foot.Add(o.OralConfirmedAtUtc is { } confirmed
            ? new PdfSignature(l["Customer confirmation"], o.OralConfirmedBy ?? "", l["Method." + o.OralConfirmationMethod], Formatting.LocalTime(confirmed), null)
            : new PdfSignature(l["Customer confirmation"], "", "", "", l["Signature and date"]));
        foot.Add(new PdfSignature(l["Recorded by"], model.RecordedBy ?? "", "", o.OralConfirmedAtUtc is { } at ? Formatting.LocalTime(at) : "", null));
        blocks.Add(new PdfKeepTogether(foot));
        return new PdfDocumentModel(PaperTitle, o.Number, blocks, "CustomerProcess · " + o.Number,
            PaperForms.Letterhead(configuration, l, PaperForms.OralOrderConfirmation, o.Number));
    }
}
