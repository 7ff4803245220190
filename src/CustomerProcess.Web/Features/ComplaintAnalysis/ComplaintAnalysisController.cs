using System.Globalization;
using System.Text;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.ComplaintAnalysis;

public sealed record Breakdown(string Title, string Id, IReadOnlyList<(string Label, decimal Value)> Rows);

/// <summary>The 72-hour answer clock for the complaints received in one month.</summary>
public sealed record ClockRow(string Month, int Received, int AnsweredInTime, int AnsweredLate, int OpenOverdue, int OpenInTime);

public sealed record AnalysisViewModel(
    DateOnly From, DateOnly To, int Complaints, int Returns, int FoundedReturns, IReadOnlyList<ClockRow> Clock,
    IReadOnlyList<Breakdown> Breakdowns, IReadOnlyList<Breakdown> ReturnBreakdowns);

/// <summary>Complaints and returns by customer, product, cause, department and month, and the answer clock per
/// month — input to management review (docs/process.md §7).</summary>
[Authorize(Roles = Roles.QualityStaff + "," + Roles.QualityHead + "," + Roles.GeneralManager + "," + Roles.SalesManager)]
public sealed class ComplaintAnalysisController(AppDbContext db, TimeProvider clock, IOptions<ComplaintOptions> options, DepartmentNames departmentNames, IStringLocalizer<SharedResource> l) : Controller
{
    private const int MaxMonths = 36;

