using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.CustomerProperty;

/// <summary>
/// One entry of the customer property register (顾客财产, docs/process.md §8): what the customer supplied or lent,
/// linked to the customer and to its order or contract, checked on receipt against specification and quantity,
/// inspected, stored with a custodian, used and returned. A problem is reported to the customer
/// (<see cref="PropertyIncident"/>) and the item is held until the customer's reply is on record.
/// </summary>
public sealed class CustomerPropertyItem : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int TextLength = 2000;
    public const int ShortLength = 200;
    public const int UnitLength = 20;

    public static readonly DomainError IllegalMove = new("property.illegal-move", "The property item cannot move from {0} to {1}.");
    public static readonly DomainError QuantityNotPositive = new("property.quantity", "The declared quantity must be above zero.");
    public static readonly DomainError ReceivedNegative = new("property.received-quantity", "The received quantity cannot be below zero.");
    public static readonly DomainError ReceivedInFuture = new("property.received.future", "The property cannot be received in the future.");
    public static readonly DomainError IncidentFirst = new(
        "property.incident-first", "The receipt does not match the specification or the quantity: report it to the customer before accepting the item.");
    public static readonly DomainError AwaitingReply = new("property.awaiting-reply", "The customer's reply to incident report {0} is not on record yet.");
    public static readonly DomainError StorageRequired = new("property.storage", "Enter the storage place and the custodian.");
    public static readonly DomainError IncidentNotFound = DomainError.NotFound("property.incident.not-found", "The incident report does not exist.");
    public static readonly DomainError AlreadyReplied = new("property.incident.replied", "The customer's reply to this incident report is recorded already.");
    public static readonly DomainError ReturnBeforeReceipt = new("property.return.date", "The return date must lie between the receipt and today.");
    public static readonly DomainError ReplyBeforeReport = new("property.reply.date", "The reply date must lie between the report and today.");

    private readonly List<PropertyIncident> _incidents = [];

    private CustomerPropertyItem()
    {
    }

    private CustomerPropertyItem(string number, Guid customerId, Guid? orderId, Guid? contractId, PropertyKind kind, string description, string? specification,
        decimal declaredQuantity, decimal receivedQuantity, string unit, bool matchesSpecification, DateOnly receivedOn, string? receiptNote,
        string byUserId, string byName, DateTime nowUtc)
    {
        Number = number;
        CustomerId = customerId;
        OrderId = orderId;
        ContractId = contractId;
        Kind = kind;
        Description = description;
        Specification = specification;
        DeclaredQuantity = declaredQuantity;
        ReceivedQuantity = receivedQuantity;
        Unit = unit;
        MatchesSpecification = matchesSpecification;
        ReceivedOn = receivedOn;
        ReceiptNote = receiptNote;
        ReceivedByUserId = byUserId;
        ReceivedByName = byName;
        RegisteredAtUtc = nowUtc;
    }

    /// <summary>CP-yyyy-nnnn.</summary>
    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    /// <summary>The order the property was declared on (its "customer property handling"), if any.</summary>
    public Guid? OrderId { get; private set; }

    public Guid? ContractId { get; private set; }

    public PropertyKind Kind { get; private set; }

    /// <summary>What it is: name, drawing number, serial number.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The specification it was checked against on receipt.</summary>
    public string? Specification { get; private set; }

    /// <summary>The quantity the customer's delivery papers state.</summary>
    public decimal DeclaredQuantity { get; private set; }

    /// <summary>The quantity counted on receipt.</summary>
    public decimal ReceivedQuantity { get; private set; }

    public string Unit { get; private set; } = "";

    /// <summary>Whether the goods matched the specification on receipt.</summary>
    public bool MatchesSpecification { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string? ReceiptNote { get; private set; }

    public string ReceivedByUserId { get; private set; } = "";

    public string ReceivedByName { get; private set; } = "";

    public DateTime RegisteredAtUtc { get; private set; }

    public PropertyStatus Status { get; private set; } = PropertyStatus.Received;

    public bool? InspectionPassed { get; private set; }

    public string? InspectionResult { get; private set; }

    public string? InspectedByName { get; private set; }

    public DateTime? InspectedAtUtc { get; private set; }

    public string? StoragePlace { get; private set; }

    public string? CustodianName { get; private set; }

    /// <summary>What the item is used for (production order, test, …), the latest entry; earlier ones are in the history.</summary>
    public string? UseNote { get; private set; }

    public string? UseRecordedByName { get; private set; }

    public DateTime? UseRecordedAtUtc { get; private set; }

    public DateOnly? ReturnedOn { get; private set; }

    public string? ReturnNote { get; private set; }

    public string? ReturnedByName { get; private set; }

    public int Version { get; private set; }

    /// <summary>The disposal that blanked this item's texts after its retention period (ADR 0041); null while kept.</summary>
    public Guid? DisposalId { get; private set; }

    public DateTime? DisposedAtUtc { get; private set; }

    public IReadOnlyList<PropertyIncident> Incidents => _incidents;

    public bool HasQuantityMismatch => DeclaredQuantity != ReceivedQuantity;

    /// <summary>The receipt check found a difference (specification or quantity) that the customer must be told about.</summary>
    public bool ReceiptDiffers => HasQuantityMismatch || !MatchesSpecification;

    public PropertyIncident? AwaitingCustomer => _incidents.FirstOrDefault(i => !i.IsAnswered);

    public static Result<CustomerPropertyItem> Register(string number, Guid customerId, Guid? orderId, Guid? contractId, PropertyKind kind, string description,
        string? specification, decimal declaredQuantity, decimal receivedQuantity, string unit, bool matchesSpecification, DateOnly receivedOn, string? receiptNote,
        string byUserId, string byName, DateTime nowUtc, DateOnly today)
    {
        if (declaredQuantity <= 0)
        {
            return QuantityNotPositive;
        }

        if (receivedQuantity < 0)
        {
            return ReceivedNegative;
        }

        if (receivedOn > today)
        {
            return ReceivedInFuture;
        }

        return Result<CustomerPropertyItem>.Success(new CustomerPropertyItem(number, customerId, orderId, contractId, kind, description, specification,
            declaredQuantity, receivedQuantity, unit, matchesSpecification, receivedOn, receiptNote, byUserId, byName, nowUtc));
    }

    /// <summary>Quality inspects a received item (or one on hold once the customer has answered): passed → into storage with
    /// its place and custodian; failed → on hold, to be reported to the customer.</summary>
    public Result Inspect(bool passed, string result, string? storagePlace, string? custodian, string byName, DateTime nowUtc)
    {
        if (Status is not (PropertyStatus.Received or PropertyStatus.OnHold))
        {
            return IllegalMove.With(Status, passed ? PropertyStatus.InStorage : PropertyStatus.OnHold);
        }

        if (passed)
        {
            if (AwaitingCustomer is { } open)
            {
                return AwaitingReply.With(open.Number);
            }

            if (ReceiptDiffers && _incidents.Count == 0)
            {
                return IncidentFirst;
            }

            if (string.IsNullOrWhiteSpace(storagePlace) || string.IsNullOrWhiteSpace(custodian))
            {
                return StorageRequired;
            }
        }

        var moved = Move(passed ? PropertyStatus.InStorage : PropertyStatus.OnHold);
        if (moved.Succeeded)
        {
            InspectionPassed = passed;
            InspectionResult = result;
            InspectedByName = byName;
            InspectedAtUtc = nowUtc;
            if (passed)
            {
                StoragePlace = storagePlace;
                CustodianName = custodian;
            }
        }

        return moved;
    }

    /// <summary>The item is taken out for use (<paramref name="inUse"/>) or put back into storage after use.</summary>
    public Result RecordUse(string note, bool inUse, string byName, DateTime nowUtc)
    {
        if (Status is not (PropertyStatus.InStorage or PropertyStatus.InUse))
        {
            return IllegalMove.With(Status, inUse ? PropertyStatus.InUse : PropertyStatus.InStorage);
        }

        var moved = Move(inUse ? PropertyStatus.InUse : PropertyStatus.InStorage);
        if (moved.Succeeded)
        {
            UseNote = note;
            UseRecordedByName = byName;
            UseRecordedAtUtc = nowUtc;
        }

        return moved;
    }

    /// <summary>A problem is reported to the customer (顾客财产问题报告): the item is held until the customer answers, or is lost.</summary>
    public Result<PropertyIncident> ReportIncident(string number, PropertyIncidentKind kind, string description, string byUserId, string byName, DateTime nowUtc)
    {
        var to = kind == PropertyIncidentKind.Loss ? PropertyStatus.Lost : PropertyStatus.OnHold;
        var moved = Move(to);
        if (!moved.Succeeded)
        {
            return moved.Error!;
        }

        var incident = new PropertyIncident(Id, number, kind, description, byUserId, byName, nowUtc);
        _incidents.Add(incident);
        return Result<PropertyIncident>.Success(incident);
    }

    /// <summary>The customer's reply to an incident report is put on record.</summary>
    public Result RecordReply(Guid incidentId, string reply, DateOnly repliedOn, string byName, DateTime nowUtc, DateOnly today)
    {
        var incident = _incidents.FirstOrDefault(i => i.Id == incidentId);
        if (incident is null)
        {
            return IncidentNotFound;
        }

        if (incident.IsAnswered)
        {
            return AlreadyReplied;
        }

        if (repliedOn > today || repliedOn < DateOnly.FromDateTime(incident.ReportedAtUtc.Date).AddDays(-1))
        {
            return ReplyBeforeReport;
        }

        incident.RecordReply(reply, repliedOn, byName, nowUtc);
        return Result.Success();
    }

    /// <summary>The item goes back to the customer; every incident report must have the customer's reply on record.</summary>
    public Result Return(DateOnly returnedOn, string note, string byName, DateOnly today)
    {
        if (AwaitingCustomer is { } open)
        {
            return AwaitingReply.With(open.Number);
        }

        if (returnedOn < ReceivedOn || returnedOn > today)
        {
            return ReturnBeforeReceipt;
        }

        var moved = Move(PropertyStatus.Returned);
        if (moved.Succeeded)
        {
            ReturnedOn = returnedOn;
            ReturnNote = note;
            ReturnedByName = byName;
        }

        return moved;
    }

    /// <summary>The content a disposal blanks, in a fixed order, for the disposal's hash (ADR 0041).</summary>
    public string RetainedContent() =>
        string.Join('\n', new[] { Number, Description, Specification ?? "", ReceiptNote ?? "", InspectionResult ?? "", StoragePlace ?? "", UseNote ?? "", ReturnNote ?? "" }
            .Concat(_incidents.OrderBy(i => i.Number, StringComparer.Ordinal).SelectMany(i => new[] { i.Description, i.CustomerReply ?? "" })));

    /// <summary>Disposal after the retention period (ADR 0041): number, kind, quantities, unit, dates, status, the
    /// inspection's verdict, the people who acted and the links stay; the descriptions and notes are blanked.</summary>
    public Result MarkDisposed(Guid disposalId, DateTime nowUtc)
    {
        if (ReturnedOn is null)
        {
            return Retention.DisposalRecord.NotClosed.With(Number);
        }

        if (DisposalId is not null)
        {
            return Retention.DisposalRecord.AlreadyDisposed.With(Number);
        }

        DisposalId = disposalId;
        DisposedAtUtc = nowUtc;
        Description = "";
        Specification = null;
        ReceiptNote = null;
        InspectionResult = InspectionResult is null ? null : "";
        StoragePlace = StoragePlace is null ? null : "";
        UseNote = null;
        ReturnNote = ReturnNote is null ? null : "";
        foreach (var incident in _incidents)
        {
            incident.BlankForDisposal();
        }

        return Result.Success();
    }

    private Result Move(PropertyStatus to)
    {
        if (!PropertyTransitions.CanMove(Status, to))
        {
            return IllegalMove.With(Status, to);
        }

        Status = to;
        return Result.Success();
    }
}

