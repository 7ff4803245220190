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

    /// <summary>The workbook as bytes (the evidence pack hashes it); the rows are streamed as in <see cref="WriteTo"/>.</summary>
    public byte[] Write(IEnumerable<LedgerRow> rows, DateOnly today)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, rows, today);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> (seekable: a temporary file or a memory stream), reading the rows
    /// once, one at a time, as MiniExcel writes them: fed from an <c>AsNoTracking</c> query, no list of the rows is ever
    /// held, so memory stays flat however many rows are exported (docs/adr/0043-a-million-contracts.md). Returns the row count.
    /// </summary>
    public int WriteTo(Stream output, IEnumerable<LedgerRow> rows, DateOnly today)
    {
        var headers = Headers;
        var sheet = Formatting.IsChinese ? "合同台帐" : "Contract ledger";
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            // No rows: MiniExcel takes the header row of a sequence from its first item, so an empty sheet keeps its
            // headers through an empty table.
            using var table = new DataTable(sheet) { Locale = System.Globalization.CultureInfo.CurrentCulture };
            foreach (var header in headers)
            {
                table.Columns.Add(header, typeof(string));
            }

            output.SaveAs(table, sheetName: sheet);
            return 0;
        }

        var count = 0;
        IEnumerable<IDictionary<string, object>> Cells()
        {
            do
            {
                count++;
                var r = enumerator.Current;
                object[] values =
                [
                    SpreadsheetText.Cell(r.Number), r.Version, l["ContractStatus." + r.Status].Value, Overdue(r, today), SpreadsheetText.Cell(r.CustomerName),
                    SpreadsheetText.Cell(r.CustomerCode), SpreadsheetText.Cell(r.SalesName),
                    r.SignedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), SpreadsheetText.Cell(r.Currency),
                    r.AmountMinor / 100m, r.DeliveredMinor / 100m, r.DeliveredPercent, r.InvoicedMinor / 100m, r.InvoicedPercent, r.PaidMinor / 100m, r.PaidPercent,
                    SpreadsheetText.Cell(r.OrderNumber),
                ];
                var row = new Dictionary<string, object>(headers.Count, StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    row[headers[i]] = values[i];
                }

                yield return row;
            }
            while (enumerator.MoveNext());
        }

        output.SaveAs(Cells(), sheetName: sheet);
        return count;
    }
}
