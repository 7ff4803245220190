using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>A record past its retention period, not disposed of and not named in an open disposal.</summary>
public sealed record DueRecord(Guid Id, string Number, DateOnly ClosedOn, DateOnly DueOn);

/// <summary>Which records of a type are due for disposal, and what a disposal names (ADR 0041): complaints, reviews,
/// contracts, customer property and survey responses. Audit entries are kept (the chain is append-only).</summary>
public sealed class RetentionQueries(AppDbContext db, RetentionPolicy policy, TimeProvider clock)
{
    /// <summary>The record types the application disposes of.</summary>
    public static readonly IReadOnlyList<RetentionRecordType> Disposable =
        [RetentionRecordType.Reviews, RetentionRecordType.Contracts, RetentionRecordType.Complaints, RetentionRecordType.CustomerProperty, RetentionRecordType.Surveys];

    public RetentionPolicy Policy => policy;

    /// <summary>Today's China-time calendar day.</summary>
    public DateOnly Today => RetentionPolicy.ClosingDay(clock.GetUtcNow().UtcDateTime);

    public static bool IsDisposable(RetentionRecordType type) => Disposable.Contains(type);

    /// <summary>Due records of <paramref name="type"/>, oldest closing first.</summary>
    public async Task<Page<DueRecord>> DueAsync(RetentionRecordType type, string? search, int? page, CancellationToken cancellationToken)
    {
        if (!IsDisposable(type))
        {
            return new Page<DueRecord>([], 1, Page<DueRecord>.DefaultPageSize, 0);
        }

        // Closed on a China day up to today minus the period: before the next China midnight, in UTC.
        var lastClosingDay = Today.AddYears(-policy.YearsFor(type));
        var closedBeforeUtc = lastClosingDay.AddDays(1).ToDateTime(TimeOnly.MinValue) - TimeSpan.FromHours(8);
        var query = Rows(type)
            .Where(r => r.DisposalId == null && ((r.ClosedAtUtc != null && r.ClosedAtUtc < closedBeforeUtc) || (r.ClosedOn != null && r.ClosedOn <= lastClosingDay)))
            .Where(r => !db.DisposalItems.Any(i => i.RecordId == r.Id && db.DisposalRecords.Any(d => d.Id == i.DisposalId && (d.Status == DisposalStatus.Requested || d.Status == DisposalStatus.Approved))));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(r => r.Number.StartsWith(term));
        }

