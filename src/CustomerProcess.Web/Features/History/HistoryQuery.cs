using System.Globalization;
using System.Linq.Expressions;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.History;

/// <summary>One field of one record as the history page shows it: labels and values already in the reader's language.</summary>
public sealed record HistoryRow(string Record, string Action, string Field, string? OldValue, string? NewValue);

/// <summary>One save by one person at one time (the audit trail's change set).</summary>
public sealed record HistoryGroup(DateTime UtcTime, string Who, IReadOnlyList<HistoryRow> Rows);

public sealed record HistoryPerson(string Id, string Name);

public sealed record HistoryViewModel(
    string Title,
    string BackUrl,
    IReadOnlyList<HistoryGroup> Groups,
    PagerModel Pager,
    HistoryFilter.Input Filter,
    IReadOnlyList<HistoryPerson> People)
{
    public int RowCount => Groups.Sum(g => g.Rows.Count);
}

/// <summary>
/// Reads the audit trail of one record and of the records that belong to it (order lines, review sections and
/// signatures, contract deliveries and payments, complaint actions…) for an auditor: newest change first, one group
/// per change (one save by one person), paged by change, filtered by period and person. Field names become labels
/// (<see cref="HistoryLabels"/>), enum values their resource text, ids the record's number or the person's name, money
/// and dates the reader's format. Names and numbers are resolved with one query per record type on the page, never
/// one per row. Every feature's History action uses this with the shared History view.
/// </summary>
public sealed class HistoryQuery(AppDbContext db, DepartmentNames departments, IStringLocalizer<SharedResource> l)
{
    /// <summary>Changes (groups) per page.</summary>
    public const int PageSize = 20;

