using System.Data;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CustomerProcess.Web.Features.Ledger;

/// <summary>
/// The filtered ledger as an .xlsx workbook: the same rows and columns as the list, headers and texts in
/// the user's language, amounts and percentages as numbers (so the sheet can be summed).
/// </summary>
public sealed class LedgerExport(IStringLocalizer<SharedResource> l)
{
    public IReadOnlyList<string> Headers =>
    [
        l["Contract"], l["Version"], l["Status"], l["Overdue"], l["Customer"], l["Customer code"], l["Salesperson"], l["Signed on"], l["Currency"],
        l["Amount"], l["Delivered"], l["Delivered %"], l["Invoiced"], l["Invoiced %"], l["Paid"], l["Paid %"], l["Order"],
    ];

    public string Overdue(LedgerRow row, DateOnly today) =>
        string.Join(", ", new[]
        {
            row.DeliveryOverdue(today) ? l["Delivery overdue"].Value : null,
            row.PaymentOverdue(today) ? l["Payment overdue"].Value : null,
        }.Where(x => x is not null));

    public byte[] Write(IEnumerable<LedgerRow> rows, DateOnly today)
    {
        using var table = new DataTable(Formatting.IsChinese ? "合同台帐" : "Contract ledger") { Locale = System.Globalization.CultureInfo.CurrentCulture };
        Type[] types =
        [
            typeof(string), typeof(int), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string),
            typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(string),
        ];
        var headers = Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            table.Columns.Add(headers[i], types[i]);
        }

        foreach (var r in rows)
        {
            table.Rows.Add(
                SpreadsheetText.Cell(r.Number), r.Version, l["ContractStatus." + r.Status].Value, Overdue(r, today), SpreadsheetText.Cell(r.CustomerName),
                SpreadsheetText.Cell(r.CustomerCode), SpreadsheetText.Cell(r.SalesName),
                r.SignedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), SpreadsheetText.Cell(r.Currency),
                r.AmountMinor / 100m, r.DeliveredMinor / 100m, r.DeliveredPercent, r.InvoicedMinor / 100m, r.InvoicedPercent, r.PaidMinor / 100m, r.PaidPercent,
                SpreadsheetText.Cell(r.OrderNumber));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: table.TableName);
        return stream.ToArray();
    }
}
