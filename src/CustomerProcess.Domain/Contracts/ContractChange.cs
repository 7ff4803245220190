using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

public enum ChangeStatus
{
    Requested,
    UnderReview,
    Implemented,
    Rejected,
    Withdrawn,
}

public static class ChangeTransitions
{
    public static bool CanMove(ChangeStatus from, ChangeStatus to) => from switch
    {
        ChangeStatus.Requested => to is ChangeStatus.UnderReview or ChangeStatus.Implemented or ChangeStatus.Rejected or ChangeStatus.Withdrawn,
        ChangeStatus.UnderReview => to is ChangeStatus.Implemented or ChangeStatus.Rejected or ChangeStatus.Withdrawn,
        ChangeStatus.Implemented => false,
        ChangeStatus.Rejected => false,
        ChangeStatus.Withdrawn => false,
    };
}

/// <summary>
/// A contract change request (合同变更, docs/process.md §6): what changes, why, who asked, and the customer's
/// written confirmation. Its kind decides what follows (<see cref="ChangeRules.ConsequenceOf"/>); the
/// proposed lines are kept with the request until the change is implemented as a new contract version.
/// </summary>
public sealed class ContractChange : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int TextLength = 2000;
    public const int NameLength = 200;

    public static readonly DomainError IllegalMove = new("change.illegal-move", "The change cannot move from {0} to {1}.");
    public static readonly DomainError WrongConsequence = new("change.wrong-consequence", "This action does not apply to a change whose consequence is {0}.");
    public static readonly DomainError StaleBase = new("change.stale", "The contract changed since this change was requested (version {0}, now {1}). Record the change again on the current version.");
    public static readonly DomainError ConfirmationRequired = new("change.confirmation", "Record the customer's written confirmation of the change.");

    private readonly List<ContractChangeLine> _lines = [];

    private ContractChange()
    {
    }

    private ContractChange(string number, Contract contract, ChangeKind kind, ChangeParty requestedBy, string requesterName, string what, string why,
        string customerConfirmation, Guid? attachmentId, string recordedByUserId, string recordedByName, DateTime nowUtc)
    {
        Number = number;
        ContractId = contract.Id;
        Kind = kind;
        RequestedBy = requestedBy;
        RequesterName = requesterName;
        What = what;
        Why = why;
        CustomerConfirmation = customerConfirmation;
        ConfirmationAttachmentId = attachmentId;
        BaseVersion = contract.CurrentVersion;
        RecordedByUserId = recordedByUserId;
        RecordedByName = recordedByName;
        RecordedAtUtc = nowUtc;
    }

    /// <summary>BG-yyyy-nnnn.</summary>
    public string Number { get; private set; } = "";

    public Guid ContractId { get; private set; }

    public ChangeKind Kind { get; private set; }

    public ChangeStatus Status { get; private set; } = ChangeStatus.Requested;

    public ChangeParty RequestedBy { get; private set; }

    public string RequesterName { get; private set; } = "";

    public string What { get; private set; } = "";

    public string Why { get; private set; } = "";

    /// <summary>The customer's written confirmation: letter, fax or e-mail reference (the scan is attached).</summary>
    public string CustomerConfirmation { get; private set; } = "";

    public Guid? ConfirmationAttachmentId { get; private set; }

    /// <summary>The contract version the change was requested on.</summary>
    public int BaseVersion { get; private set; }

    public int? ResultingVersion { get; private set; }

    public string RecordedByUserId { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>The new review of the changed content (structure and specification changes).</summary>
    public Guid? ReviewId { get; private set; }

    /// <summary>The revised production task notice, or the product change notice.</summary>
    public Guid? NoticeId { get; private set; }

    public Guid? QuotationId { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>Termination: our side's confirmation (the customer's is <see cref="CustomerConfirmation"/>).</summary>
    public string? CompanyConfirmedByName { get; private set; }

    public DateTime? CompanyConfirmedAtUtc { get; private set; }

    public int Version { get; private set; }

    public ChangeConsequence Consequence => ChangeRules.ConsequenceOf(Kind);

    public bool IsOpen => Status is ChangeStatus.Requested or ChangeStatus.UnderReview;

    public IReadOnlyList<ContractChangeLine> ProposedLines => _lines.OrderBy(l => l.LineNo).ToList();

    public IReadOnlyList<ContractLineData> ProposedLineData => ProposedLines.Select(l => l.ToData()).ToList();

    /// <summary>Records a change request on the contract's current version. Lines are checked against the
    /// kind (and against what was already delivered and invoiced).</summary>
    public static Result<ContractChange> Request(
        string number, Contract contract, ChangeKind kind, ChangeParty requestedBy, string requesterName, string what, string why,
        string customerConfirmation, Guid? attachmentId, IReadOnlyList<ContractLineData>? proposedLines,
        string recordedByUserId, string recordedByName, DateTime nowUtc)
    {
        var executing = contract.MustBeExecuting();
        if (!executing.Succeeded)
        {
            return executing.Error!;
        }

        if (string.IsNullOrWhiteSpace(customerConfirmation))
        {
            return ConfirmationRequired;
        }

        var current = contract.Lines.Select(l => l.ToData()).ToList();
        var proposed = ChangeRules.ChangesLines(kind) ? Complete(current, proposedLines) : null;
        var valid = ChangeRules.Validate(kind, current, proposed ?? proposedLines);
        if (!valid.Succeeded)
        {
            return valid.Error!;
        }

        if (proposed is not null)
        {
            var fits = contract.CanTakeVersion(proposed);
            if (!fits.Succeeded)
            {
                return fits.Error!;
            }
        }

        var change = new ContractChange(number, contract, kind, requestedBy, requesterName, what, why, customerConfirmation, attachmentId, recordedByUserId, recordedByName, nowUtc);
        if (proposed is not null)
        {
            change._lines.AddRange(proposed.Select(l => new ContractChangeLine(change.Id, l)));
        }

        return Result<ContractChange>.Success(change);
    }

    /// <summary>Quantity, delivery date, price and process changes: the sales manager accepts and the new
    /// version (if any) takes effect. The notice or quotation that follows is attached by the caller.</summary>
    public Result Implement(Contract contract, string byName, string? note, DateTime nowUtc)
    {
        if (Consequence is not (ChangeConsequence.RevisedTaskNotice or ChangeConsequence.NewQuotation or ChangeConsequence.ProductChangeNotice))
        {
            return new DomainError(WrongConsequence.Code, WrongConsequence.MessageKey, Consequence);
        }

        var ready = Ready(contract, ChangeStatus.Implemented, requireMoveOn: true);
        if (!ready.Succeeded)
        {
            return ready;
        }

        var applied = ApplyLines(contract, byName, nowUtc);
        if (!applied.Succeeded)
        {
            return applied;
        }

        Decide(ChangeStatus.Implemented, byName, note, nowUtc);
        return Result.Success();
    }

    /// <summary>Structure and specification changes: accepted for review. The contract is held until the review ends.</summary>
    public Result SendToReview(Contract contract, Guid reviewId, string byName, DateTime nowUtc)
    {
        if (Consequence != ChangeConsequence.FullReview)
        {
            return new DomainError(WrongConsequence.Code, WrongConsequence.MessageKey, Consequence);
        }

        var ready = Ready(contract, ChangeStatus.UnderReview, requireMoveOn: true);
        if (!ready.Succeeded)
        {
            return ready;
        }

        var held = contract.Hold(Id, Number);
        if (!held.Succeeded)
        {
            return held;
        }

        ReviewId = reviewId;
        Status = ChangeStatus.UnderReview;
        DecidedByName = byName;
        DecidedAtUtc = nowUtc;
        return Result.Success();
    }

    /// <summary>The review approved the changed content: it becomes the contract's new version.</summary>
    public Result ReviewApproved(Contract contract, string byName, DateTime nowUtc)
    {
        if (Status != ChangeStatus.UnderReview)
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, ChangeStatus.Implemented);
        }

        contract.Release(Id);
        var applied = ApplyLines(contract, byName, nowUtc);
        if (!applied.Succeeded)
        {
            // The change stays under review: the contract is held again (nothing is saved on a failure either way).
            var heldAgain = contract.Hold(Id, Number);
            return heldAgain.Succeeded ? applied : heldAgain;
        }

        Decide(ChangeStatus.Implemented, byName, null, nowUtc);
        return Result.Success();
    }

    /// <summary>The review rejected the changed content: the contract goes on as it was.</summary>
    public Result ReviewRejected(Contract contract, string byName, string? reason, DateTime nowUtc)
    {
        if (!ChangeTransitions.CanMove(Status, ChangeStatus.Rejected) || Status != ChangeStatus.UnderReview)
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, ChangeStatus.Rejected);
        }

        contract.Release(Id);
        Decide(ChangeStatus.Rejected, byName, reason, nowUtc);
        return Result.Success();
    }

    /// <summary>Termination: our side confirms too; with the customer's confirmation on record the contract ends.</summary>
    public Result ConfirmTermination(Contract contract, string byName, DateTime nowUtc, DateOnly today)
    {
        if (Consequence != ChangeConsequence.BothPartiesConfirm)
        {
            return new DomainError(WrongConsequence.Code, WrongConsequence.MessageKey, Consequence);
        }

        var ready = Ready(contract, ChangeStatus.Implemented, requireMoveOn: true);
        if (!ready.Succeeded)
        {
            return ready;
        }

        var terminated = contract.Terminate(What + " — " + Why, today);
        if (!terminated.Succeeded)
        {
            return terminated;
        }

        CompanyConfirmedByName = byName;
        CompanyConfirmedAtUtc = nowUtc;
        Decide(ChangeStatus.Implemented, byName, null, nowUtc);
        return Result.Success();
    }

    /// <summary>The company declines the change (it stays on record).</summary>
    public Result Reject(string byName, string reason, DateTime nowUtc)
    {
        if (Status != ChangeStatus.Requested)
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, ChangeStatus.Rejected);
        }

        Decide(ChangeStatus.Rejected, byName, reason, nowUtc);
        return Result.Success();
    }

    public Result Withdraw(Contract contract, string byName, string reason, DateTime nowUtc)
    {
        if (!ChangeTransitions.CanMove(Status, ChangeStatus.Withdrawn))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, ChangeStatus.Withdrawn);
        }

        contract.Release(Id);
        Decide(ChangeStatus.Withdrawn, byName, reason, nowUtc);
        return Result.Success();
    }

    public void AttachNotice(Guid noticeId) => NoticeId = noticeId;

    public void AttachQuotation(Guid quotationId) => QuotationId = quotationId;

    private Result Ready(Contract contract, ChangeStatus to, bool requireMoveOn)
    {
        if (!ChangeTransitions.CanMove(Status, to) || Status != ChangeStatus.Requested)
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, to);
        }

        var open = requireMoveOn ? contract.CanMoveOn() : contract.MustBeExecuting();
        if (!open.Succeeded)
        {
            return open;
        }

        return BaseVersion == contract.CurrentVersion
            ? Result.Success()
            : new DomainError(StaleBase.Code, StaleBase.MessageKey, BaseVersion, contract.CurrentVersion);
    }

    private Result ApplyLines(Contract contract, string byName, DateTime nowUtc)
    {
        if (!ChangeRules.ChangesLines(Kind) || _lines.Count == 0)
        {
            return Result.Success();
        }

        if (BaseVersion != contract.CurrentVersion)
        {
            return new DomainError(StaleBase.Code, StaleBase.MessageKey, BaseVersion, contract.CurrentVersion);
        }

        var applied = contract.ApplyVersion(ProposedLineData, Id, Number, byName, nowUtc);
        if (applied.Succeeded)
        {
            ResultingVersion = contract.CurrentVersion;
        }

        return applied;
    }

    private void Decide(ChangeStatus to, string byName, string? note, DateTime nowUtc)
    {
        if (!ChangeTransitions.CanMove(Status, to))
        {
            throw new InvalidOperationException($"Change transition {Status} → {to} is not in the table.");
        }

        Status = to;
        DecidedByName = byName;
        DecidedAtUtc = nowUtc;
        DecisionNote = note;
    }

    /// <summary>The form may post only the lines it changed; the others stay as they are.</summary>
    private static List<ContractLineData> Complete(IReadOnlyList<ContractLineData> current, IReadOnlyList<ContractLineData>? proposed) =>
        current.Select(c => proposed?.FirstOrDefault(p => p.LineNo == c.LineNo) is { } p
            ? c with { Description = p.Description, Specification = p.Specification, Quantity = p.Quantity, UnitPrice = p.UnitPrice, DeliveryDate = p.DeliveryDate }
            : c).ToList();
}

/// <summary>A proposed line of a change request.</summary>
public sealed class ContractChangeLine : BusinessRecord
{
    private ContractChangeLine()
    {
    }

    internal ContractChangeLine(Guid changeId, ContractLineData data)
    {
        ChangeId = changeId;
        LineNo = data.LineNo;
        ProductId = data.ProductId;
        Description = data.Description;
        Specification = data.Specification;
        Quantity = data.Quantity;
        Unit = data.Unit;
        UnitPrice = data.UnitPrice;
        DeliveryDate = data.DeliveryDate;
        DeliveryPlace = data.DeliveryPlace;
        Packaging = data.Packaging;
    }

    public Guid ChangeId { get; private set; }

    public int LineNo { get; private set; }

    public Guid? ProductId { get; private set; }

    public string Description { get; private set; } = "";

    public string? Specification { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal UnitPrice { get; private set; }

    public DateOnly? DeliveryDate { get; private set; }

    public string? DeliveryPlace { get; private set; }

    public string? Packaging { get; private set; }

    public ContractLineData ToData() =>
        new(LineNo, ProductId, Description, Specification, Quantity, Unit, UnitPrice, DeliveryDate, DeliveryPlace, Packaging);
}
