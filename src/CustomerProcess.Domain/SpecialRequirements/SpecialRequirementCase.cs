using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.SpecialRequirements;

public enum CaseStatus
{
    Pending,
    InProgress,
    Done,
}

public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>Where the special requirement came from.</summary>
public enum CaseSource
{
    Order,
    Contract,
    Customer,
}

/// <summary>The one transition table of special-requirement cases: a done case may be reopened.</summary>
public static class CaseTransitions
{
    public static bool CanMove(CaseStatus from, CaseStatus to) => from switch
    {
        CaseStatus.Pending => to is CaseStatus.InProgress or CaseStatus.Done,
        CaseStatus.InProgress => to is CaseStatus.Done,
        CaseStatus.Done => to is CaseStatus.InProgress,
    };
}

/// <summary>Due dates of special-requirement cases, in calendar days of the company's time zone (docs/process.md §10).</summary>
public static class CaseDeadline
{
    public const int DefaultReminderDays = 3;

    /// <summary>Overdue: not done and today is past the due date (on the due date itself it is not overdue).</summary>
    public static bool IsOverdue(CaseStatus status, DateOnly dueOn, DateOnly today) => status != CaseStatus.Done && today > dueOn;

    /// <summary>Due soon: not done, not overdue, and due within <paramref name="reminderDays"/> days from today (today included).</summary>
    public static bool IsDueSoon(CaseStatus status, DateOnly dueOn, DateOnly today, int reminderDays) =>
        status != CaseStatus.Done && dueOn >= today && dueOn <= today.AddDays(reminderDays);

    /// <summary>Reminded: due soon or overdue.</summary>
    public static bool NeedsReminder(CaseStatus status, DateOnly dueOn, DateOnly today, int reminderDays) =>
        IsOverdue(status, dueOn, today) || IsDueSoon(status, dueOn, today, reminderDays);

    /// <summary>Done on time: finished on or before the due date.</summary>
    public static bool DoneOnTime(DateOnly dueOn, DateOnly doneOn) => doneOn <= dueOn;

    public static int DaysLeft(DateOnly dueOn, DateOnly today) => dueOn.DayNumber - today.DayNumber;
}

/// <summary>
/// A special-requirement case (客户特殊要求, docs/process.md §10): a requirement from an order, a contract or the customer
/// directly, with a case number, priority, due date, owner and status, and a note on each step.
/// </summary>
public sealed class SpecialRequirementCase : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int TitleLength = 200;
    public const int TextLength = 2000;
    public const int NameLength = 200;

    public static readonly DomainError IllegalMove = new("case.illegal-move", "The case cannot move from {0} to {1}.");
    public static readonly DomainError DueInPast = new("case.due.past", "The due date cannot lie before today.");
    public static readonly DomainError SourceMissing = new("case.source", "Name the order or contract the requirement comes from.");

    private readonly List<CaseNote> _notes = [];

    private SpecialRequirementCase()
    {
    }

    private SpecialRequirementCase(string number, CaseSource source, Guid customerId, Guid? orderId, Guid? contractId, string title, string description,
        CasePriority priority, DateOnly dueOn, string ownerUserId, string ownerName, string byUserId, string byName, DateTime nowUtc, DateOnly today)
    {
        Number = number;
        Source = source;
        CustomerId = customerId;
        OrderId = orderId;
        ContractId = contractId;
        Title = title;
        Description = description;
        Priority = priority;
        DueOn = dueOn;
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        OpenedByUserId = byUserId;
        OpenedByName = byName;
        OpenedAtUtc = nowUtc;
        OpenedOn = today;
    }

    /// <summary>TSYQ-yyyy-nnnn.</summary>
    public string Number { get; private set; } = "";

    public CaseSource Source { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid? OrderId { get; private set; }

    public Guid? ContractId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public CasePriority Priority { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string OwnerUserId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public string OpenedByUserId { get; private set; } = "";

    public string OpenedByName { get; private set; } = "";

    public DateTime OpenedAtUtc { get; private set; }

    /// <summary>The company-zone date the case was opened (handling time counts from it).</summary>
    public DateOnly OpenedOn { get; private set; }

    public CaseStatus Status { get; private set; } = CaseStatus.Pending;

    /// <summary>The date the case was (last) finished; null while open.</summary>
    public DateOnly? DoneOn { get; private set; }

    /// <summary>The result, written when the case is finished.</summary>
    public string? Result { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CaseNote> Notes => _notes;

    public static Result<SpecialRequirementCase> Open(string number, CaseSource source, Guid customerId, Guid? orderId, Guid? contractId, string title,
        string description, CasePriority priority, DateOnly dueOn, string ownerUserId, string ownerName, string byUserId, string byName, DateTime nowUtc, DateOnly today)
    {
        if (dueOn < today)
        {
            return DueInPast;
        }

        if ((source == CaseSource.Order && orderId is null) || (source == CaseSource.Contract && contractId is null))
        {
            return SourceMissing;
        }

        return Result<SpecialRequirementCase>.Success(new SpecialRequirementCase(number, source, customerId, orderId, contractId, title, description, priority, dueOn,
            ownerUserId, ownerName, byUserId, byName, nowUtc, today));
    }

    /// <summary>A note on a step; with <paramref name="to"/> the case moves (started, done with its result, reopened).</summary>
    public Result AddStep(string note, CaseStatus? to, string byName, DateTime nowUtc, DateOnly today)
    {
        var from = Status;
        if (to is { } target && target != Status)
        {
            if (!CaseTransitions.CanMove(Status, target))
            {
                return IllegalMove.With(Status, target);
            }

            Status = target;
            if (target == CaseStatus.Done)
            {
                DoneOn = today;
                Result = note;
            }
            else
            {
                DoneOn = null;
            }
        }

        _notes.Add(new CaseNote(Id, _notes.Count + 1, note, from, Status, byName, nowUtc));
        return Common.Result.Success();
    }

    public bool IsOverdue(DateOnly today) => CaseDeadline.IsOverdue(Status, DueOn, today);

    /// <summary>Days from opening to done (0 when done on the day it was opened); null while open.</summary>
    public int? HandlingDays => DoneOn is { } done ? done.DayNumber - OpenedOn.DayNumber : null;
}

/// <summary>A note on one step of a case, with the status before and after it.</summary>
public sealed class CaseNote : BusinessRecord
{
    private CaseNote()
    {
    }

    internal CaseNote(Guid caseId, int sequence, string text, CaseStatus from, CaseStatus to, string byName, DateTime nowUtc)
    {
        CaseId = caseId;
        Sequence = sequence;
        Text = text;
        FromStatus = from;
        ToStatus = to;
        ByName = byName;
        AtUtc = nowUtc;
    }

    public Guid CaseId { get; private set; }

    public int Sequence { get; private set; }

    public string Text { get; private set; } = "";

    public CaseStatus FromStatus { get; private set; }

    public CaseStatus ToStatus { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
