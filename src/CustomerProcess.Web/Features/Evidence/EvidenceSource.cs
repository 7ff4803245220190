using System.Globalization;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Evidence;

/// <summary>A pack's period as China-time calendar days: [FromUtc, ToUtc) in UTC.</summary>
public sealed record EvidencePeriod(DateTime FromUtc, DateTime ToUtc, DateOnly Today)
{
    public static EvidencePeriod Of(EvidencePack pack) => Of(pack.From, pack.To);

    public static EvidencePeriod Of(DateOnly from, DateOnly to) => new(
        TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Formatting.DisplayZone),
        TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Formatting.DisplayZone),
        to);
}

/// <summary>
/// What goes into a pack (ADR 0042): review forms of reviews opened in the period, contracts signed in it (the ledger's
/// From/To), complaints and returns received in it, task notices issued in it (one row per department's acknowledgement),
/// survey responses submitted in it, and every audit entry written in it. The customer filter applies to every record
/// type but the audit log; the department filter to reviews (a section of the department), complaints (responsible
/// department) and acknowledgements.
/// </summary>
public sealed class EvidenceSource(AppDbContext db, EvidencePack pack, EvidencePeriod period)
{
    /// <summary>What stands in place of a disposed record's texts, for every record type (ADR 0042 amendment): "disposed (XH-…)".</summary>
    public static string Disposed(IStringLocalizer l, string? disposalNumber) => l["disposed ({0})", disposalNumber ?? Domain.Retention.DisposalRecord.NumberPrefix].Value;

    /// <summary>The record types a department filter narrows (ADR 0042 amendment): reviews (the department has a
    /// section), complaints and their returns (the complaint's responsible department), task-notice acknowledgements
    /// (the acknowledging department). Contracts (ledger extract), survey responses and the audit log are the whole
    /// period's; the manifest says so.</summary>
    public static readonly IReadOnlySet<EvidenceRecordType> Departmental = new HashSet<EvidenceRecordType>
    {
        EvidenceRecordType.ReviewForms, EvidenceRecordType.Complaints, EvidenceRecordType.Returns, EvidenceRecordType.TaskNoticeAcknowledgements,
    };

