using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Complaints;

/// <summary>A customer complaint or inquiry (顾客投诉), handled by quality (docs/process.md §7).</summary>
public sealed class Complaint : BusinessRecord, IVersioned, CustomerProcess.Domain.Retention.IRetainedRecord
{
    public const int TextLength = 4000;
    public const int ShortLength = 200;

    public static readonly DomainError IllegalMove = new("complaint.illegal-move", "The complaint cannot move from {0} to {1}.");
    public static readonly DomainError NotAnswered = new("complaint.not-answered", "The customer has not been answered yet.");
    public static readonly DomainError ActionsOpen = new("complaint.actions-open", "Every corrective action must be verified by quality or waived with a reason before the complaint closes.");
    public static readonly DomainError NoAction = new("complaint.no-action", "The corrective action does not exist.");
    public static readonly DomainError ActionState = new("complaint.action-state", "The corrective action is {0}; this step is not possible.");
    public static readonly DomainError Closed = new("complaint.closed", "The complaint is closed.");
    public static readonly DomainError AlreadyDisposed = new("complaint.disposed", "Complaint {0} was already disposed of.");
    public static readonly DomainError ReceivedInFuture = new("complaint.received.future", "The time of receipt cannot be in the future.");
    public static readonly DomainError AnswerBeforeReceipt = new("complaint.answer.early", "The answer cannot be earlier than the receipt of the complaint.");
    public static readonly DomainError AnswerInFuture = new("complaint.answer.future", "The time of the answer cannot be in the future.");

    /// <summary>Times are entered to the minute on the user's clock; allow that much ahead of the server.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    private readonly List<CorrectiveAction> _actions = [];

    private Complaint()
    {
    }

    public Complaint(string number, Guid customerId, ComplaintKind kind, ComplaintChannel channel, ComplaintSeverity severity,
        string description, DateTime receivedAtUtc, string loggedByUserId, string loggedByName, DateTime nowUtc)
    {
        Number = number;
        CustomerId = customerId;
        Kind = kind;
        Channel = channel;
        Severity = severity;
        Description = description;
        ReceivedAtUtc = receivedAtUtc;
        LoggedByUserId = loggedByUserId;
        LoggedByName = loggedByName;
        LoggedAtUtc = nowUtc;
    }

    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid? ContractId { get; private set; }

    public Guid? ProductId { get; private set; }

    public string? BatchReference { get; private set; }

