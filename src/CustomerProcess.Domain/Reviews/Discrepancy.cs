using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Reviews;

/// <summary>合同不一致问题处理单 (docs/process.md §4.3): raised by a reviewer instead of signing, resolved
/// by the sales manager with the customer, confirmed (or reopened) by the raising department.</summary>
public sealed class Discrepancy : BusinessRecord, IVersioned
{
    public const int TextLength = 2000;

    private Discrepancy()
    {
    }

    internal Discrepancy(Guid reviewId, int number, string departmentCode, string raisedByUserId, string raisedByName, string clause, string description, DateTime nowUtc)
    {
        ReviewId = reviewId;
        Number = number;
        DepartmentCode = departmentCode;
        RaisedByUserId = raisedByUserId;
        RaisedByName = raisedByName;
        Clause = clause;
        Description = description;
        RaisedAtUtc = nowUtc;
    }

    public Guid ReviewId { get; private set; }

    public int Number { get; private set; }

    public string DepartmentCode { get; private set; } = "";

    public string RaisedByUserId { get; private set; } = "";

    public string RaisedByName { get; private set; } = "";

    public string Clause { get; private set; } = "";

    public string Description { get; private set; } = "";

    public DateTime RaisedAtUtc { get; private set; }

    public DiscrepancyStatus Status { get; private set; } = DiscrepancyStatus.Open;

    public string? Resolution { get; private set; }

    public EvidenceType? EvidenceType { get; private set; }

    public string? EvidenceReference { get; private set; }

    public bool ChangedOrderContent { get; private set; }

    public string? ResolvedByName { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public string? ReopenReason { get; private set; }

    public int Version { get; private set; }

    internal void BlankForDisposal()
    {
        Clause = "";
        Description = "";
        Resolution = Resolution is null ? null : "";
        EvidenceReference = EvidenceReference is null ? null : "";
        ReopenReason = ReopenReason is null ? null : "";
    }

    internal bool Resolve(string resolution, EvidenceType evidence, string? reference, bool changesContent, string byName, DateTime nowUtc)
    {
        if (!Move(DiscrepancyStatus.Resolved))
        {
            return false;
        }

        Resolution = resolution;
        EvidenceType = evidence;
        EvidenceReference = reference;
        ChangedOrderContent = changesContent;
        ResolvedByName = byName;
        ResolvedAtUtc = nowUtc;
        return true;
    }

    internal bool Confirm(string byName, DateTime nowUtc)
    {
        if (!Move(DiscrepancyStatus.Confirmed))
        {
            return false;
        }

        ConfirmedByName = byName;
        ConfirmedAtUtc = nowUtc;
        return true;
    }

    internal bool Reopen(string reason)
    {
        if (!Move(DiscrepancyStatus.Open))
        {
            return false;
        }

        ReopenReason = reason;
        return true;
    }

    private bool Move(DiscrepancyStatus to)
    {
        if (!ReviewTransitions.CanMove(Status, to))
        {
            return false;
        }

        Status = to;
        return true;
    }
}