/// <summary>A customer property incident report (顾客财产问题报告): what went wrong, passed to the customer, and the customer's reply.</summary>
public sealed class PropertyIncident : BusinessRecord, IVersioned
{
    private PropertyIncident()
    {
    }

    internal PropertyIncident(Guid itemId, string number, PropertyIncidentKind kind, string description, string byUserId, string byName, DateTime nowUtc)
    {
        ItemId = itemId;
        Number = number;
        Kind = kind;
        Description = description;
        ReportedByUserId = byUserId;
        ReportedByName = byName;
        ReportedAtUtc = nowUtc;
    }

    public Guid ItemId { get; private set; }

    /// <summary>CPR-yyyy-nnnn.</summary>
    public string Number { get; private set; } = "";

    public PropertyIncidentKind Kind { get; private set; }

    public string Description { get; private set; } = "";

    public string ReportedByUserId { get; private set; } = "";

    public string ReportedByName { get; private set; } = "";

    /// <summary>When the report was made and passed to the customer.</summary>
    public DateTime ReportedAtUtc { get; private set; }

    public string? CustomerReply { get; private set; }

    public DateOnly? RepliedOn { get; private set; }

    public string? ReplyRecordedByName { get; private set; }

    public DateTime? ReplyRecordedAtUtc { get; private set; }

    public int Version { get; private set; }

    public bool IsAnswered => CustomerReply is not null;

    internal void BlankForDisposal()
    {
        Description = "";
        CustomerReply = CustomerReply is null ? null : "";
    }

    internal void RecordReply(string reply, DateOnly repliedOn, string byName, DateTime nowUtc)
    {
        CustomerReply = reply;
        RepliedOn = repliedOn;
        ReplyRecordedByName = byName;
        ReplyRecordedAtUtc = nowUtc;
    }
}