    public ComplaintKind Kind { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public ComplaintSeverity Severity { get; private set; }

    public string Description { get; private set; } = "";

    public DateTime ReceivedAtUtc { get; private set; }

    public DateTime LoggedAtUtc { get; private set; }

    public string LoggedByUserId { get; private set; } = "";

    public string LoggedByName { get; private set; } = "";

    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Logged;

    public string? CauseAnalysis { get; private set; }

    public CauseCategory? CauseCategory { get; private set; }

    public string? ResponsibleDepartment { get; private set; }

    public string? AnswerText { get; private set; }

    public ComplaintChannel? AnswerChannel { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    public string? AnsweredByName { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public string? ClosedByName { get; private set; }

    /// <summary>The department (code) the person who answered acted for, at the time (docs/adr/0035).</summary>
    public string? AnsweredByDepartment { get; private set; }

    /// <summary>The department (code) the person who closed acted for, at the time.</summary>
    public string? ClosedByDepartment { get; private set; }

    public int Version { get; private set; }

    /// <summary>The disposal that blanked this complaint's content after its retention period (ADR 0041); null while kept.</summary>
    public Guid? DisposalId { get; private set; }

    public DateTime? DisposedAtUtc { get; private set; }

    public IReadOnlyList<CorrectiveAction> Actions => _actions;

    /// <summary>A complaint cannot have reached us after the moment it is logged (the 72-hour clock starts at receipt).</summary>
    public static Result CheckReceivedAt(DateTime receivedAtUtc, DateTime nowUtc) =>
        receivedAtUtc > nowUtc + ClockTolerance ? ReceivedInFuture : Result.Success();

    public void Link(Guid? contractId, Guid? productId, string? batchReference)
    {
        ContractId = contractId;
        ProductId = productId;
        BatchReference = batchReference;
    }

    public Result RecordInvestigation(string causeAnalysis, CauseCategory category, string responsibleDepartment)
    {
        if (Status == ComplaintStatus.Closed)
        {
            return Closed;
        }

        CauseAnalysis = causeAnalysis;
        CauseCategory = category;
        ResponsibleDepartment = responsibleDepartment;
        return Status == ComplaintStatus.Logged ? Move(ComplaintStatus.Investigating) : Result.Success();
    }

    public Result<CorrectiveAction> AddAction(string description, string ownerUserId, string ownerName, DateOnly dueDate)
    {
        if (Status == ComplaintStatus.Closed)
        {
            return Closed;
        }

        var action = new CorrectiveAction(Id, _actions.Count + 1, description, ownerUserId, ownerName, dueDate);
        _actions.Add(action);
        return Result<CorrectiveAction>.Success(action);
    }

    public Result CompleteAction(Guid actionId, string note, DateTime nowUtc) =>
        WithAction(actionId, a => a.Complete(note, nowUtc));

    public Result VerifyAction(Guid actionId, string byName, DateTime nowUtc, string? byDepartment = null) =>
        WithAction(actionId, a => a.Verify(byName, nowUtc, byDepartment));

    public Result RejectActionCompletion(Guid actionId, string reason) =>
        WithAction(actionId, a => a.Reopen(reason));

    public Result WaiveAction(Guid actionId, string reason, string byName, DateTime nowUtc, string? byDepartment = null) =>
        WithAction(actionId, a => a.Waive(reason, byName, nowUtc, byDepartment));

    /// <summary>The answer to the customer (what was said, how, when) — the Customer Feedback Handling Sheet.</summary>
    /// <remarks>The time decides whether the answer was in time, so it must lie between receipt and now.</remarks>
    public Result Answer(string text, ComplaintChannel channel, DateTime answeredAtUtc, string byName, DateTime nowUtc, string? byDepartment = null)
    {
        if (Status is ComplaintStatus.Closed)
        {
            return Closed;
        }

        if (answeredAtUtc < ReceivedAtUtc)
        {
            return AnswerBeforeReceipt;
        }

        if (answeredAtUtc > nowUtc + ClockTolerance)
        {
            return AnswerInFuture;
        }

        AnswerText = text;
        AnswerChannel = channel;
        AnsweredAtUtc = answeredAtUtc;
        AnsweredByName = byName;
        AnsweredByDepartment = byDepartment;
        return Status == ComplaintStatus.Answered ? Result.Success() : Move(ComplaintStatus.Answered);
    }

    /// <summary>Closes only when answered and every action is verified or explicitly waived.</summary>
    public Result Close(string byName, DateTime nowUtc, string? byDepartment = null)
    {
        if (Status != ComplaintStatus.Answered)
        {
            return Status == ComplaintStatus.Closed ? Closed : NotAnswered;
        }

        if (_actions.Any(a => a.Status is not (ActionStatus.Verified or ActionStatus.Waived)))
        {
            return ActionsOpen;
        }

        var moved = Move(ComplaintStatus.Closed);
        if (moved.Succeeded)
        {
            ClosedAtUtc = nowUtc;
            ClosedByName = byName;
            ClosedByDepartment = byDepartment;
        }

        return moved;
    }

    /// <summary>The content a disposal blanks, in one canonical text (its hash is kept on the disposal record).</summary>
    public string RetainedContent() =>
        string.Join('\n', new[] { Number, Description, BatchReference ?? "", CauseAnalysis ?? "", AnswerText ?? "" }
            .Concat(_actions.OrderBy(a => a.Number).SelectMany(a => new[] { a.Description, a.CompletionNote ?? "", a.WaiverReason ?? "" })));

    /// <summary>Disposal after the retention period (ADR 0041): the row, number, dates, status and people stay; the texts
    /// (description, batch, cause, answer, the actions' texts) are blanked and the disposal is referenced.</summary>
    public Result MarkDisposed(Guid disposalId, DateTime nowUtc)
    {
        if (Status != ComplaintStatus.Closed)
        {
            return CustomerProcess.Domain.Retention.DisposalRecord.NotClosed.With(Number);
        }

        if (DisposalId is not null)
        {
            return AlreadyDisposed.With(Number);
        }

        DisposalId = disposalId;
        DisposedAtUtc = nowUtc;
        Description = "";
        BatchReference = null;
        CauseAnalysis = null;
        AnswerText = null;
        foreach (var action in _actions)
        {
            action.BlankForDisposal();
        }

        return Result.Success();
    }

    public bool IsOverdue(DateTime nowUtc, TimeSpan window) => AnswerClock.IsOverdue(ReceivedAtUtc, AnsweredAtUtc, nowUtc, window);

    private Result WithAction(Guid actionId, Func<CorrectiveAction, bool> change)
    {
        if (Status == ComplaintStatus.Closed)
        {
            return Closed;
        }

        var action = _actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return NoAction;
        }

        return change(action) ? Result.Success() : new DomainError(ActionState.Code, ActionState.MessageKey, action.Status);
    }

    private Result Move(ComplaintStatus to)
    {
        if (!ComplaintTransitions.CanMove(Status, to))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, to);
        }

        Status = to;
        return Result.Success();
    }
}

