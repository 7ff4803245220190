using System.Data;
using System.Globalization;
using System.Text;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CustomerProcess.Web.Features.Dashboards;

/// <summary>The management-review dashboard (ISO 9001 §9.3 input) for the general manager and the quality head:
/// the page with line charts and their tables, a print view, CSV and Excel (issue #17 item 4).</summary>
[Authorize(Roles = Roles.GeneralManager + "," + Roles.QualityHead)]
public sealed class DashboardsController(ManagementReviewQuery query, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> ManagementReview(ReviewPeriodKind period, DateOnly? to, CancellationToken cancellationToken) =>
        View(await query.LoadAsync(period, to, cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Print(ReviewPeriodKind period, DateOnly? to, CancellationToken cancellationToken)
    {
        var model = await query.LoadAsync(period, to, cancellationToken);
        ViewData["BackUrl"] = Url.Action(nameof(ManagementReview), new { period, to = model.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return View(model);
    }

    [HttpGet]
    public async Task<IActionResult> Csv(ReviewPeriodKind period, DateOnly? to, CancellationToken cancellationToken)
    {
        var model = await query.LoadAsync(period, to, cancellationToken);
        var csv = new StringBuilder();
        foreach (var row in Rows(model))
        {
            csv.AppendLine(string.Join(',', row.Select(cell => cell switch
            {
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                null => "",
                _ => SpreadsheetText.CsvField(cell.ToString() ?? ""),
            })));
        }

        // UTF-8 with BOM so Excel opens Chinese text correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", FileName(model, "csv"));
    }

    [HttpGet]
    public async Task<IActionResult> Excel(ReviewPeriodKind period, DateOnly? to, CancellationToken cancellationToken)
    {
        var model = await query.LoadAsync(period, to, cancellationToken);
        using var table = new DataTable(Formatting.IsChinese ? "管理评审" : "Management review") { Locale = CultureInfo.CurrentCulture };
        table.Columns.Add(l["Figure"], typeof(string));
        table.Columns.Add(l["Series"], typeof(string));
        table.Columns.Add(l["Period"], typeof(string));
        table.Columns.Add(l["Value"], typeof(decimal));
        foreach (var row in Rows(model).Skip(1))
        {
            table.Rows.Add(SpreadsheetText.Cell((string)row[0]!), SpreadsheetText.Cell((string)row[1]!), SpreadsheetText.Cell((string)row[2]!), row[3] is null ? DBNull.Value : Convert.ToDecimal(row[3], CultureInfo.InvariantCulture));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: table.TableName);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(model, "xlsx"));
    }

    private static string FileName(ManagementReviewModel model, string extension) =>
        $"management-review-{model.Kind.ToString().ToLowerInvariant()}-{model.To:yyyyMMdd}.{extension}";

    /// <summary>Every figure as (figure, series, period, value) rows, with a header row.</summary>
    private IEnumerable<object?[]> Rows(ManagementReviewModel model)
    {
        yield return [l["Figure"].Value, l["Series"].Value, l["Period"].Value, l["Value"].Value];
        foreach (var trend in model.Trends)
        {
            foreach (var series in trend.Series)
            {
                for (var i = 0; i < model.Periods.Count; i++)
                {
                    yield return [trend.Title, series.Name, model.Periods[i].Label, series.Values[i]];
                }
            }
        }

        foreach (var rate in model.DiscrepancyRates)
        {
            yield return [l["Discrepancy rate by department (%)"].Value, rate.Department, $"{model.Periods[0].Label} – {model.Periods[^1].Label}", rate.Rate];
        }

        foreach (var (label, value) in model.Causes)
        {
            yield return [l["Complaint causes"].Value, label, $"{model.Periods[0].Label} – {model.Periods[^1].Label}", value];
        }

        foreach (var overdue in model.OverduePayments)
        {
            yield return [l["Overdue payments (contracts)"].Value, overdue.Currency, model.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (decimal)overdue.Contracts];
            yield return [l["Overdue payments (amount outstanding)"].Value, overdue.Currency, model.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), overdue.OutstandingMinor / 100m];
        }
    }
}