    /// <summary>Guid fields whose name does not say the record type they point to (the rest: name minus "Id").</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Targets = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["OrderId"] = [nameof(SalesOrder)],
        ["NoticeId"] = [nameof(TaskNotice)],
        ["SupersedesId"] = [nameof(TaskNotice)],
        ["ChangeId"] = [nameof(ContractChange)],
        ["HeldByChangeId"] = [nameof(ContractChange)],
        ["ItemId"] = [nameof(CustomerPropertyItem)],
        ["CaseId"] = [nameof(SpecialRequirementCase)],
        ["CampaignId"] = [nameof(SurveyCampaign)],
        ["SectionId"] = [nameof(ReviewSection)],
        ["ConfirmationAttachmentId"] = [nameof(Attachment)],
        ["SubjectId"] = [nameof(SalesOrder), nameof(Tender)],
        ["DisposalId"] = [nameof(DisposalRecord)],
        ["RecordId"] = [nameof(Complaint)], // a disposal item's record: complaints are the only disposable type today (ADR 0041)
        ["OwnerId"] = [nameof(Contract), nameof(Complaint), nameof(Discrepancy), nameof(SalesOrder), nameof(ContractChange), nameof(Customer), nameof(Tender)],
    };

    /// <summary>Enum types whose resource keys carry a prefix (the UI's own keys); the others are keyed by their bare name.</summary>
    public static readonly IReadOnlyDictionary<Type, string> EnumPrefixes = new Dictionary<Type, string>
    {
        [typeof(ReviewLevel)] = "Level.",
        [typeof(OrderChannel)] = "Channel.",
        [typeof(ProductNovelty)] = "Novelty.",
        [typeof(OrderStatus)] = "OrderStatus.",
        [typeof(ReviewStatus)] = "ReviewStatus.",
        [typeof(SectionStatus)] = "SectionStatus.",
        [typeof(SectionConclusion)] = "Conclusion.",
        [typeof(SignatureMeaning)] = "Meaning.",
        [typeof(DiscrepancyStatus)] = "DiscrepancyStatus.",
        [typeof(EvidenceType)] = "Evidence.",
        [typeof(ConfirmationMethod)] = "Method.",
        [typeof(ContractStatus)] = "ContractStatus.",
        [typeof(ReviewConcluder)] = "Capacity.",
        [typeof(ReviewSubjectKind)] = "Subject.",
        [typeof(NoticeKind)] = "NoticeKind.",
        [typeof(NoticeStatus)] = "NoticeStatus.",
        [typeof(ChangeKind)] = "ChangeKind.",
        [typeof(ChangeStatus)] = "ChangeStatus.",
        [typeof(ChangeParty)] = "ChangeParty.",
        [typeof(ChangeConsequence)] = "Consequence.",
        [typeof(ServiceNoticeStatus)] = "ServiceStatus.",
        [typeof(CommunicationChannel)] = "CommunicationChannel.",
        [typeof(ComplaintSeverity)] = "Severity.",
        [typeof(ComplaintChannel)] = "ComplaintChannel.",
        [typeof(ComplaintKind)] = "Kind.",
        [typeof(ComplaintStatus)] = "ComplaintStatus.",
        [typeof(CauseCategory)] = "Cause.",
        [typeof(ActionStatus)] = "ActionStatus.",
        [typeof(ReturnStatus)] = "ReturnStatus.",
        [typeof(ArchiveAccessStatus)] = "AccessStatus.",
        [typeof(CustomerClosure)] = "Closure.",
        [typeof(ResponseSource)] = "Source.",
        [typeof(FollowUpStatus)] = "FollowUp.",
        [typeof(NonconformingDisposition)] = "Disposition.",
        [typeof(TenderStatus)] = "TenderStatus.",
        [typeof(TenderOutcome)] = "Outcome.",
        [typeof(PropertyKind)] = "PropertyKind.",
        [typeof(PropertyStatus)] = "PropertyStatus.",
        [typeof(PropertyIncidentKind)] = "PropertyIncidentKind.",
        [typeof(CaseStatus)] = "CaseStatus.",
        [typeof(CasePriority)] = "CasePriority.",
        [typeof(CaseSource)] = "CaseSource.",
    };

    private const string UserRoleType = "UserRole";

    public Task<HistoryViewModel> ForAsync(
        string title,
        string backUrl,
        IReadOnlyCollection<string> entityIds,
        int? page,
        Func<int, string> pageUrl,
        CancellationToken cancellationToken) =>
        ForAsync(title, backUrl, entityIds, page, new HistoryFilter.Input(), pageUrl, cancellationToken);

    public async Task<HistoryViewModel> ForAsync(
        string title,
        string backUrl,
        IReadOnlyCollection<string> entityIds,
        int? page,
        HistoryFilter.Input? filter,
        Func<int, string> pageUrl,
        CancellationToken cancellationToken)
    {
        filter ??= new HistoryFilter.Input();
        entityIds = await HistoryFamily.WithChildrenAsync(db, entityIds, cancellationToken);
        var trail = db.AuditEntries.AsNoTracking().Where(a => entityIds.Contains(a.EntityId));
        var people = await trail.Where(a => a.UserId != null).Select(a => a.UserId!).Distinct().ToListAsync(cancellationToken);

        var filtered = trail;
        // A day outside the form's window (refused with a message) or an over-long person filters nothing.
        if (filter.From is { } from && InputLimits.IsSaneDate(from, from))
        {
            var fromUtc = Formatting.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            filtered = filtered.Where(a => a.UtcTime >= fromUtc);
        }

        if (filter.To is { } to && InputLimits.IsSaneDate(to, to))
        {
            var toUtc = Formatting.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            filtered = filtered.Where(a => a.UtcTime < toUtc);
        }

        if (!string.IsNullOrEmpty(filter.Person) && filter.Person.Length <= HistoryFilter.PersonLength)
        {
            var person = filter.Person;
            filtered = filtered.Where(a => a.UserId == person);
        }

        var changes = await filtered
            .GroupBy(a => a.ChangeSetId)
            .Select(g => new { ChangeSetId = g.Key, Last = g.Max(a => a.Id) })
            .OrderByDescending(c => c.Last)
            .ToPageAsync(page, cancellationToken, PageSize);
        var sets = changes.Items.Select(c => c.ChangeSetId).ToList();
        var rows = sets.Count == 0
            ? []
            : await filtered.Where(a => sets.Contains(a.ChangeSetId)).OrderBy(a => a.Id).ToListAsync(cancellationToken);

        var names = await NamesAsync(rows, people, cancellationToken);
        var groups = rows
            .GroupBy(r => r.ChangeSetId)
            .OrderByDescending(g => g.Max(r => r.Id))
            .Select(g => Group(g.ToList(), names))
            .ToList();
        var peopleList = people
            .Select(id => new HistoryPerson(id, names.Users.GetValueOrDefault(id) ?? id))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
        return new HistoryViewModel(title, backUrl, groups, PagerModel.For(changes, p => WithFilter(pageUrl(p), filter)), filter, peopleList);
    }

    private static string WithFilter(string url, HistoryFilter.Input filter)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (filter.From is { } from)
        {
            query["From"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (filter.To is { } to)
        {
            query["To"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(filter.Person))
        {
            query["Person"] = filter.Person;
        }

        return query.Count == 0 ? url : QueryHelpers.AddQueryString(url, query);
    }

    private HistoryGroup Group(List<AuditEntry> entries, Names names)
    {
        var first = entries[0];
        var who = first.UserId is { } id && names.Users.TryGetValue(id, out var name) ? name : first.UserName;
        var present = entries.Select(e => (e.EntityId, e.Field)).ToHashSet();
        var rows = entries
            .Where(e => !HistoryLabels.Hidden.Contains(e.Field))
            // "LoggedByUserId" next to "LoggedByName" of the same act says the same thing twice.
            .Where(e => !(e.Field.EndsWith("UserId", StringComparison.Ordinal)
                && (present.Contains((e.EntityId, e.Field[..^"UserId".Length] + "Name")) || present.Contains((e.EntityId, e.Field[..^"Id".Length] + "Name")))))
            .Select(e => new HistoryRow(
                RecordText(e, names),
                l[e.Action.ToString()],
                l[HistoryLabels.For(e.Field)],
                Value(e.EntityType, e.Field, e.OldValue, names),
                Value(e.EntityType, e.Field, e.NewValue, names)))
            .ToList();
        return new HistoryGroup(first.UtcTime, who, rows);
    }

    private string RecordText(AuditEntry entry, Names names)
    {
        var kind = l[entry.EntityType].Value;
        string? text = null;
        if (entry.EntityType is nameof(CustomerProcess.Infrastructure.Identity.AppUser) or UserRoleType)
        {
            text = names.Users.GetValueOrDefault(entry.EntityId);
        }
        else if (Guid.TryParse(entry.EntityId, out var id) && names.Records.TryGetValue((entry.EntityType, id), out var number))
        {
            text = number;
        }

        return string.IsNullOrEmpty(text) ? kind : kind + " " + text;
    }

    private string? Value(string entityType, string field, string? stored, Names names)
    {
        if (stored is null)
        {
            return null;
        }

        if (IsUserField(field))
        {
            return names.Users.GetValueOrDefault(stored) ?? stored;
        }

        if (field == "RoleId")
        {
            return names.Roles.TryGetValue(stored, out var role) ? l["Role." + role].Value : stored;
        }

        if (field == "DepartmentCode")
        {
            return names.Departments.GetValueOrDefault(stored) ?? stored;
        }

        var type = PropertyType(entityType, field);
        if (type is null)
        {
            return stored;
        }

        if (type == typeof(Guid))
        {
            return Guid.TryParse(stored, out var id) ? ReferenceText(field, id, names) : stored;
        }

        if (type.IsEnum)
        {
            var key = (EnumPrefixes.TryGetValue(type, out var prefix) ? prefix : "") + stored;
            var text = l[key];
            return text.ResourceNotFound ? stored : text.Value;
        }

        var culture = CultureInfo.CurrentCulture;
        if (type == typeof(bool))
        {
            return bool.TryParse(stored, out var yes) ? l[yes ? "Yes" : "No"].Value : stored;
        }

        if (type == typeof(DateTime))
        {
            return DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? Formatting.LocalTime(time) : stored;
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? Formatting.LocalTime(time.UtcDateTime) : stored;
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Formatting.Date(date) : stored;
        }

        if (type == typeof(decimal) && decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return IsMoney(field) ? number.ToString("N2", culture) : number.ToString("#,0.##########", culture);
        }

        if (type == typeof(long) && field.EndsWith("Minor", StringComparison.Ordinal) && long.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minor))
        {
            return (minor / 100m).ToString("N2", culture);
        }

        return stored;
    }

    private static bool IsMoney(string field) =>
        field.Contains("Amount", StringComparison.Ordinal) || field.Contains("Price", StringComparison.Ordinal) || field.Contains("CreditLimit", StringComparison.Ordinal);

    /// <summary>The record a Guid field points to, by its number or name. The field's label already says what kind of
    /// record it is ("Customer: RS-001 …"), so the kind is named only where the field may point to several kinds
    /// ("Owner: Contract HT-…").</summary>
    private string ReferenceText(string field, Guid id, Names names)
    {
        var targets = TargetsOf(field);
        foreach (var target in targets)
        {
            if (names.Records.TryGetValue((target, id), out var text))
            {
                return targets.Count == 1 ? text : l[target].Value + " " + text;
            }
        }

        return l["(record not found)"];
    }

    /// <summary>The record types a Guid field may point to.</summary>
    public static IReadOnlyList<string> TargetsOf(string field) =>
        Targets.TryGetValue(field, out var targets) ? targets
        : field.EndsWith("Id", StringComparison.Ordinal) ? [field[..^"Id".Length]]
        : [];

    /// <summary>Fields holding a user's id (shown as the person's display name).</summary>
    public static bool IsUserField(string field) => field.EndsWith("UserId", StringComparison.Ordinal) || field == "UserId";

    private Type? PropertyType(string entityType, string field)
    {
        var type = EntityTypes().GetValueOrDefault(entityType);
        var clr = type?.FindProperty(field)?.ClrType;
        return clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
    }

    private Dictionary<string, Microsoft.EntityFrameworkCore.Metadata.IEntityType> EntityTypes() =>
        db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !t.HasSharedClrType)
            .GroupBy(t => t.ClrType.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private sealed record Names(
        Dictionary<string, string> Users,
        Dictionary<string, string> Roles,
        IReadOnlyDictionary<string, string> Departments,
        Dictionary<(string Type, Guid Id), string> Records);

    /// <summary>Every name and number the page shows, one query per kind of record on it.</summary>
    private async Task<Names> NamesAsync(List<AuditEntry> rows, List<string> people, CancellationToken cancellationToken)
    {
        var userIds = new HashSet<string>(people, StringComparer.Ordinal);
        var roleIds = new HashSet<string>(StringComparer.Ordinal);
        var wanted = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);

        void Want(string type, Guid id)
        {
            if (!wanted.TryGetValue(type, out var ids))
            {
                wanted[type] = ids = [];
            }

            ids.Add(id);
        }

        foreach (var row in rows)
        {
            if (row.EntityType is nameof(CustomerProcess.Infrastructure.Identity.AppUser) or UserRoleType)
            {
                userIds.Add(row.EntityId);
            }
            else if (Guid.TryParse(row.EntityId, out var own))
            {
                Want(row.EntityType, own);
            }

            foreach (var value in new[] { row.OldValue, row.NewValue })
            {
                if (value is null)
                {
                    continue;
                }

                if (IsUserField(row.Field))
                {
                    userIds.Add(value);
                }
                else if (row.Field == "RoleId")
                {
                    roleIds.Add(value);
                }
                else if (row.Field.EndsWith("Id", StringComparison.Ordinal) && row.Field != "Id" && Guid.TryParse(value, out var id))
                {
                    foreach (var target in TargetsOf(row.Field))
                    {
                        Want(target, id);
                    }
                }
            }
        }

        var records = new Dictionary<(string, Guid), string>();
        if (wanted.Remove(nameof(Review), out var reviews))
        {
            // A review is named by its subject (the order's or tender's number).
            var subjects = await db.Reviews.AsNoTracking().Where(r => reviews.Contains(r.Id)).Select(r => new { r.Id, r.SubjectId }).ToListAsync(cancellationToken);
            var subjectIds = subjects.Select(s => s.SubjectId).ToHashSet();
            var subjectNames = new Dictionary<Guid, string>();
            foreach (var (id, text) in await NamedAsync(nameof(SalesOrder), subjectIds, cancellationToken))
            {
                subjectNames[id] = text;
            }

            foreach (var (id, text) in await NamedAsync(nameof(Tender), subjectIds, cancellationToken))
            {
                subjectNames[id] = text;
            }

            foreach (var s in subjects)
            {
                if (subjectNames.TryGetValue(s.SubjectId, out var text))
                {
                    records[(nameof(Review), s.Id)] = text;
                }
            }
        }

        foreach (var (type, ids) in wanted)
        {
            foreach (var (id, text) in await NamedAsync(type, ids, cancellationToken))
            {
                records[(type, id)] = text;
            }
        }

        var users = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, Name = u.DisplayName ?? u.UserName })
                .ToDictionaryAsync(u => u.Id, u => u.Name ?? u.Id, StringComparer.Ordinal, cancellationToken);
        var roles = roleIds.Count == 0
            ? []
            : await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, StringComparer.Ordinal, cancellationToken);
        return new Names(users, roles, await departments.AllAsync(cancellationToken), records);
    }

    /// <summary>The number (or name) of each record of one type, in one query; types without one are left out.</summary>
    private async Task<List<(Guid Id, string Text)>> NamedAsync(string type, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var chinese = Formatting.IsChinese;
        return type switch
        {
            nameof(Customer) => await Of<Customer>(ids, c => new Named(c.Id, c.Code + " " + c.Name, 0), cancellationToken),
            nameof(Contact) => await Of<Contact>(ids, c => new Named(c.Id, c.Name, 0), cancellationToken),
            nameof(SalesOrder) => await Of<SalesOrder>(ids, o => new Named(o.Id, o.Number, 0), cancellationToken),
            nameof(OrderLine) => await Of<OrderLine>(ids, x => new Named(x.Id, null, x.LineNo), cancellationToken),
            nameof(Contract) => await Of<Contract>(ids, c => new Named(c.Id, c.Number, 0), cancellationToken),
            nameof(ContractLine) => await Of<ContractLine>(ids, x => new Named(x.Id, null, x.LineNo), cancellationToken),
            nameof(ContractVersion) => await Of<ContractVersion>(ids, x => new Named(x.Id, null, x.Number), cancellationToken),
            nameof(ContractChange) => await Of<ContractChange>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(ContractChangeLine) => await Of<ContractChangeLine>(ids, x => new Named(x.Id, null, x.LineNo), cancellationToken),
            nameof(Delivery) => await Of<Delivery>(ids, x => new Named(x.Id, null, x.Number), cancellationToken),
            nameof(DeliveryLine) => await Of<DeliveryLine>(ids, x => new Named(x.Id, null, x.LineNo), cancellationToken),
            nameof(Invoice) => await Of<Invoice>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(Quotation) => await Of<Quotation>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(TaskNotice) => await Of<TaskNotice>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(NoticeLine) => await Of<NoticeLine>(ids, x => new Named(x.Id, null, x.LineNo), cancellationToken),
            nameof(ServiceNotice) => await Of<ServiceNotice>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(Complaint) => await Of<Complaint>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(CorrectiveAction) => await Of<CorrectiveAction>(ids, x => new Named(x.Id, null, x.Number), cancellationToken),
            nameof(Discrepancy) => await Of<Discrepancy>(ids, x => new Named(x.Id, null, x.Number), cancellationToken),
            nameof(ReviewSection) => await SectionsAsync(ids, cancellationToken),
            nameof(Product) => await Of<Product>(ids, x => new Named(x.Id, x.Code, 0), cancellationToken),
            nameof(Department) => await Of<Department>(ids, x => new Named(x.Id, chinese ? x.NameZh : x.NameEn, 0), cancellationToken),
            nameof(Tender) => await Of<Tender>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(TenderClarification) => await Of<TenderClarification>(ids, x => new Named(x.Id, null, x.Number), cancellationToken),
            nameof(CompetitorBid) => await Of<CompetitorBid>(ids, x => new Named(x.Id, x.Name, 0), cancellationToken),
            nameof(CustomerPropertyItem) => await Of<CustomerPropertyItem>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(PropertyIncident) => await Of<PropertyIncident>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(SpecialRequirementCase) => await Of<SpecialRequirementCase>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(SurveyCampaign) => await Of<SurveyCampaign>(ids, x => new Named(x.Id, x.Name, 0), cancellationToken),
            nameof(Attachment) => await Of<Attachment>(ids, x => new Named(x.Id, x.FileName, 0), cancellationToken),
            nameof(DisposalRecord) => await Of<DisposalRecord>(ids, x => new Named(x.Id, x.Number, 0), cancellationToken),
            nameof(Payment) => DatedTexts(await DatesOf<Payment>(ids, x => new Dated(x.Id, x.ReceivedOn), cancellationToken)),
            nameof(SiteRecord) => DatedTexts(await DatesOf<SiteRecord>(ids, x => new Dated(x.Id, x.VisitedOn), cancellationToken)),
            nameof(ReviewSignature) => await Of<ReviewSignature>(ids, x => new Named(x.Id, x.SignerName, 0), cancellationToken),
            nameof(NoticeAcknowledgement) => await AcknowledgementsAsync(ids, cancellationToken),
            _ => [],
        };
    }

    private async Task<List<(Guid Id, string Text)>> SectionsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var names = await departments.AllAsync(cancellationToken);
        return (await Of<ReviewSection>(ids, s => new Named(s.Id, s.DepartmentCode, 0), cancellationToken))
            .Select(s => (s.Id, names.GetValueOrDefault(s.Text) ?? s.Text))
            .ToList();
    }

    private async Task<List<(Guid Id, string Text)>> AcknowledgementsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var names = await departments.AllAsync(cancellationToken);
        var list = ids.ToList();
        var found = await db.NoticeAcknowledgements.AsNoTracking().Where(x => list.Contains(x.Id)).Select(x => new { x.Id, x.DepartmentCode }).ToListAsync(cancellationToken);
        return found.Select(a => (a.Id, names.GetValueOrDefault(a.DepartmentCode) ?? a.DepartmentCode)).ToList();
    }

    private static List<(Guid Id, string Text)> DatedTexts(List<Dated> found) => found.Select(d => (d.Id, Formatting.Date(d.On))).ToList();

    private async Task<List<Dated>> DatesOf<T>(IReadOnlyCollection<Guid> ids, Expression<Func<T, Dated>> select, CancellationToken cancellationToken)
        where T : BusinessRecord
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var list = ids.ToList();
        return await db.Set<T>().AsNoTracking().Where(x => list.Contains(x.Id)).Select(select).ToListAsync(cancellationToken);
    }

    private sealed record Dated(Guid Id, DateOnly On);

    private sealed record Named(Guid Id, string? Text, int Number);

    private async Task<List<(Guid Id, string Text)>> Of<T>(IReadOnlyCollection<Guid> ids, Expression<Func<T, Named>> select, CancellationToken cancellationToken)
        where T : BusinessRecord
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var list = ids.ToList();
        var found = await db.Set<T>().AsNoTracking().Where(x => list.Contains(x.Id)).Select(select).ToListAsync(cancellationToken);
        return found.Select(n => (n.Id, n.Text ?? n.Number.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
