using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

public enum ContractStatus
{
    Executing,
    Completed,
    Terminated,
}

public static class ContractTransitions
{
    public static bool CanMove(ContractStatus from, ContractStatus to) => from switch
    {
        ContractStatus.Executing => to is ContractStatus.Completed or ContractStatus.Terminated,
        ContractStatus.Completed => false,
        ContractStatus.Terminated => false,
    };
}

/// <summary>
/// A signed contract in the ledger (合同台帐), docs/process.md §5: its versions and lines, and its performance
/// (deliveries, invoices, payments). The performance totals and the two "due" dates are kept on the row
/// so the ledger can filter, sum and flag overdue contracts in SQL on every provider.
/// </summary>
public sealed class Contract : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int TextLength = 2000;
    public const int CustomerContractNumberLength = 100;

    public static readonly DomainError IllegalMove = new("contract.illegal-move", "The contract cannot move from {0} to {1}.");
    public static readonly DomainError NotExecuting = new("contract.not-executing", "The contract is {0}; this is possible only while it is executing.");
    public static readonly DomainError HeldForChange = new("contract.held", "Change {0} is under review: the contract cannot move on until the review approves it.");
    public static readonly DomainError AlreadyOpened = new("contract.opened", "The contract's lines are already recorded.");
    public static readonly DomainError NothingDelivered = new("contract.nothing-delivered", "Enter the quantity delivered for at least one line.");
    public static readonly DomainError NoSuchLine = new("contract.no-line", "The contract has no line {0}.");
    public static readonly DomainError OverDelivery = new("contract.over-delivery", "Line {0}: only {1} remain to be delivered.");
    public static readonly DomainError AmountNotPositive = new("contract.amount", "The amount must be more than zero.");
    public static readonly DomainError OverInvoiced = new("contract.over-invoiced", "Only {0} remain to be invoiced.");
    public static readonly DomainError DuplicateInvoice = new("contract.invoice-duplicate", "Invoice {0} is already recorded on this contract.");
    public static readonly DomainError OverPaid = new("contract.over-paid", "Only {0} remain to be paid.");
    public static readonly DomainError ReasonRequired = new("contract.reason", "Give the reason for closing the contract.");
    public static readonly DomainError QuantityBelowDelivered = new("contract.below-delivered", "Line {0}: the quantity cannot be less than the {1} already delivered.");
    public static readonly DomainError AmountBelowInvoiced = new("contract.below-invoiced", "The new amount {0} would be less than the {1} already invoiced.");
    public static readonly DomainError LinesMismatch = new("contract.lines-mismatch", "A version must keep every line of the contract.");

    private readonly List<ContractLine> _lines = [];
    private readonly List<ContractVersion> _versions = [];
    private readonly List<Delivery> _deliveries = [];
    private readonly List<Invoice> _invoices = [];
    private readonly List<Payment> _payments = [];

    private Contract()
    {
    }

    public Contract(string number, Guid orderId, Guid reviewId, Guid customerId, long amountMinor, string currency, DateOnly signedOn, string signedByUserId, string signedByName, string? customerContractNumber, DateTime nowUtc)
    {
        Number = number;
        OrderId = orderId;
        ReviewId = reviewId;
        CustomerId = customerId;
        AmountMinor = amountMinor;
        Currency = currency;
        SignedOn = signedOn;
        SignedByUserId = signedByUserId;
        SignedByName = signedByName;
        CustomerContractNumber = customerContractNumber;
        EnteredAtUtc = nowUtc;
    }

    /// <summary>HT-yyyy-nnnn, sequential per year.</summary>
    public string Number { get; private set; } = "";

    public Guid OrderId { get; private set; }

    public Guid ReviewId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>Amount of the current version in minor units (fen): SQL can filter and sort it on every provider.</summary>
    public long AmountMinor { get; private set; }

    public decimal Amount => AmountMinor / 100m;

    public string Currency { get; private set; } = "CNY";

    public DateOnly SignedOn { get; private set; }

    public string SignedByUserId { get; private set; } = "";

    public string SignedByName { get; private set; } = "";

    public string? CustomerContractNumber { get; private set; }

    public DateTime EnteredAtUtc { get; private set; }

    public ContractStatus Status { get; private set; } = ContractStatus.Executing;

    public string? ClosingReason { get; private set; }

    /// <summary>The day it was completed or terminated.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The current version (1 = as signed; 0 only for a contract whose lines were never recorded).</summary>
    public int CurrentVersion { get; private set; }

    /// <summary>Payment term agreed at signing (from the customer archive), for due dates.</summary>
    public int PaymentTermDays { get; private set; }

    public long DeliveredMinor { get; private set; }

    public long InvoicedMinor { get; private set; }

    public long PaidMinor { get; private set; }

    public bool IsFullyDelivered { get; private set; }

    /// <summary>Earliest delivery date of a line not fully delivered: overdue when today is after it.</summary>
    public DateOnly? NextDeliveryDue { get; private set; }

    /// <summary>Due date of the oldest invoice not covered by payments: overdue when today is after it.</summary>
    public DateOnly? PaymentDue { get; private set; }

    /// <summary>A structure or specification change under review holds the contract.</summary>
    public Guid? HeldByChangeId { get; private set; }

    public string? HeldByChangeNumber { get; private set; }

    public int Version { get; private set; }

    /// <summary>The disposal that blanked this contract's texts after its retention period (ADR 0041); null while kept.</summary>
    public Guid? DisposalId { get; private set; }

    public DateTime? DisposedAtUtc { get; private set; }

    public IReadOnlyList<ContractLine> AllLines => _lines;

    public IReadOnlyList<ContractLine> Lines => _lines.Where(l => l.Version == CurrentVersion).OrderBy(l => l.LineNo).ToList();

    public IReadOnlyList<ContractVersion> Versions => _versions.OrderBy(v => v.Number).ToList();

    public IReadOnlyList<Delivery> Deliveries => _deliveries.OrderBy(d => d.Number).ToList();

    public IReadOnlyList<Invoice> Invoices => _invoices.OrderBy(i => i.IssuedOn).ThenBy(i => i.Number).ToList();

    public IReadOnlyList<Payment> Payments => _payments.OrderBy(p => p.ReceivedOn).ThenBy(p => p.RecordedAtUtc).ToList();

    public bool IsHeld => HeldByChangeId is not null;

    public decimal DeliveredPercent => ContractPerformance.Percent(DeliveredMinor, AmountMinor);

    public decimal InvoicedPercent => ContractPerformance.Percent(InvoicedMinor, AmountMinor);

    public decimal PaidPercent => ContractPerformance.Percent(PaidMinor, AmountMinor);

    public bool IsFullyPaid => PaidMinor >= AmountMinor;

    public bool IsDeliveryOverdue(DateOnly today) => Status == ContractStatus.Executing && ContractPerformance.IsDeliveryOverdue(NextDeliveryDue, today);

    public bool IsPaymentOverdue(DateOnly today) => Status == ContractStatus.Executing && ContractPerformance.IsPaymentOverdue(PaymentDue, today);

    public decimal DeliveredQuantity(int lineNo) =>
        _deliveries.SelectMany(d => d.Lines).Where(l => l.LineNo == lineNo).Sum(l => l.Quantity);

    public IReadOnlyList<LinePerformance> LinePerformance() =>
        Lines.Select(l => new LinePerformance(l.LineNo, l.Quantity, DeliveredQuantity(l.LineNo), l.UnitPrice, l.DeliveryDate)).ToList();

    public IReadOnlyList<ContractLine> LinesOfVersion(int version) => _lines.Where(l => l.Version == version).OrderBy(l => l.LineNo).ToList();

    /// <summary>Records the lines as signed (version 1) and the payment term.</summary>
    public Result Open(IReadOnlyList<ContractLineData> lines, int paymentTermDays, string byName, DateTime nowUtc)
    {
        if (CurrentVersion != 0)
        {
            return AlreadyOpened;
        }

        PaymentTermDays = paymentTermDays;
        AddVersion(lines, null, null, byName, nowUtc);
        return Result.Success();
    }

    public Result<Delivery> RecordDelivery(DateOnly deliveredOn, string billOfLading, string? note, IReadOnlyList<DeliveryQuantity> quantities, string byName, DateTime nowUtc)
    {
        var open = CanMoveOn();
        if (!open.Succeeded)
        {
            return open.Error!;
        }

        var posted = quantities.Where(q => q.Quantity != 0).ToList();
        if (posted.Count == 0 || posted.Any(q => q.Quantity < 0))
        {
            return NothingDelivered;
        }

        var lines = LinePerformance().ToDictionary(l => l.LineNo);
        foreach (var group in posted.GroupBy(q => q.LineNo))
        {
            if (!lines.TryGetValue(group.Key, out var line))
            {
                return new DomainError(NoSuchLine.Code, NoSuchLine.MessageKey, group.Key);
            }

            if (group.Sum(q => q.Quantity) > line.Remaining)
            {
                return new DomainError(OverDelivery.Code, OverDelivery.MessageKey, group.Key, ContractPerformance.Normalize(line.Remaining));
            }
        }

        var delivery = new Delivery(Id, _deliveries.Count + 1, deliveredOn, billOfLading, note, posted, byName, nowUtc);
        _deliveries.Add(delivery);
        Refresh();
        if (IsFullyDelivered)
        {
            delivery.MarkCompleting();
        }

        return Result<Delivery>.Success(delivery);
    }

    public Result<Invoice> RecordInvoice(string number, DateOnly issuedOn, long amountMinor, string byName, DateTime nowUtc)
    {
        var executing = MustBeExecuting();
        if (!executing.Succeeded)
        {
            return executing.Error!;
        }

        if (amountMinor <= 0)
        {
            return AmountNotPositive;
        }

        if (InvoicedMinor + amountMinor > AmountMinor)
        {
            return new DomainError(OverInvoiced.Code, OverInvoiced.MessageKey, (AmountMinor - InvoicedMinor) / 100m);
        }

        if (_invoices.Any(i => string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase)))
        {
            return new DomainError(DuplicateInvoice.Code, DuplicateInvoice.MessageKey, number);
        }

        var invoice = new Invoice(Id, number, issuedOn, ContractPerformance.DueDate(issuedOn, PaymentTermDays), amountMinor, byName, nowUtc);
        _invoices.Add(invoice);
        Refresh();
        return Result<Invoice>.Success(invoice);
    }

    public Result<Payment> RecordPayment(DateOnly receivedOn, long amountMinor, string? reference, string byName, DateTime nowUtc)
    {
        var executing = MustBeExecuting();
        if (!executing.Succeeded)
        {
            return executing.Error!;
        }

        if (amountMinor <= 0)
        {
            return AmountNotPositive;
        }

        if (PaidMinor + amountMinor > AmountMinor)
        {
            return new DomainError(OverPaid.Code, OverPaid.MessageKey, (AmountMinor - PaidMinor) / 100m);
        }

        var payment = new Payment(Id, receivedOn, amountMinor, reference, byName, nowUtc);
        _payments.Add(payment);
        Refresh();
        return Result<Payment>.Success(payment);
    }

    /// <summary>Fully delivered and fully paid: the contract completes by itself. Returns true when it did.</summary>
    public bool CompleteWhenPerformed(DateOnly today)
    {
        if (Status != ContractStatus.Executing || IsHeld || CurrentVersion == 0 || !IsFullyDelivered || !IsFullyPaid)
        {
            return false;
        }

        return Move(ContractStatus.Completed, null, today).Succeeded;
    }

    /// <summary>The contract administrator closes a contract that will not be performed further, with a reason.</summary>
    public Result CloseManually(string reason, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReasonRequired;
        }

        var open = CanMoveOn();
        return open.Succeeded ? Move(ContractStatus.Completed, reason, today) : open;
    }

    /// <summary>The content a disposal blanks, in a fixed order, for the disposal's hash (ADR 0041): the closing reason,
    /// every line's description, specification, delivery place and packaging (all versions), every delivery's note.</summary>
    public string RetainedContent() =>
        string.Join('\n', new[] { Number, ClosingReason ?? "" }
            .Concat(_lines.OrderBy(l => l.Version).ThenBy(l => l.LineNo).SelectMany(l => new[] { l.Description, l.Specification ?? "", l.DeliveryPlace ?? "", l.Packaging ?? "" }))
            .Concat(_deliveries.OrderBy(d => d.Number).Select(d => d.Note ?? "")));

    /// <summary>Disposal after the retention period (ADR 0041): number, dates, status, amounts, quantities, prices, bills
    /// of lading, invoices, payments and the people who acted stay; the texts of <see cref="RetainedContent"/> are blanked.</summary>
    public Result MarkDisposed(Guid disposalId, DateTime nowUtc)
    {
        if (ClosedOn is null)
        {
            return Retention.DisposalRecord.NotClosed.With(Number);
        }

        if (DisposalId is not null)
        {
            return Retention.DisposalRecord.AlreadyDisposed.With(Number);
        }

        DisposalId = disposalId;
        DisposedAtUtc = nowUtc;
        ClosingReason = ClosingReason is null ? null : "";
        foreach (var line in _lines)
        {
            line.BlankForDisposal();
        }

        foreach (var delivery in _deliveries)
        {
            delivery.BlankForDisposal();
        }

        return Result.Success();
    }

    /// <summary>Termination agreed by both parties through a change (docs/process.md §6).</summary>
    internal Result Terminate(string reason, DateOnly today) => Move(ContractStatus.Terminated, reason, today);

    internal Result Hold(Guid changeId, string changeNumber)
    {
        var open = CanMoveOn();
        if (!open.Succeeded)
        {
            return open;
        }

        HeldByChangeId = changeId;
        HeldByChangeNumber = changeNumber;
        return Result.Success();
    }

    internal void Release(Guid changeId)
    {
        if (HeldByChangeId == changeId)
        {
            HeldByChangeId = null;
            HeldByChangeNumber = null;
        }
    }

    /// <summary>Checks a new version against what was already performed (no line below its delivered quantity,
    /// the amount not below what was invoiced).</summary>
    internal Result CanTakeVersion(IReadOnlyList<ContractLineData> lines)
    {
        var current = Lines;
        if (lines.Count != current.Count || lines.Select(l => l.LineNo).Order().SequenceEqual(current.Select(l => l.LineNo).Order()) is false)
        {
            return LinesMismatch;
        }

        foreach (var line in lines)
        {
            var delivered = DeliveredQuantity(line.LineNo);
            if (line.Quantity < delivered)
            {
                return new DomainError(QuantityBelowDelivered.Code, QuantityBelowDelivered.MessageKey, line.LineNo, ContractPerformance.Normalize(delivered));
            }
        }

        var amount = lines.Sum(l => ContractPerformance.ToMinor(l.Amount));
        if (amount < InvoicedMinor || amount < PaidMinor)
        {
            return new DomainError(AmountBelowInvoiced.Code, AmountBelowInvoiced.MessageKey, amount / 100m, Math.Max(InvoicedMinor, PaidMinor) / 100m);
        }

        return Result.Success();
    }

    /// <summary>An implemented change makes a new version; the previous versions stay readable.</summary>
    internal Result ApplyVersion(IReadOnlyList<ContractLineData> lines, Guid changeId, string changeNumber, string byName, DateTime nowUtc)
    {
        var check = CanTakeVersion(lines);
        if (!check.Succeeded)
        {
            return check;
        }

        AddVersion(lines, changeId, changeNumber, byName, nowUtc);
        return Result.Success();
    }

    public Result MustBeExecuting() =>
        Status == ContractStatus.Executing ? Result.Success() : new DomainError(NotExecuting.Code, NotExecuting.MessageKey, Status);

    /// <summary>Executing and not held by a change under review.</summary>
    public Result CanMoveOn()
    {
        var executing = MustBeExecuting();
        if (!executing.Succeeded)
        {
            return executing;
        }

        return IsHeld ? new DomainError(HeldForChange.Code, HeldForChange.MessageKey, HeldByChangeNumber ?? "") : Result.Success();
    }

    private void AddVersion(IReadOnlyList<ContractLineData> lines, Guid? changeId, string? changeNumber, string byName, DateTime nowUtc)
    {
        CurrentVersion++;
        _lines.AddRange(lines.Select(l => new ContractLine(Id, CurrentVersion, l)));
        AmountMinor = lines.Sum(l => ContractPerformance.ToMinor(l.Amount));
        _versions.Add(new ContractVersion(Id, CurrentVersion, AmountMinor, changeId, changeNumber, byName, nowUtc));
        Refresh();
    }

    /// <summary>Recomputes the performance totals and due dates from the current lines and the records.</summary>
    private void Refresh()
    {
        var lines = LinePerformance();
        DeliveredMinor = ContractPerformance.DeliveredMinor(lines);
        IsFullyDelivered = lines.Count > 0 && ContractPerformance.IsFullyDelivered(lines);
        NextDeliveryDue = ContractPerformance.NextDeliveryDue(lines);
        InvoicedMinor = _invoices.Sum(i => i.AmountMinor);
        PaidMinor = _payments.Sum(p => p.AmountMinor);
        PaymentDue = ContractPerformance.PaymentDue(_invoices.Select(i => new InvoiceDue(i.AmountMinor, i.DueOn)), PaidMinor);
    }

    private Result Move(ContractStatus to, string? reason, DateOnly today)
    {
        if (!ContractTransitions.CanMove(Status, to))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, to);
        }

        Status = to;
        ClosingReason = reason;
        ClosedOn = today;
        return Result.Success();
    }
}
