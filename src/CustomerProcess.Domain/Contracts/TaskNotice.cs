using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

/// <summary>The two notices that go to departments and are acknowledged (签收) by each of them.</summary>
public enum NoticeKind
{
    /// <summary>销售生产任务通知单: what to make and deliver, issued from a signed contract.</summary>
    ProductionTask,

    /// <summary>产品变更通知单: a process change (docs/process.md §6).</summary>
    ProductChange,
}

public enum NoticeStatus
{
    Issued,
    Acknowledged,
    Superseded,
}

public static class NoticeTransitions
{
    public static bool CanMove(NoticeStatus from, NoticeStatus to) => from switch
    {
        NoticeStatus.Issued => to is NoticeStatus.Acknowledged or NoticeStatus.Superseded,
        NoticeStatus.Acknowledged => to is NoticeStatus.Superseded,
        NoticeStatus.Superseded => false,
    };
}

/// <summary>
/// A notice to the departments concerned, each of which acknowledges receipt. A production task notice
/// carries the contract's lines, the special requirements and the review's conditions as they were
/// when it was issued; a revision supersedes the previous notice and is acknowledged again.
/// </summary>
public sealed class TaskNotice : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int TextLength = 4000;

    public static readonly DomainError NoDepartments = new("notice.no-departments", "Choose at least one department to notify.");
    public static readonly DomainError NotAddressed = new("notice.not-addressed", "The notice is not addressed to {0}.");
    public static readonly DomainError AlreadyAcknowledged = new("notice.acknowledged", "{0} has already acknowledged this notice.");
    public static readonly DomainError IsSuperseded = new("notice.superseded", "This notice was superseded by a revision; acknowledge the current one.");

    private readonly List<NoticeLine> _lines = [];
    private readonly List<NoticeAcknowledgement> _acknowledgements = [];

    private TaskNotice()
    {
    }

    private TaskNotice(string number, NoticeKind kind, Guid contractId, int contractVersion, int revision, Guid? supersedesId, Guid? changeId,
        string? specialRequirements, string? reviewConditions, string? instructions, string issuedByUserId, string issuedByName, DateTime nowUtc)
    {
        Number = number;
        Kind = kind;
        ContractId = contractId;
        ContractVersion = contractVersion;
        Revision = revision;
        SupersedesId = supersedesId;
        ChangeId = changeId;
        SpecialRequirements = specialRequirements;
        ReviewConditions = reviewConditions;
        Instructions = instructions;
        IssuedByUserId = issuedByUserId;
        IssuedByName = issuedByName;
        IssuedAtUtc = nowUtc;
    }

    /// <summary>RW-yyyy-nnnn (task notice) or CP-yyyy-nnnn (product change notice).</summary>
    public string Number { get; private set; } = "";

    public NoticeKind Kind { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The contract version the notice was issued from.</summary>
    public int ContractVersion { get; private set; }

    /// <summary>1 for the first notice of a contract, 2 for its first revision, and so on.</summary>
    public int Revision { get; private set; }

    public Guid? SupersedesId { get; private set; }

    /// <summary>The contract change that caused this notice (revision or product change).</summary>
    public Guid? ChangeId { get; private set; }

    public NoticeStatus Status { get; private set; } = NoticeStatus.Issued;

    public string? SpecialRequirements { get; private set; }

    /// <summary>The conditions reviewers attached when they accepted with conditions.</summary>
    public string? ReviewConditions { get; private set; }

    public string? Instructions { get; private set; }

    public string IssuedByUserId { get; private set; } = "";

    public string IssuedByName { get; private set; } = "";

    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>Bumped with every acknowledgement, so two departments acknowledging at once are serialized
    /// on this row and the notice cannot miss its last acknowledgement.</summary>
    public int AcknowledgedCount { get; private set; }

    public DateTime? SupersededAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<NoticeLine> Lines => _lines.OrderBy(l => l.LineNo).ToList();

    public IReadOnlyList<NoticeAcknowledgement> Acknowledgements => _acknowledgements.OrderBy(a => a.SortOrder).ToList();

    public IReadOnlyList<string> PendingDepartments => Acknowledgements.Where(a => !a.IsAcknowledged).Select(a => a.DepartmentCode).ToList();

    public static Result<TaskNotice> Issue(
        string number, NoticeKind kind, Contract contract, IReadOnlyList<string> departments, string? specialRequirements, string? reviewConditions,
        string? instructions, TaskNotice? previous, Guid? changeId, string issuedByUserId, string issuedByName, DateTime nowUtc)
    {
        var distinct = departments.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return NoDepartments;
        }

        var open = contract.CanMoveOn();
        if (!open.Succeeded)
        {
            return open.Error!;
        }

        var notice = new TaskNotice(
            number, kind, contract.Id, contract.CurrentVersion, (previous?.Revision ?? 0) + 1, previous?.Id, changeId,
            specialRequirements, reviewConditions, instructions, issuedByUserId, issuedByName, nowUtc);
        var before = previous?.Lines.ToDictionary(l => l.LineNo);
        foreach (var line in contract.Lines)
        {
            var changed = before is not null && (!before.TryGetValue(line.LineNo, out var was) || !was.SameAs(line));
            notice._lines.Add(new NoticeLine(notice.Id, line, changed));
        }

        for (var i = 0; i < distinct.Count; i++)
        {
            notice._acknowledgements.Add(new NoticeAcknowledgement(notice.Id, distinct[i], i));
        }

        previous?.Supersede(nowUtc);
        return Result<TaskNotice>.Success(notice);
    }

    public Result Acknowledge(string department, string userId, string userName, string? comment, DateTime nowUtc)
    {
        if (Status == NoticeStatus.Superseded)
        {
            return IsSuperseded;
        }

        var row = _acknowledgements.FirstOrDefault(a => a.DepartmentCode == department);
        if (row is null)
        {
            return new DomainError(NotAddressed.Code, NotAddressed.MessageKey, department);
        }

        if (row.IsAcknowledged)
        {
            return new DomainError(AlreadyAcknowledged.Code, AlreadyAcknowledged.MessageKey, department);
        }

        row.Acknowledge(userId, userName, comment, nowUtc);
        AcknowledgedCount++;
        if (_acknowledgements.All(a => a.IsAcknowledged))
        {
            Status = NoticeStatus.Acknowledged;
        }

        return Result.Success();
    }

    private void Supersede(DateTime nowUtc)
    {
        if (NoticeTransitions.CanMove(Status, NoticeStatus.Superseded))
        {
            Status = NoticeStatus.Superseded;
            SupersededAtUtc = nowUtc;
        }
    }
}