        var rows = await query.OrderBy(r => r.ClosedAtUtc).ThenBy(r => r.ClosedOn).ThenBy(r => r.Number).ToPageAsync(page, cancellationToken);
        var items = rows.Items.Select(r =>
        {
            var closedOn = ClosedOn(r)!.Value;
            return new DueRecord(r.Id, r.Number, closedOn, policy.DueOn(type, closedOn));
        }).ToList();
        return new Page<DueRecord>(items, rows.PageNumber, rows.PageSize, rows.CountedTotal);
    }

    /// <summary>The records with these ids as a disposal names them (closing day null while open); unknown ids are left out.</summary>
    public async Task<IReadOnlyList<DisposalCandidate>> CandidatesAsync(RetentionRecordType type, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (!IsDisposable(type))
        {
            return [];
        }

        var rows = await Rows(type).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return rows.Select(r => new DisposalCandidate(r.Id, r.Number, ClosedOn(r))).ToList();
    }

    /// <summary>The number of the first of these records that is disposed of already, or null.</summary>
    public Task<string?> FirstDisposedAsync(RetentionRecordType type, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        Rows(type).Where(r => ids.Contains(r.Id) && r.DisposalId != null).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The record chain (ADR 0041): a contract waits until its complaints are closed and its customer property is
    /// returned; a review waits until the contract it led to is closed. Returns the first refusal, or null.</summary>
    public async Task<DomainError?> ChainRefusalAsync(RetentionRecordType type, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case RetentionRecordType.Contracts:
                var complaint = await (from c in db.Complaints
                                       join k in db.Contracts on c.ContractId equals k.Id
                                       where ids.Contains(k.Id) && c.ClosedAtUtc == null
                                       orderby k.Number, c.Number
                                       select new { Contract = k.Number, Open = c.Number }).FirstOrDefaultAsync(cancellationToken);
                if (complaint is not null)
                {
                    return DisposalRecord.ChainOpen.With(complaint.Contract, complaint.Open);
                }

                var property = await (from p in db.CustomerPropertyItems
                                      join k in db.Contracts on p.ContractId equals k.Id
                                      where ids.Contains(k.Id) && p.ReturnedOn == null
                                      orderby k.Number, p.Number
                                      select new { Contract = k.Number, Open = p.Number }).FirstOrDefaultAsync(cancellationToken);
                return property is null ? null : DisposalRecord.ChainOpen.With(property.Contract, property.Open);
            case RetentionRecordType.Reviews:
                var contract = await (from k in db.Contracts
                                      join r in Rows(RetentionRecordType.Reviews) on k.ReviewId equals r.Id
                                      where ids.Contains(r.Id) && k.ClosedOn == null
                                      orderby r.Number, k.Number
                                      select new { Review = r.Number, Open = k.Number }).FirstOrDefaultAsync(cancellationToken);
                return contract is null ? null : DisposalRecord.ChainOpen.With(contract.Review, contract.Open);
            case RetentionRecordType.Complaints:
            case RetentionRecordType.CustomerProperty:
            case RetentionRecordType.Surveys:
            case RetentionRecordType.AuditEntries:
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>The number a disposal shows for a review (its subject's: order, change or tender), by review id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NumbersAsync(RetentionRecordType type, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await Rows(type).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);

    private static DateOnly? ClosedOn(RecordRow r) => r.ClosedAtUtc is { } at ? RetentionPolicy.ClosingDay(at) : r.ClosedOn;

    /// <summary>Every record of a type with its number, its closing event (a UTC moment or a calendar day) and its disposal.
    /// A review is named by its subject's number; a survey response by its campaign's quarter and the customer's code.</summary>
    private IQueryable<RecordRow> Rows(RetentionRecordType type) => type switch
    {
        RetentionRecordType.Complaints => db.Complaints.AsNoTracking()
            .Select(c => new RecordRow { Id = c.Id, Number = c.Number, ClosedAtUtc = c.ClosedAtUtc, ClosedOn = null, DisposalId = c.DisposalId }),
        RetentionRecordType.Contracts => db.Contracts.AsNoTracking()
            .Select(c => new RecordRow { Id = c.Id, Number = c.Number, ClosedAtUtc = null, ClosedOn = c.ClosedOn, DisposalId = c.DisposalId }),
        RetentionRecordType.CustomerProperty => db.CustomerPropertyItems.AsNoTracking()
            .Select(p => new RecordRow { Id = p.Id, Number = p.Number, ClosedAtUtc = null, ClosedOn = p.ReturnedOn, DisposalId = p.DisposalId }),
        RetentionRecordType.Reviews => db.Reviews.AsNoTracking()
            .Select(r => new RecordRow
            {
                Id = r.Id,
                Number = (r.SubjectKind == ReviewSubjectKind.SalesOrder ? db.SalesOrders.Where(o => o.Id == r.SubjectId).Select(o => o.Number).FirstOrDefault()
                    : r.SubjectKind == ReviewSubjectKind.ContractChange ? db.ContractChanges.Where(c => c.Id == r.SubjectId).Select(c => c.Number).FirstOrDefault()
                    : db.Tenders.Where(t => t.Id == r.SubjectId).Select(t => t.Number).FirstOrDefault()) ?? "",
                ClosedAtUtc = r.DecidedAtUtc,
                ClosedOn = null,
                DisposalId = r.DisposalId,
            }),
        RetentionRecordType.Surveys => from s in db.SurveyResponses.AsNoTracking()
                                       join c in db.SurveyCampaigns on s.CampaignId equals c.Id
                                       join k in db.Customers on s.CustomerId equals k.Id
                                       select new RecordRow { Id = s.Id, Number = k.Code + "-" + c.Year.ToString() + "Q" + c.Quarter.ToString(), ClosedAtUtc = s.SubmittedAtUtc, ClosedOn = null, DisposalId = s.DisposalId },
        RetentionRecordType.AuditEntries => throw new ArgumentOutOfRangeException(nameof(type), type, "Audit entries are kept."),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private sealed class RecordRow
    {
        public Guid Id { get; init; }

        public string Number { get; init; } = "";

        public DateTime? ClosedAtUtc { get; init; }

        public DateOnly? ClosedOn { get; init; }

        public Guid? DisposalId { get; init; }
    }
}