    /// <summary>Dates outside these bounds (0001-01-01, 9999-12-31 in the address) are moved to them: the period
    /// arithmetic and the time-zone conversion would overflow.</summary>
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    [HttpGet]
    public async Task<IActionResult> Index(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        View(await AnalyseAsync(from, to, cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Csv(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var model = await AnalyseAsync(from, to, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', SpreadsheetText.CsvField(l["Breakdown"]), SpreadsheetText.CsvField(l["Group"]), SpreadsheetText.CsvField(l["Count"])));
        foreach (var breakdown in model.Breakdowns.Concat(model.ReturnBreakdowns))
        {
            foreach (var (label, value) in breakdown.Rows)
            {
                csv.AppendLine(string.Join(',', SpreadsheetText.CsvField(breakdown.Title), SpreadsheetText.CsvField(label), value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        foreach (var row in model.Clock)
        {
            foreach (var (title, count) in new[]
                     {
                         (l["Complaints received"].Value, row.Received), (l["Answered in time"].Value, row.AnsweredInTime), (l["Answered late"].Value, row.AnsweredLate),
                         (l["Overdue, not answered"].Value, row.OpenOverdue), (l["Open, within the deadline"].Value, row.OpenInTime),
                     })
            {
                csv.AppendLine(string.Join(',', SpreadsheetText.CsvField(l["Answer clock"] + ": " + title), SpreadsheetText.CsvField(row.Month), count.ToString(CultureInfo.InvariantCulture)));
            }
        }

        // UTF-8 with BOM so Excel opens Chinese text correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"complaints-{model.From:yyyyMMdd}-{model.To:yyyyMMdd}.csv");
    }

    private async Task<AnalysisViewModel> AnalyseAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Formatting.DisplayZone));
        static DateOnly? Bounded(DateOnly? date) => date is { } d ? (d < Earliest ? Earliest : d > Latest ? Latest : d) : null;
        var end = Bounded(to) ?? today;
        var start = Bounded(from) ?? end.AddMonths(-11).AddDays(1 - end.AddMonths(-11).Day);
        if (start > end)
        {
            (start, end) = (end, start);
        }

        // At most three years per view, so one request stays cheap.
        if (start < end.AddMonths(-MaxMonths))
        {
            start = end.AddMonths(-MaxMonths);
        }

        var startUtc = TimeZoneInfo.ConvertTimeToUtc(start.ToDateTime(TimeOnly.MinValue), Formatting.DisplayZone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue), Formatting.DisplayZone);
        var chinese = Formatting.IsChinese;
        var window = options.Value.AnswerWindow;

        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAtUtc >= startUtc && c.ReceivedAtUtc < endUtc)
            .Select(c => new { c.Id, c.ReceivedAtUtc, c.AnsweredAtUtc, c.CustomerId, c.ProductId, c.CauseCategory, c.ResponsibleDepartment })
            .ToListAsync(cancellationToken);
        var returns = await db.Returns.AsNoTracking()
            .Where(r => r.ReceivedAtUtc >= startUtc && r.ReceivedAtUtc < endUtc)
            .Select(r => new { r.Id, r.ReceivedAtUtc, r.ComplaintId, r.ContractId, r.ProductId, r.Status, r.IsFounded, r.Disposition })
            .ToListAsync(cancellationToken);

        // Returns take customer, product and cause from their complaint, or the customer from their contract.
        var returnComplaintIds = returns.Where(r => r.ComplaintId != null).Select(r => r.ComplaintId!.Value).Distinct().ToList();
        var returnComplaints = await db.Complaints.AsNoTracking().Where(c => returnComplaintIds.Contains(c.Id))
            .Select(c => new { c.Id, c.CustomerId, c.ProductId, c.CauseCategory, c.ResponsibleDepartment })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var contractIds = returns.Where(r => r.ContractId != null).Select(r => r.ContractId!.Value).Distinct().ToList();
        var contractCustomers = await db.Contracts.AsNoTracking().Where(k => contractIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.CustomerId, cancellationToken);

        var customerIds = complaints.Select(c => c.CustomerId).Concat(returnComplaints.Values.Select(c => c.CustomerId)).Concat(contractCustomers.Values).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var productIds = complaints.Select(c => c.ProductId).Concat(returns.Select(r => r.ProductId)).Concat(returnComplaints.Values.Select(c => c.ProductId))
            .Where(p => p != null).Select(p => p!.Value).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => chinese ? p.NameZh : p.NameEn, cancellationToken);
        var departments = await departmentNames.AllAsync(cancellationToken);

        string None() => l["(none)"];
        string Customer(Guid? id) => id is { } x && customers.TryGetValue(x, out var name) ? name : None();
        string Product(Guid? id) => id is { } x && products.TryGetValue(x, out var name) ? name : None();
        string Cause(CauseCategory? cause) => cause is { } c ? l["Cause." + c].Value : None();
        string Department(string? code) => code is { } d ? departments.GetValueOrDefault(d, d) : None();
        string Month(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Formatting.DisplayZone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        static IReadOnlyList<(string, decimal)> Count<T>(IEnumerable<T> items, Func<T, string> key) =>
            items.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(15).Select(g => (g.Key, (decimal)g.Count())).ToList();

        var firstMonth = new DateOnly(start.Year, start.Month, 1);
        var months = Enumerable.Range(0, MaxMonths + 1).Select(firstMonth.AddMonths).TakeWhile(m => m <= end)
            .Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        IReadOnlyList<(string, decimal)> ByMonth<T>(IEnumerable<T> items, Func<T, DateTime> time)
        {
            var counts = items.GroupBy(i => Month(time(i))).ToDictionary(g => g.Key, g => g.Count());
            return months.Select(m => (m, (decimal)counts.GetValueOrDefault(m))).ToList();
        }

        var clockRows = months.Select(m =>
        {
            var inMonth = complaints.Where(c => Month(c.ReceivedAtUtc) == m).ToList();
            return new ClockRow(
                m,
                inMonth.Count,
                inMonth.Count(c => c.AnsweredAtUtc is { } a && AnswerClock.AnsweredInTime(c.ReceivedAtUtc, a, window)),
                inMonth.Count(c => c.AnsweredAtUtc is { } a && !AnswerClock.AnsweredInTime(c.ReceivedAtUtc, a, window)),
                inMonth.Count(c => c.AnsweredAtUtc is null && AnswerClock.IsOverdue(c.ReceivedAtUtc, null, now, window)),
                inMonth.Count(c => c.AnsweredAtUtc is null && !AnswerClock.IsOverdue(c.ReceivedAtUtc, null, now, window)));
        }).ToList();

        var breakdowns = new List<Breakdown>
        {
            new(l["By month"], "by-month", ByMonth(complaints, c => c.ReceivedAtUtc)),
            new(l["By customer"], "by-customer", Count(complaints, c => Customer(c.CustomerId))),
            new(l["By product"], "by-product", Count(complaints, c => Product(c.ProductId))),
            new(l["By cause"], "by-cause", Count(complaints, c => Cause(c.CauseCategory))),
            new(l["By responsible department"], "by-department", Count(complaints, c => Department(c.ResponsibleDepartment))),
        };

        var returnRows = returns.Select(r =>
        {
            var complaint = r.ComplaintId is { } cid ? returnComplaints.GetValueOrDefault(cid) : null;
            var customerId = complaint?.CustomerId ?? (r.ContractId is { } kid && contractCustomers.TryGetValue(kid, out var c) ? c : (Guid?)null);
            return new
            {
                r.ReceivedAtUtc,
                Customer = Customer(customerId),
                Product = Product(r.ProductId ?? complaint?.ProductId),
                Cause = complaint is null ? l["Without a complaint"].Value : Cause(complaint.CauseCategory),
                Department = Department(complaint?.ResponsibleDepartment),
                Verdict = r.IsFounded switch
                {
                    true => r.Disposition is { } d ? l["Founded"] + " · " + l["Disposition." + d] : l["Founded"].Value,
                    false => l["Unfounded"].Value,
                    null => l["Not inspected yet"].Value,
                },
            };
        }).ToList();
        var returnBreakdowns = new List<Breakdown>
        {
            new(l["Returns by month"], "returns-by-month", ByMonth(returnRows, r => r.ReceivedAtUtc)),
            new(l["Returns by customer"], "returns-by-customer", Count(returnRows, r => r.Customer)),
            new(l["Returns by product"], "returns-by-product", Count(returnRows, r => r.Product)),
            new(l["Returns by cause"], "returns-by-cause", Count(returnRows, r => r.Cause)),
            new(l["Returns by responsible department"], "returns-by-department", Count(returnRows, r => r.Department)),
            new(l["Returns by inspection result and disposition"], "returns-by-verdict", Count(returnRows, r => r.Verdict)),
        };

        return new AnalysisViewModel(start, end, complaints.Count, returns.Count, returns.Count(r => r.IsFounded == true), clockRows, breakdowns, returnBreakdowns);
    }
}
