using System.Globalization;
using System.Text;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.ComplaintAnalysis;

public sealed record Breakdown(string Title, string Id, IReadOnlyList<(string Label, decimal Value)> Rows);

public sealed record AnalysisViewModel(DateOnly From, DateOnly To, int Complaints, int Returns, IReadOnlyList<Breakdown> Breakdowns);

/// <summary>Complaints and returns by customer, product, cause, department and month — input to management review.</summary>
[Authorize(Roles = Roles.QualityStaff + "," + Roles.QualityHead + "," + Roles.GeneralManager + "," + Roles.SalesManager)]
public sealed class ComplaintAnalysisController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        View(await AnalyseAsync(from, to, cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Csv(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var model = await AnalyseAsync(from, to, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', SvgChart.Csv(l["Breakdown"]), SvgChart.Csv(l["Group"]), SvgChart.Csv(l["Count"])));
        foreach (var breakdown in model.Breakdowns)
        {
            foreach (var (label, value) in breakdown.Rows)
            {
                csv.AppendLine(string.Join(',', SvgChart.Csv(breakdown.Title), SvgChart.Csv(label), value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        // UTF-8 with BOM so Excel opens Chinese text correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"complaints-{model.From:yyyyMMdd}-{model.To:yyyyMMdd}.csv");
    }

    private async Task<AnalysisViewModel> AnalyseAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).DateTime);
        var end = to ?? today;
        var start = from ?? end.AddMonths(-11).AddDays(1 - end.AddMonths(-11).Day);
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(start.ToDateTime(TimeOnly.MinValue), Formatting.DisplayZone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue), Formatting.DisplayZone);
        var chinese = Formatting.IsChinese;

        var complaints = await (
                from c in db.Complaints.AsNoTracking()
                join customer in db.Customers on c.CustomerId equals customer.Id
                join product in db.Products on c.ProductId equals product.Id into products
                from product in products.DefaultIfEmpty()
                where c.ReceivedAtUtc >= startUtc && c.ReceivedAtUtc < endUtc
                select new { c.Id, c.ReceivedAtUtc, Customer = customer.Name, Product = product == null ? null : chinese ? product.NameZh : product.NameEn, c.CauseCategory, c.ResponsibleDepartment })
            .ToListAsync(cancellationToken);
        var ids = complaints.Select(c => c.Id).ToList();
        var returns = await db.Returns.AsNoTracking().Where(r => ids.Contains(r.ComplaintId)).Select(r => r.ComplaintId).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => chinese ? d.NameZh : d.NameEn, cancellationToken);
        string None() => l["(none)"];

        static IReadOnlyList<(string, decimal)> Count<T>(IEnumerable<T> items, Func<T, string> key) =>
            items.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(15).Select(g => (g.Key, (decimal)g.Count())).ToList();

        var months = Enumerable.Range(0, 12).Select(i => start.AddMonths(i)).Where(m => m <= end).Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var byMonth = months.Select(m => (m, (decimal)complaints.Count(c => TimeZoneInfo.ConvertTimeFromUtc(c.ReceivedAtUtc, Formatting.DisplayZone).ToString("yyyy-MM", CultureInfo.InvariantCulture) == m))).ToList();
        var breakdowns = new List<Breakdown>
        {
            new(l["By month"], "by-month", byMonth),
            new(l["By customer"], "by-customer", Count(complaints, c => c.Customer)),
            new(l["By product"], "by-product", Count(complaints, c => c.Product ?? None())),
            new(l["By cause"], "by-cause", Count(complaints, c => c.CauseCategory is { } cat ? l["Cause." + cat].Value : None())),
            new(l["By responsible department"], "by-department", Count(complaints, c => c.ResponsibleDepartment is { } d ? departments.GetValueOrDefault(d, d) : None())),
            new(l["Returns by customer"], "returns-by-customer", Count(complaints.Where(c => returns.Contains(c.Id)), c => c.Customer)),
        };
        return new AnalysisViewModel(start, end, complaints.Count, returns.Count, breakdowns);
    }
}
