using System.Globalization;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Dashboards;

public enum ReviewPeriodKind
{
    Month,
    Quarter,
}

/// <summary>A calendar period in China time: its label and its first and last day.</summary>
public sealed record Period(string Label, DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly day) => day >= First && day <= Last;
}

/// <summary>One trend: a title, the periods, one or more lines, how values are written, and an optional fixed top of the axis.</summary>
public sealed record Trend(string Id, string Title, IReadOnlyList<ChartSeries> Series, string Format, decimal? Maximum = null);

/// <summary>Discrepancies raised per department against the sections it had to sign, for reviews opened in the range.</summary>
public sealed record DepartmentRate(string Department, int Sections, int Discrepancies)
{
    public decimal Rate => Sections == 0 ? 0 : Math.Round(100m * Discrepancies / Sections, 1);
}

public sealed record OverduePayments(string Currency, int Contracts, long OutstandingMinor);

public sealed record ManagementReviewModel(
    ReviewPeriodKind Kind, DateOnly To, IReadOnlyList<Period> Periods, IReadOnlyList<Trend> Trends,
    IReadOnlyList<DepartmentRate> DiscrepancyRates, IReadOnlyList<(string Label, decimal Value)> Causes, IReadOnlyList<OverduePayments> OverduePayments);

/// <summary>
/// The management-review input (ISO 9001 §9.3; docs/process.md §7, §9): review cycle time by level, discrepancy rate
/// by department, on-time delivery, overdue payments, complaints answered within the answer window, complaint causes,
/// satisfaction per dimension, tender win rate — per month (12) or quarter (8) up to a chosen day. Each figure is one
/// query over the range on indexed date columns, grouped into periods in memory (docs/adr/0029); the
/// whole model is kept until the next save (<see cref="LoadAsync"/>).
/// </summary>
public sealed class ManagementReviewQuery(
    AppDbContext db, TimeProvider clock, IOptions<ComplaintOptions> complaintOptions, DepartmentNames departmentNames, IStringLocalizer<SharedResource> l,
    CountCache cache, ChangeGenerations generations)
{
    public const int Months = 12;
    public const int Quarters = 8;
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>What <see cref="ComputeAsync"/> reads (department names included).</summary>
    private static readonly Type[] ReadTypes =
    [
        typeof(Review), typeof(ReviewSection), typeof(Discrepancy), typeof(Contract), typeof(ContractLine), typeof(Delivery),
        typeof(Complaint), typeof(SurveyCampaign), typeof(SurveyResponse), typeof(Tender), typeof(Domain.Organization.Department),
    ];

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Formatting.DisplayZone));

    public static IReadOnlyList<Period> PeriodsUpTo(ReviewPeriodKind kind, DateOnly to)
    {
        var periods = new List<Period>();
        if (kind == ReviewPeriodKind.Month)
        {
            var first = new DateOnly(to.Year, to.Month, 1).AddMonths(1 - Months);
            for (var i = 0; i < Months; i++)
            {
                var start = first.AddMonths(i);
                periods.Add(new Period(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), start, start.AddMonths(1).AddDays(-1)));
            }
        }
        else
        {
            var quarterStart = new DateOnly(to.Year, ((to.Month - 1) / 3 * 3) + 1, 1);
            var first = quarterStart.AddMonths(-3 * (Quarters - 1));
            for (var i = 0; i < Quarters; i++)
            {
                var start = first.AddMonths(3 * i);
                periods.Add(new Period($"{start.Year} Q{((start.Month - 1) / 3) + 1}", start, start.AddMonths(3).AddDays(-1)));
            }
        }

        return periods;
    }

    /// <summary>
    /// The dashboard, kept by <see cref="CountCache"/> until a record of a type it reads is saved (or 30 s pass), per
    /// period, end, day and language: at a million contracts a year's reviews, sections, deliveries and complaints took
    /// 1.5-4.7 s to read on every view (bench/results/notes.md, 2026-12-05). Saves of other types (the notifications and
    /// mails of the background loops) leave it: keyed by any save, two views waited 1.45 s for it at a million contracts.
    /// </summary>
    public Task<ManagementReviewModel> LoadAsync(ReviewPeriodKind kind, DateOnly? to, CancellationToken cancellationToken)
    {
        var key = string.Join(
            '\u001f',
            "management-review",
            kind.ToString(),
            to?.ToString("O", CultureInfo.InvariantCulture),
            Today.ToString("O", CultureInfo.InvariantCulture),
            CultureInfo.CurrentUICulture.Name,
            generations.Of(ReadTypes).ToString(CultureInfo.InvariantCulture));
        return cache.GetOrComputeAsync(key, () => ComputeAsync(kind, to, cancellationToken));
    }

    private async Task<ManagementReviewModel> ComputeAsync(ReviewPeriodKind kind, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = Today;
        var end = to is { } day ? (day < Earliest ? Earliest : day > today ? today : day) : today;
        var periods = PeriodsUpTo(kind, end);
        var first = periods[0].First;
        var last = periods[^1].Last;
        var fromUtc = Formatting.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = Formatting.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Formatting.DisplayZone));
        int? IndexOf(DateOnly day)
        {
            for (var i = 0; i < periods.Count; i++)
            {
                if (periods[i].Contains(day))
                {
                    return i;
                }
            }

            return null;
        }

        var trends = new List<Trend>();

        // Review cycle time: from opening (the submission) to the decision, in days, per level.
        var decided = await db.Reviews.AsNoTracking()
            .Where(r => r.DecidedAtUtc != null && r.DecidedAtUtc >= fromUtc && r.DecidedAtUtc < toUtc && (r.Status == ReviewStatus.Approved || r.Status == ReviewStatus.Rejected))
            .Select(r => new { r.Level, r.OpenedAtUtc, Decided = r.DecidedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        var levels = decided.Select(r => r.Level).Distinct().Order().ToList();
        // One pass over the period's reviews (about 100,000 a year at a million contracts), not one per level and period.
        var cycle = decided.Select(r => (r.Level, Period: IndexOf(Day(r.Decided)), Days: (decimal)(r.Decided - r.OpenedAtUtc).TotalDays))
            .Where(r => r.Period is not null)
            .GroupBy(r => (r.Level, r.Period!.Value))
            .ToDictionary(g => g.Key, g => Math.Round(g.Average(r => r.Days), 1));
        trends.Add(new Trend("chart-cycle", l["Review cycle time (days, submission to conclusion)"], levels.Select(level => new ChartSeries(
            l["Level." + level], periods.Select((_, i) => cycle.TryGetValue((level, i), out var average) ? average : (decimal?)null).ToList())).ToList(), "0.#"));

        // On-time delivery: a completing delivery on or before the latest delivery date of the contract's current lines.
        var completions = await (
                from delivery in db.Deliveries.AsNoTracking()
                join contract in db.Contracts on delivery.ContractId equals contract.Id
                where delivery.CompletedDelivery && delivery.DeliveredOn >= first && delivery.DeliveredOn <= last
                select new
                {
                    delivery.DeliveredOn,
                    Due = db.ContractLines.Where(x => x.ContractId == contract.Id && x.Version == contract.CurrentVersion).Max(x => x.DeliveryDate),
                })
            .ToListAsync(cancellationToken);
        var onTime = completions.Where(c => c.Due is not null).Select(c => (Period: IndexOf(c.DeliveredOn), InTime: c.DeliveredOn <= c.Due))
            .Where(c => c.Period is not null)
            .GroupBy(c => c.Period!.Value)
            .ToDictionary(g => g.Key, g => Math.Round(100m * g.Count(c => c.InTime) / g.Count(), 1));
        trends.Add(new Trend("chart-on-time", l["On-time delivery (%)"], [new ChartSeries(l["On-time delivery"], periods.Select((_, i) =>
            onTime.TryGetValue(i, out var percent) ? percent : (decimal?)null).ToList())], "0.#", 100m));

        // Complaints answered within the answer window, by the month they were received.
        var window = complaintOptions.Value.AnswerWindow;
        var now = clock.GetUtcNow().UtcDateTime;
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc)
            .Select(c => new { c.ReceivedAtUtc, c.AnsweredAtUtc, c.CauseCategory })
            .ToListAsync(cancellationToken);
        trends.Add(new Trend("chart-answered", l["Complaints answered within {0} h (%)", (int)window.TotalHours], [new ChartSeries(l["Answered in time"], periods.Select(p =>
        {
            // Only complaints whose clock has run out or that were answered: an open complaint still in time is not counted yet.
            var decidedClock = complaints.Where(c => p.Contains(Day(c.ReceivedAtUtc)) && (c.AnsweredAtUtc is not null || now > AnswerClock.Deadline(c.ReceivedAtUtc, window))).ToList();
            return decidedClock.Count == 0 ? (decimal?)null
                : Math.Round(100m * decidedClock.Count(c => c.AnsweredAtUtc is { } a && AnswerClock.AnsweredInTime(c.ReceivedAtUtc, a, window)) / decidedClock.Count, 1);
        }).ToList())], "0.#", 100m));

        // Satisfaction: the average score per dimension, by the campaign's quarter (the survey runs quarterly).
        var responses = await (
                from response in db.SurveyResponses.AsNoTracking()
                join campaign in db.SurveyCampaigns on response.CampaignId equals campaign.Id
                where campaign.Year >= first.Year && campaign.Year <= last.Year
                select new { campaign.Year, campaign.Quarter, response.Quality, response.Delivery, response.Service, response.Price, response.Communication })
            .ToListAsync(cancellationToken);
        int? PeriodOfQuarter(int year, int quarter)
        {
            var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            return kind == ReviewPeriodKind.Quarter ? IndexOf(start) : IndexOf(start.AddMonths(2));
        }

        var dimensions = new (SurveyDimension Dimension, Func<int, int, int, int, int, int> Pick)[]
        {
            (SurveyDimension.Quality, (q, _, _, _, _) => q), (SurveyDimension.Delivery, (_, d, _, _, _) => d), (SurveyDimension.Service, (_, _, s, _, _) => s),
            (SurveyDimension.Price, (_, _, _, p, _) => p), (SurveyDimension.Communication, (_, _, _, _, c) => c),
        };
        trends.Add(new Trend("chart-satisfaction", l["Customer satisfaction per dimension (average, 1-5)"], dimensions.Select(dim => new ChartSeries(
            l["Dimension." + dim.Dimension], periods.Select((_, i) =>
            {
                var scores = responses.Where(r => PeriodOfQuarter(r.Year, r.Quarter) == i)
                    .Select(r => dim.Pick(r.Quality, r.Delivery, r.Service, r.Price, r.Communication)).Where(s => s > 0).ToList();
                return scores.Count == 0 ? (decimal?)null : Math.Round((decimal)scores.Average(), 2);
            }).ToList())).ToList(), "0.0#", 5m));

        // Tender win rate: won among won and lost (a withdrawn bid is neither), by the month the outcome was recorded.
        var outcomes = await db.Tenders.AsNoTracking()
            .Where(t => t.OutcomeAtUtc != null && t.OutcomeAtUtc >= fromUtc && t.OutcomeAtUtc < toUtc && (t.Outcome == TenderOutcome.Won || t.Outcome == TenderOutcome.Lost))
            .Select(t => new { At = t.OutcomeAtUtc!.Value, t.Outcome })
            .ToListAsync(cancellationToken);
        trends.Add(new Trend("chart-win-rate", l["Tender win rate (%)"], [new ChartSeries(l["Win rate"], periods.Select(p =>
        {
            var inPeriod = outcomes.Where(o => p.Contains(Day(o.At))).ToList();
            return inPeriod.Count == 0 ? (decimal?)null : Math.Round(100m * inPeriod.Count(o => o.Outcome == TenderOutcome.Won) / inPeriod.Count, 1);
        }).ToList())], "0.#", 100m));

        // Discrepancy rate by department: discrepancies raised per section to sign, reviews opened in the range.
        var sections = await (
                from section in db.ReviewSections.AsNoTracking()
                join review in db.Reviews on section.ReviewId equals review.Id
                where review.OpenedAtUtc >= fromUtc && review.OpenedAtUtc < toUtc
                group section by section.DepartmentCode into g
                select new { Department = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var discrepancies = await (
                from d in db.Discrepancies.AsNoTracking()
                join review in db.Reviews on d.ReviewId equals review.Id
                where review.OpenedAtUtc >= fromUtc && review.OpenedAtUtc < toUtc
                group d by d.DepartmentCode into g
                select new { Department = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await departmentNames.AllAsync(cancellationToken);
        var rates = sections.Select(s => new DepartmentRate(
                names.TryGetValue(s.Department, out var name) ? name : s.Department, s.Count, discrepancies.FirstOrDefault(d => d.Department == s.Department)?.Count ?? 0))
            .OrderByDescending(r => r.Rate).ThenBy(r => r.Department, StringComparer.Ordinal).ToList();

        var causes = complaints.GroupBy(c => c.CauseCategory)
            .Select(g => (Label: g.Key is { } cause ? l["Cause." + cause].Value : l["(not yet investigated)"].Value, Value: (decimal)g.Count()))
            .OrderByDescending(c => c.Value).ToList();

        // Overdue payments now: executing contracts whose payment is due and not received in full.
        var overdue = await db.Contracts.AsNoTracking()
            .Where(k => k.Status == ContractStatus.Executing && k.PaymentDue != null && k.PaymentDue < today)
            .GroupBy(k => k.Currency)
            .Select(g => new OverduePayments(g.Key, g.Count(), g.Sum(k => k.InvoicedMinor - k.PaidMinor)))
            .ToListAsync(cancellationToken);

        return new ManagementReviewModel(kind, end, periods, trends, rates, causes, overdue.OrderBy(o => o.Currency, StringComparer.Ordinal).ToList());
    }
}
