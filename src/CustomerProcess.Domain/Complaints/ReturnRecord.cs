using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Complaints;

/// <summary>Returned goods (退货): inspected by quality; an unfounded return is settled by sales with the
/// customer, a founded one is nonconforming product booked back with its disposition.</summary>
public sealed class ReturnRecord : BusinessRecord
{
    public const int TextLength = 2000;

    public static readonly DomainError IllegalMove = new("return.illegal-move", "The return cannot move from {0} to {1}.");
    public static readonly DomainError WrongOutcome = new("return.wrong-outcome", "A founded return is booked back; an unfounded one is settled with the customer.");

    private ReturnRecord()
    {
    }

    public ReturnRecord(Guid complaintId, decimal quantity, string unit, DateTime receivedAtUtc, string description)
    {
        ComplaintId = complaintId;
        Quantity = quantity;
        Unit = unit;
        ReceivedAtUtc = receivedAtUtc;
        Description = description;
    }

    public Guid ComplaintId { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public DateTime ReceivedAtUtc { get; private set; }

    public string Description { get; private set; } = "";

    public ReturnStatus Status { get; private set; } = ReturnStatus.Registered;

    public string? InspectionResult { get; private set; }

    public bool? IsFounded { get; private set; }

    public string? InspectedByName { get; private set; }

    /// <summary>Settlement with the customer (unfounded) or disposition of the nonconforming goods (founded).</summary>
    public string? Outcome { get; private set; }

    public string? OutcomeByName { get; private set; }

    public Result Inspect(string result, bool founded, string byName)
    {
        var moved = Move(ReturnStatus.Inspected);
        if (moved.Succeeded)
        {
            InspectionResult = result;
            IsFounded = founded;
            InspectedByName = byName;
        }

        return moved;
    }

    public Result Settle(string settlement, string byName) => Finish(ReturnStatus.Settled, founded: false, settlement, byName);

    public Result BookBack(string disposition, string byName) => Finish(ReturnStatus.BookedBack, founded: true, disposition, byName);

    private Result Finish(ReturnStatus to, bool founded, string outcome, string byName)
    {
        if (Status == ReturnStatus.Inspected && IsFounded != founded)
        {
            return WrongOutcome;
        }

        var moved = Move(to);
        if (moved.Succeeded)
        {
            Outcome = outcome;
            OutcomeByName = byName;
        }

        return moved;
    }

    private Result Move(ReturnStatus to)
    {
        if (!ComplaintTransitions.CanMove(Status, to))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, to);
        }

        Status = to;
        return Result.Success();
    }
}
