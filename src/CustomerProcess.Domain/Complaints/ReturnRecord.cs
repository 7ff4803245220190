using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Complaints;

/// <summary>What happens to founded (nonconforming) returned goods once they are booked back (不合格品处置).</summary>
public enum NonconformingDisposition
{
    Rework,
    Repair,
    Regrade,
    Concession,
    Scrap,
    ReturnToSupplier,
}

/// <summary>Returned goods (退货), registered against a complaint or a contract: quality inspects them; an
/// unfounded return is settled by sales with the customer, a founded one is nonconforming product,
/// booked back with its disposition.</summary>
public sealed class ReturnRecord : BusinessRecord, IVersioned
{
    public const int TextLength = 2000;
    public const int UnitLength = 20;

    public static readonly DomainError IllegalMove = new("return.illegal-move", "The return cannot move from {0} to {1}.");
    public static readonly DomainError WrongOutcome = new("return.wrong-outcome", "A founded return is booked back; an unfounded one is settled with the customer.");
    public static readonly DomainError QuantityNotPositive = new("return.quantity", "The quantity must be above zero.");
    public static readonly DomainError ReceivedInFuture = new("return.received.future", "The goods cannot be received in the future.");

    private ReturnRecord()
    {
    }

    private ReturnRecord(Guid? complaintId, Guid? contractId, Guid? productId, decimal quantity, string unit, DateTime receivedAtUtc, string description,
        string registeredByUserId, string registeredByName, DateTime nowUtc)
    {
        ComplaintId = complaintId;
        ContractId = contractId;
        ProductId = productId;
        Quantity = quantity;
        Unit = unit;
        ReceivedAtUtc = receivedAtUtc;
        Description = description;
        RegisteredByUserId = registeredByUserId;
        RegisteredByName = registeredByName;
        RegisteredAtUtc = nowUtc;
    }

    /// <summary>The complaint the goods came back with (null when registered against a contract only).</summary>
    public Guid? ComplaintId { get; private set; }

    /// <summary>The contract the goods were delivered under (null when registered against a complaint).</summary>
    public Guid? ContractId { get; private set; }

    /// <summary>The catalogue product returned; for a complaint's return, null means the complaint's product.</summary>
    public Guid? ProductId { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    /// <summary>When the goods were received back.</summary>
    public DateTime ReceivedAtUtc { get; private set; }

    public string Description { get; private set; } = "";

    public string? RegisteredByUserId { get; private set; }

    public string? RegisteredByName { get; private set; }

    public DateTime? RegisteredAtUtc { get; private set; }

    public ReturnStatus Status { get; private set; } = ReturnStatus.Registered;

    public string? InspectionResult { get; private set; }

    /// <summary>Whether the customer's reason holds: true makes the goods nonconforming product.</summary>
    public bool? IsFounded { get; private set; }

    public string? InspectedByName { get; private set; }

    public DateTime? InspectedAtUtc { get; private set; }

    /// <summary>The department (code) the inspector acted for, at the time (docs/adr/0035).</summary>
    public string? InspectedByDepartment { get; private set; }

    /// <summary>Settlement with the customer (unfounded) or note on the disposition of the nonconforming goods (founded).</summary>
    public string? Outcome { get; private set; }

    public NonconformingDisposition? Disposition { get; private set; }

    public string? OutcomeByName { get; private set; }

    public DateTime? OutcomeAtUtc { get; private set; }

    /// <summary>The department (code) of the person who settled or booked back, at the time.</summary>
    public string? OutcomeByDepartment { get; private set; }

    public int Version { get; private set; }

    public bool IsNonconforming => IsFounded == true;

    public static Result<ReturnRecord> ForComplaint(Guid complaintId, Guid? productId, decimal quantity, string unit, DateTime receivedAtUtc, string description,
        string byUserId, string byName, DateTime nowUtc) =>
        Register(complaintId, null, productId, quantity, unit, receivedAtUtc, description, byUserId, byName, nowUtc);

    public static Result<ReturnRecord> ForContract(Guid contractId, Guid? productId, decimal quantity, string unit, DateTime receivedAtUtc, string description,
        string byUserId, string byName, DateTime nowUtc) =>
        Register(null, contractId, productId, quantity, unit, receivedAtUtc, description, byUserId, byName, nowUtc);

    public Result Inspect(string result, bool founded, string byName, DateTime nowUtc, string? byDepartment = null)
    {
        var moved = Move(ReturnStatus.Inspected);
        if (moved.Succeeded)
        {
            InspectionResult = result;
            IsFounded = founded;
            InspectedByName = byName;
            InspectedByDepartment = byDepartment;
            InspectedAtUtc = nowUtc;
        }

        return moved;
    }

    /// <summary>Sales records what was agreed with the customer about an unfounded return.</summary>
    public Result Settle(string settlement, string byName, DateTime nowUtc, string? byDepartment = null) =>
        Finish(ReturnStatus.Settled, founded: false, settlement, null, byName, nowUtc, byDepartment);

    /// <summary>Quality books founded (nonconforming) goods back with their disposition.</summary>
    public Result BookBack(NonconformingDisposition disposition, string note, string byName, DateTime nowUtc, string? byDepartment = null) =>
        Finish(ReturnStatus.BookedBack, founded: true, note, disposition, byName, nowUtc, byDepartment);

    private static Result<ReturnRecord> Register(Guid? complaintId, Guid? contractId, Guid? productId, decimal quantity, string unit, DateTime receivedAtUtc,
        string description, string byUserId, string byName, DateTime nowUtc)
    {
        if (quantity <= 0)
        {
            return QuantityNotPositive;
        }

        if (receivedAtUtc > nowUtc + Complaint.ClockTolerance)
        {
            return ReceivedInFuture;
        }

        return Result<ReturnRecord>.Success(new ReturnRecord(complaintId, contractId, productId, quantity, unit, receivedAtUtc, description, byUserId, byName, nowUtc));
    }

    private Result Finish(ReturnStatus to, bool founded, string outcome, NonconformingDisposition? disposition, string byName, DateTime nowUtc, string? byDepartment)
    {
        if (Status == ReturnStatus.Inspected && IsFounded != founded)
        {
            return WrongOutcome;
        }

        var moved = Move(to);
        if (moved.Succeeded)
        {
            Outcome = outcome;
            Disposition = disposition;
            OutcomeByName = byName;
            OutcomeByDepartment = byDepartment;
            OutcomeAtUtc = nowUtc;
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
