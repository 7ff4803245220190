using System.Data;
using System.Globalization;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>The filtered register as an .xlsx workbook (顾客财产验证登录表): texts in the user's language, quantities as numbers.</summary>
public sealed class PropertyExport(IStringLocalizer<SharedResource> l)
{
    public IReadOnlyList<string> Headers =>
    [
        l["Number"], l["Customer"], l["Customer code"], l["Order"], l["Contract"], l["Kind"], l["Description"], l["Specification"],
        l["Declared quantity"], l["Received quantity"], l["Unit"], l["Matches specification"], l["Date received"], l["Received by"],
        l["Inspection"], l["Storage place"], l["Custodian"], l["Use"], l["Status"], l["Returned on"], l["Incident reports"],
    ];

    public byte[] Write(IEnumerable<PropertyRow> rows)
    {
        using var table = new DataTable(Formatting.IsChinese ? "顾客财产验证登录表" : "Customer property register") { Locale = CultureInfo.CurrentCulture };
        var headers = Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            table.Columns.Add(headers[i], i is 8 or 9 ? typeof(decimal) : i == 20 ? typeof(int) : typeof(string));
        }

        foreach (var r in rows)
        {
            table.Rows.Add(
                SpreadsheetText.Cell(r.Number), SpreadsheetText.Cell(r.CustomerName), SpreadsheetText.Cell(r.CustomerCode), SpreadsheetText.Cell(r.OrderNumber),
                SpreadsheetText.Cell(r.ContractNumber), l["PropertyKind." + r.Kind].Value, SpreadsheetText.Cell(r.Description), SpreadsheetText.Cell(r.Specification),
                r.DeclaredQuantity, r.ReceivedQuantity, SpreadsheetText.Cell(r.Unit), r.MatchesSpecification ? l["Yes"].Value : l["No"].Value,
                r.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SpreadsheetText.Cell(r.ReceivedByName),
                SpreadsheetText.Cell(Inspection(r)), SpreadsheetText.Cell(r.StoragePlace), SpreadsheetText.Cell(r.CustodianName), SpreadsheetText.Cell(r.UseNote),
                l["PropertyStatus." + r.Status].Value, r.ReturnedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Incidents);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: table.TableName);
        return stream.ToArray();
    }

    public string Inspection(PropertyRow r) => r.InspectionPassed switch
    {
        true => l["Passed"].Value + (r.InspectionResult is null ? "" : ": " + r.InspectionResult),
        false => l["Failed"].Value + (r.InspectionResult is null ? "" : ": " + r.InspectionResult),
        null => "",
    };
}