/// <summary>A corrective action: owner, due date, completion note, verification by quality (or a waiver).</summary>
public sealed class CorrectiveAction : BusinessRecord
{
    private CorrectiveAction()
    {
    }

    internal CorrectiveAction(Guid complaintId, int number, string description, string ownerUserId, string ownerName, DateOnly dueDate)
    {
        ComplaintId = complaintId;
        Number = number;
        Description = description;
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        DueDate = dueDate;
    }

    public Guid ComplaintId { get; private set; }

    public int Number { get; private set; }

    public string Description { get; private set; } = "";

    public string OwnerUserId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public DateOnly DueDate { get; private set; }

    public ActionStatus Status { get; private set; } = ActionStatus.Open;

    public string? CompletionNote { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public string? VerifiedByName { get; private set; }

    /// <summary>The department (code) the verifier acted for, at the time.</summary>
    public string? VerifiedByDepartment { get; private set; }

    public DateTime? VerifiedAtUtc { get; private set; }

    public string? WaiverReason { get; private set; }

    /// <summary>Part of the complaint's disposal (ADR 0041): the action's texts are blanked, its dates and people stay.</summary>
    internal void BlankForDisposal()
    {
        Description = "";
        CompletionNote = null;
        WaiverReason = null;
    }

    internal bool Complete(string note, DateTime nowUtc)
    {
        if (!Move(ActionStatus.Done))
        {
            return false;
        }

        CompletionNote = note;
        CompletedAtUtc = nowUtc;
        return true;
    }

    internal bool Verify(string byName, DateTime nowUtc, string? byDepartment)
    {
        if (!Move(ActionStatus.Verified))
        {
            return false;
        }

        VerifiedByName = byName;
        VerifiedByDepartment = byDepartment;
        VerifiedAtUtc = nowUtc;
        return true;
    }

    internal bool Reopen(string reason)
    {
        if (!Move(ActionStatus.Open))
        {
            return false;
        }

        CompletionNote = (CompletionNote is null ? "" : CompletionNote + " — ") + reason;
        return true;
    }

    internal bool Waive(string reason, string byName, DateTime nowUtc, string? byDepartment)
    {
        if (!Move(ActionStatus.Waived))
        {
            return false;
        }

        WaiverReason = reason;
        VerifiedByName = byName;
        VerifiedByDepartment = byDepartment;
        VerifiedAtUtc = nowUtc;
        return true;
    }

    private bool Move(ActionStatus to)
    {
        if (!ComplaintTransitions.CanMove(Status, to))
        {
            return false;
        }

        Status = to;
        return true;
    }
}
