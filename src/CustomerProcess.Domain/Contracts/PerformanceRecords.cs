using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

/// <summary>How much of one line goes out with a delivery.</summary>
public sealed record DeliveryQuantity(int LineNo, decimal Quantity);

/// <summary>A delivery against the contract (partial or complete), with its bill of lading (提货单).</summary>
public sealed class Delivery : BusinessRecord
{
    public const int ReferenceLength = 100;
    public const int NoteLength = 1000;

    private readonly List<DeliveryLine> _lines = [];

    private Delivery()
    {
    }

    internal Delivery(Guid contractId, int number, DateOnly deliveredOn, string billOfLading, string? note, IEnumerable<DeliveryQuantity> quantities, string recordedByName, DateTime nowUtc)
    {
        ContractId = contractId;
        Number = number;
        DeliveredOn = deliveredOn;
        BillOfLading = billOfLading;
        Note = note;
        RecordedByName = recordedByName;
        RecordedAtUtc = nowUtc;
        _lines.AddRange(quantities.Select(q => new DeliveryLine(Id, q.LineNo, q.Quantity)));
    }

    public Guid ContractId { get; private set; }

    /// <summary>1, 2, 3 … per contract.</summary>
    public int Number { get; private set; }

    public DateOnly DeliveredOn { get; private set; }

    public string BillOfLading { get; private set; } = "";

    public string? Note { get; private set; }

    /// <summary>True when this delivery completed every line of the contract.</summary>
    public bool CompletedDelivery { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    public IReadOnlyList<DeliveryLine> Lines => _lines;

    internal void BlankForDisposal() => Note = null;

    internal void MarkCompleting() => CompletedDelivery = true;
}

public sealed class DeliveryLine : BusinessRecord
{
    private DeliveryLine()
    {
    }

    internal DeliveryLine(Guid deliveryId, int lineNo, decimal quantity)
    {
        DeliveryId = deliveryId;
        LineNo = lineNo;
        Quantity = quantity;
    }

    public Guid DeliveryId { get; private set; }

    public int LineNo { get; private set; }

    public decimal Quantity { get; private set; }
}

/// <summary>An invoice issued to the customer; its payment falls due after the contract's payment term.</summary>
public sealed class Invoice : BusinessRecord
{
    public const int NumberLength = 50;

    private Invoice()
    {
    }

    internal Invoice(Guid contractId, string number, DateOnly issuedOn, DateOnly dueOn, long amountMinor, string recordedByName, DateTime nowUtc)
    {
        ContractId = contractId;
        Number = number;
        IssuedOn = issuedOn;
        DueOn = dueOn;
        AmountMinor = amountMinor;
        RecordedByName = recordedByName;
        RecordedAtUtc = nowUtc;
    }

    public Guid ContractId { get; private set; }

    /// <summary>The invoice number printed on the (VAT) invoice.</summary>
    public string Number { get; private set; } = "";

    public DateOnly IssuedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public long AmountMinor { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }
}

/// <summary>A payment received from the customer.</summary>
public sealed class Payment : BusinessRecord
{
    public const int ReferenceLength = 100;

    private Payment()
    {
    }

    internal Payment(Guid contractId, DateOnly receivedOn, long amountMinor, string? reference, string recordedByName, DateTime nowUtc)
    {
        ContractId = contractId;
        ReceivedOn = receivedOn;
        AmountMinor = amountMinor;
        Reference = reference;
        RecordedByName = recordedByName;
        RecordedAtUtc = nowUtc;
    }

    public Guid ContractId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public long AmountMinor { get; private set; }

    /// <summary>Bank slip or voucher reference.</summary>
    public string? Reference { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }
}