/// <summary>A line of a notice, as the contract had it when the notice was issued.</summary>
public sealed class NoticeLine : BusinessRecord
{
    private NoticeLine()
    {
    }

    internal NoticeLine(Guid noticeId, ContractLine line, bool changed)
    {
        NoticeId = noticeId;
        LineNo = line.LineNo;
        Description = line.Description;
        Specification = line.Specification;
        Quantity = line.Quantity;
        Unit = line.Unit;
        DeliveryDate = line.DeliveryDate;
        DeliveryPlace = line.DeliveryPlace;
        Packaging = line.Packaging;
        ChangedFromPrevious = changed;
    }

    public Guid NoticeId { get; private set; }

    public int LineNo { get; private set; }

    public string Description { get; private set; } = "";

    public string? Specification { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public DateOnly? DeliveryDate { get; private set; }

    public string? DeliveryPlace { get; private set; }

    public string? Packaging { get; private set; }

    /// <summary>On a revision: the line differs from the superseded notice.</summary>
    public bool ChangedFromPrevious { get; private set; }

    internal bool SameAs(ContractLine line) =>
        Description == line.Description && (Specification ?? "") == (line.Specification ?? "") && Quantity == line.Quantity
        && Unit == line.Unit && DeliveryDate == line.DeliveryDate && (DeliveryPlace ?? "") == (line.DeliveryPlace ?? "");
}

/// <summary>One department's acknowledgement of receipt (签收); pending until someone of the department signs for it.</summary>
public sealed class NoticeAcknowledgement : BusinessRecord, IVersioned
{
    public const int CommentLength = 1000;

    private NoticeAcknowledgement()
    {
    }

    internal NoticeAcknowledgement(Guid noticeId, string departmentCode, int sortOrder)
    {
        NoticeId = noticeId;
        DepartmentCode = departmentCode;
        SortOrder = sortOrder;
    }

    public Guid NoticeId { get; private set; }

    public string DepartmentCode { get; private set; } = "";

    public int SortOrder { get; private set; }

    public string? AcknowledgedByUserId { get; private set; }

    public string? AcknowledgedByName { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }

    public string? Comment { get; private set; }

    public int Version { get; private set; }

    public bool IsAcknowledged => AcknowledgedAtUtc is not null;

    internal void Acknowledge(string userId, string userName, string? comment, DateTime nowUtc)
    {
        AcknowledgedByUserId = userId;
        AcknowledgedByName = userName;
        AcknowledgedAtUtc = nowUtc;
        Comment = comment;
    }
}