    public IQueryable<Guid> ReviewIds()
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.OpenedAtUtc >= period.FromUtc && r.OpenedAtUtc < period.ToUtc);
        if (pack.DepartmentCode is { } department)
        {
            reviews = reviews.Where(r => db.ReviewSections.Any(s => s.ReviewId == r.Id && s.DepartmentCode == department));
        }

        return reviews.OrderBy(r => r.OpenedAtUtc).ThenBy(r => r.Id).Select(r => r.Id);
    }

    public IQueryable<Complaint> Complaints()
    {
        var complaints = db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= period.FromUtc && c.ReceivedAtUtc < period.ToUtc);
        if (pack.CustomerId is { } customerId)
        {
            complaints = complaints.Where(c => c.CustomerId == customerId);
        }

        if (pack.DepartmentCode is { } department)
        {
            complaints = complaints.Where(c => c.ResponsibleDepartment == department);
        }

        return complaints;
    }

    public IQueryable<Guid> ComplaintIds() => Complaints().OrderBy(c => c.Number).ThenBy(c => c.Id).Select(c => c.Id);

    /// <summary>The feedback sheet's model, as the complaint's page builds it (read-only parts only).</summary>
    public async Task<ComplaintDetailsViewModel?> ComplaintAsync(
        Guid id, IReadOnlyDictionary<string, string> departments, TimeSpan window, DateTime nowUtc, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == complaint.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var contract = complaint.ContractId is null ? null : await db.Contracts.AsNoTracking().Where(c => c.Id == complaint.ContractId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        var chinese = Formatting.IsChinese;
        var product = complaint.ProductId is null ? null : await db.Products.AsNoTracking().Where(p => p.Id == complaint.ProductId).Select(p => chinese ? p.NameZh : p.NameEn).FirstOrDefaultAsync(cancellationToken);
        var returns = await db.Returns.AsNoTracking().Where(r => r.ComplaintId == id).OrderBy(r => r.ReceivedAtUtc).ToListAsync(cancellationToken);
        return new ComplaintDetailsViewModel(complaint, customer, contract, product, returns, nowUtc, window, true, false, pack.RequestedByUserId, [], departments);
    }

    public async Task<int> WriteReturnsAsync(TextWriter w, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var returns = db.Returns.AsNoTracking().Where(r => r.ReceivedAtUtc >= period.FromUtc && r.ReceivedAtUtc < period.ToUtc);
        if (pack.CustomerId is { } customerId)
        {
            returns = returns.Where(r => (r.ComplaintId != null && db.Complaints.Any(c => c.Id == r.ComplaintId && c.CustomerId == customerId))
                || (r.ContractId != null && db.Contracts.Any(c => c.Id == r.ContractId && c.CustomerId == customerId)));
        }

        if (pack.DepartmentCode is { } department)
        {
            // A return belongs to the department responsible for its complaint; a return without a complaint to none.
            returns = returns.Where(r => r.ComplaintId != null && db.Complaints.Any(c => c.Id == r.ComplaintId && c.ResponsibleDepartment == department));
        }

        var rows = from r in returns
                   orderby r.ReceivedAtUtc, r.Id
                   select new
                   {
                       Return = r,
                       Complaint = db.Complaints.Where(c => c.Id == r.ComplaintId).Select(c => c.Number).FirstOrDefault(),
                       Contract = db.Contracts.Where(c => c.Id == r.ContractId).Select(c => c.Number).FirstOrDefault(),
                   };
        await Line(w, l["Received"], l["Complaint"], l["Contract"], l["Description"], l["Quantity"], l["Unit"], l["Status"], l["Registered by"],
            l["Inspected by"], l["Inspected"], l["Inspection result"], l["Founded"], l["Outcome"], l["Disposition"], l["Outcome by"], l["Outcome recorded"]);
        var count = 0;
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var r = x.Return;
            await Line(w, Time(r.ReceivedAtUtc), x.Complaint, x.Contract, r.Description, r.Quantity.ToString(CultureInfo.InvariantCulture), r.Unit,
                l["ReturnStatus." + r.Status], r.RegisteredByName, r.InspectedByName, Time(r.InspectedAtUtc), r.InspectionResult,
                r.IsFounded is { } founded ? (founded ? l["Yes"] : l["No"]) : null, r.Outcome, r.Disposition is { } d ? l["Disposition." + d] : null,
                r.OutcomeByName, Time(r.OutcomeAtUtc));
            count++;
        }

        return count;
    }

    public async Task<int> WriteAcknowledgementsAsync(TextWriter w, IStringLocalizer l, IReadOnlyDictionary<string, string> departments, CancellationToken cancellationToken)
    {
        var notices = db.TaskNotices.AsNoTracking().Where(n => n.IssuedAtUtc >= period.FromUtc && n.IssuedAtUtc < period.ToUtc);
        if (pack.CustomerId is { } customerId)
        {
            notices = notices.Where(n => db.Contracts.Any(c => c.Id == n.ContractId && c.CustomerId == customerId));
        }

        var acknowledgements = db.NoticeAcknowledgements.AsNoTracking();
        if (pack.DepartmentCode is { } department)
        {
            acknowledgements = acknowledgements.Where(a => a.DepartmentCode == department);
        }

        var rows = from n in notices
                   join a in acknowledgements on n.Id equals a.NoticeId
                   orderby n.IssuedAtUtc, n.Number, a.SortOrder
                   select new
                   {
                       n.Number,
                       n.Revision,
                       Contract = db.Contracts.Where(c => c.Id == n.ContractId).Select(c => c.Number).FirstOrDefault(),
                       n.IssuedByName,
                       n.IssuedAtUtc,
                       a.DepartmentCode,
                       a.AcknowledgedByName,
                       a.AcknowledgedAtUtc,
                       a.Comment,
                   };
        await Line(w, l["Notice"], l["Revision"], l["Contract"], l["Issued by"], l["Issued"], l["Department"], l["Acknowledged by"], l["Acknowledged"], l["Comment"]);
        var count = 0;
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await Line(w, x.Number, x.Revision.ToString(CultureInfo.InvariantCulture), x.Contract, x.IssuedByName, Time(x.IssuedAtUtc),
                departments.GetValueOrDefault(x.DepartmentCode, x.DepartmentCode), x.AcknowledgedByName, Time(x.AcknowledgedAtUtc), x.Comment);
            count++;
        }

        return count;
    }

    public async Task<int> WriteSurveyResponsesAsync(TextWriter w, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var responses = db.SurveyResponses.AsNoTracking().Where(r => r.SubmittedAtUtc >= period.FromUtc && r.SubmittedAtUtc < period.ToUtc);
        if (pack.CustomerId is { } customerId)
        {
            responses = responses.Where(r => r.CustomerId == customerId);
        }

        var rows = from r in responses
                   join c in db.Customers on r.CustomerId equals c.Id
                   orderby r.SubmittedAtUtc, r.Id
                   select new
                   {
                       Response = r,
                       c.Code,
                       c.Name,
                       Campaign = db.SurveyCampaigns.Where(s => s.Id == r.CampaignId).Select(s => s.Name).FirstOrDefault(),
                       Disposal = db.DisposalRecords.Where(d => d.Id == r.DisposalId).Select(d => d.Number).FirstOrDefault(),
                   };
        await Line(w, [l["Submitted"], l["Campaign"], l["Code"], l["Customer"], l["Source"], .. Enum.GetNames<SurveyDimension>().Select(d => l["Dimension." + d].Value), l["Comments"], l["Follow-up"]]);
        var count = 0;
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var r = x.Response;
            await Line(w, [Time(r.SubmittedAtUtc), x.Campaign, x.Code, x.Name, l["Source." + r.Source].Value,
                .. new[] { r.Quality, r.Delivery, r.Service, r.Price, r.Communication }.Select(s => s.ToString(CultureInfo.InvariantCulture)),
                .. r.DisposalId is null ? new[] { r.Comments, r.FollowUpAction } : [Disposed(l, x.Disposal), Disposed(l, x.Disposal)]]);
            count++;
        }

        return count;
    }

    /// <summary>Every audit entry written in the period, in chain order, with its place and hash (ADR 0031): the columns are
    /// the table's, so the rows can be checked against the chain.</summary>
    public async Task<int> WriteAuditLogAsync(TextWriter w, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => a.UtcTime >= period.FromUtc && a.UtcTime < period.ToUtc)
            .OrderBy(a => a.Sequence).ThenBy(a => a.Id);
        await Line(w, "sequence", "utc_time", "user_id", "user_name", "entity_type", "entity_id", "action", "field", "old_value", "new_value", "change_set", "hash");
        var count = 0;
        await foreach (var a in entries.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await Line(w, a.Sequence?.ToString(CultureInfo.InvariantCulture), a.UtcTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                a.UserId, a.UserName, a.EntityType, a.EntityId, a.Action.ToString(), a.Field, a.OldValue, a.NewValue, a.ChangeSetId.ToString(), a.Hash);
            count++;
        }

        return count;
    }

    private static string? Time(DateTime? utc) => utc is { } t ? Formatting.LocalTime(t) : null;

    private static Task Line(TextWriter w, params IEnumerable<string?> fields) =>
        w.WriteLineAsync(string.Join(',', fields.Select(SpreadsheetText.CsvField)));
}
