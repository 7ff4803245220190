using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Orders;

/// <summary>The requirements a customer stated (or that we identified), in the four ISO categories
/// plus the special requirements of docs/process.md §3.</summary>
public sealed record OrderContent(
    OrderChannel Channel,
    ProductNovelty Novelty,
    bool IsForeignTrade,
    bool IsOem,
    bool HasNonStandardClauses,
    bool InvolvesSiteWork,
    string? ExplicitRequirements,
    string? ImpliedRequirements,
    string? StatutoryRequirements,
    string? AdditionalRequirements,
    string? SpecialTechnical,
    string? SpecialDelivery,
    string? SpecialPackaging,
    string? CustomerPropertyHandling,
    string? CustomerReference);

/// <summary>
/// A customer's order (or inquiry) under capture and review. Its state moves only through the
/// named methods below, each guarded by <see cref="OrderTransitions"/>.
/// </summary>
public sealed class SalesOrder : BusinessRecord, IVersioned, IReviewedSubject, IContentChangingSubject
{
    public const int NumberLength = 20;
    public const int TextLength = 2000;
    public const int ShortTextLength = 200;

    public static readonly DomainError NotDraft = new("order.not-draft", "Only a draft order can be changed or submitted.");
    public static readonly DomainError IllegalMove = new("order.illegal-move", "The order cannot move from {0} to {1}.");
    public static readonly DomainError NotOral = new("order.not-oral", "Only phone or oral orders need an oral order confirmation.");
    public static readonly DomainError NoLines = new("order.no-lines", "Add at least one order line.");
    public static readonly DomainError LineIncomplete = new("order.line-incomplete", "Line {0}: enter the item, a quantity above zero, the unit, the unit price and the delivery date.");
    public static readonly DomainError NoExplicitRequirements = new("order.no-explicit", "Record the customer's explicit requirements (quality, specification, price, delivery, services).");
    public static readonly DomainError BillOfLadingTooLarge = new("order.bol-threshold", "A bill of lading may serve as confirmation only for orders under {0}.");

    private readonly List<OrderLine> _lines = [];

    private SalesOrder()
    {
    }

    public SalesOrder(string number, Guid customerId, string salesUserId, DateTime createdAtUtc)
    {
        Number = number;
        CustomerId = customerId;
        SalesUserId = salesUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public string SalesUserId { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public OrderStatus Status { get; private set; } = OrderStatus.Draft;

    public OrderChannel Channel { get; private set; } = OrderChannel.PurchaseOrder;

    public ProductNovelty Novelty { get; private set; } = ProductNovelty.Standard;

    public bool IsForeignTrade { get; private set; }

    public bool IsOem { get; private set; }

    public bool HasNonStandardClauses { get; private set; }

    public bool InvolvesSiteWork { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public string? ExplicitRequirements { get; private set; }

    public string? ImpliedRequirements { get; private set; }

    public string? StatutoryRequirements { get; private set; }

    public string? AdditionalRequirements { get; private set; }

    public string? SpecialTechnical { get; private set; }

    public string? SpecialDelivery { get; private set; }

    public string? SpecialPackaging { get; private set; }

    public string? CustomerPropertyHandling { get; private set; }

    public string? CustomerReference { get; private set; }

    /// <summary>Total in minor units (fen), kept in step with the lines so SQL can filter and sort it.</summary>
    public long TotalMinor { get; private set; }

    /// <summary>Bumped on every change of content; a form opened on an older version is stale.</summary>
    public int ContentVersion { get; private set; } = 1;

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? ConcludedAtUtc { get; private set; }

    public string? ClosingReason { get; private set; }

    // Oral order confirmation sheet (顾客电话(口头)传真订单确认表)
    public string? OralConfirmedBy { get; private set; }

    public ConfirmationMethod? OralConfirmationMethod { get; private set; }

    public DateTime? OralConfirmedAtUtc { get; private set; }

    public string? OralConfirmationRecordedBy { get; private set; }

    public string? BillOfLadingReference { get; private set; }

    /// <summary>The current lines, in order (removed draft lines are kept but not listed).</summary>
    public IReadOnlyList<OrderLine> Lines => _lines.Where(l => !l.IsRemoved).OrderBy(l => l.LineNo).ToList();

    /// <summary>Lines whose delivery date is before <paramref name="today"/>: submitting them promises the past,
    /// so sales confirms it first (issue #21). A line due today is not late.</summary>
    public IReadOnlyList<OrderLine> LinesDueBefore(DateOnly today) =>
        Lines.Where(l => l.DeliveryDate is { } date && date < today).ToList();

    public decimal Total => _lines.Where(l => !l.IsRemoved).Sum(l => l.Amount);

    public bool HasSpecialRequirements =>
        !string.IsNullOrWhiteSpace(SpecialTechnical) || !string.IsNullOrWhiteSpace(SpecialDelivery);

    public bool IsOral => Channel == OrderChannel.PhoneOral;

    public bool HasOralConfirmation => OralConfirmedAtUtc is not null;

    public Result UpdateDraft(OrderContent content, IReadOnlyList<OrderLineData> lines)
    {
        if (Status != OrderStatus.Draft)
        {
            return NotDraft;
        }

        Apply(content, lines);
        return Result.Success();
    }

    /// <summary>Content changed by a discrepancy resolution during review (the review invalidates signatures).</summary>
    public Result AmendUnderReview(OrderContent content, IReadOnlyList<OrderLineData> lines)
    {
        if (Status is not (OrderStatus.UnderReview or OrderStatus.AwaitingApproval))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, OrderStatus.UnderReview);
        }

        Apply(content, lines);
        if (Status == OrderStatus.AwaitingApproval)
        {
            Status = OrderStatus.UnderReview;
        }

        return Result.Success();
    }

    /// <summary>A contract change under review (docs/process.md §6): the contracted order carries the changed
    /// lines so the new review reviews them; a rejected change puts the contract's lines back.</summary>
    public Result ReviseContractedLines(IReadOnlyList<OrderLineData> lines)
    {
        if (Status != OrderStatus.Contracted)
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, OrderStatus.Contracted);
        }

        Apply(CurrentContent(), lines);
        return Result.Success();
    }

    /// <summary>Marks the content changed (e.g. a clause clarified) without new line data.</summary>
    public void MarkContentChanged() => ContentVersion++;

    /// <summary>What is missing before the order can go to review; empty when complete.</summary>
    public IReadOnlyList<DomainError> CompletenessErrors()
    {
        var errors = new List<DomainError>();
        var lines = Lines;
        if (lines.Count == 0)
        {
            errors.Add(NoLines);
        }

        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.Description) || line.Quantity <= 0 || string.IsNullOrWhiteSpace(line.Unit)
                || line.UnitPrice < 0 || line.DeliveryDate is null)
            {
                errors.Add(new DomainError(LineIncomplete.Code, LineIncomplete.MessageKey, line.LineNo));
            }
        }

        if (string.IsNullOrWhiteSpace(ExplicitRequirements))
        {
            errors.Add(NoExplicitRequirements);
        }

        return errors;
    }

    public Result Submit(DateTime nowUtc)
    {
        if (Status != OrderStatus.Draft)
        {
            return NotDraft;
        }

        var missing = CompletenessErrors();
        if (missing.Count > 0)
        {
            return missing[0];
        }

        SubmittedAtUtc = nowUtc;
        return Move(OrderStatus.UnderReview);
    }

    public Result RecordOralConfirmation(string confirmedBy, ConfirmationMethod method, DateTime confirmedAtUtc, string recordedBy)
    {
        if (!IsOral)
        {
            return NotOral;
        }

        OralConfirmedBy = confirmedBy;
        OralConfirmationMethod = method;
        OralConfirmedAtUtc = confirmedAtUtc;
        OralConfirmationRecordedBy = recordedBy;
        return Result.Success();
    }

    public Result RecordBillOfLading(string reference, decimal threshold)
    {
        if (!IsOral)
        {
            return NotOral;
        }

        if (Total >= threshold)
        {
            return new DomainError(BillOfLadingTooLarge.Code, BillOfLadingTooLarge.MessageKey, threshold);
        }

        BillOfLadingReference = reference;
        return Result.Success();
    }

    /// <summary>docs/process.md §4.1: an oral order may be accepted only after the customer confirmed it,
    /// or, under the threshold, with the bill of lading as confirmation.</summary>
    public bool IsConfirmedForAcceptance(decimal billOfLadingThreshold) =>
        !IsOral || HasOralConfirmation || (BillOfLadingReference is not null && Total < billOfLadingThreshold);

    ReviewSubjectKind IReviewedSubject.Kind => ReviewSubjectKind.SalesOrder;

    /// <summary>An order may be concluded only when confirmed for acceptance (docs/process.md §4.1).</summary>
    public Result MayConclude(Review review) =>
        IsConfirmedForAcceptance(review.BillOfLadingAmount) ? Result.Success() : Review.OralNotConfirmed;

    /// <summary>The order's status follows its review's: awaiting approval while the GM decides, back under
    /// review when a discrepancy reopens it, approved, rejected or withdrawn when the review ends. An order
    /// already where the review puts it (or contracted, when a contract change is reviewed) stays.</summary>
    public Result FollowReview(Review review, DateTime nowUtc)
    {
        var reviewing = Status is OrderStatus.UnderReview or OrderStatus.AwaitingApproval;
        return review.Status switch
        {
            ReviewStatus.InProgress => Status == OrderStatus.AwaitingApproval ? ReturnToReview() : Result.Success(),
            ReviewStatus.AwaitingApproval => Status == OrderStatus.UnderReview ? AwaitApproval() : Result.Success(),
            ReviewStatus.Approved => reviewing ? Approve(nowUtc) : Result.Success(),
            ReviewStatus.Rejected => reviewing ? Reject(review.DecisionComment ?? "", nowUtc) : Result.Success(),
            ReviewStatus.Withdrawn => reviewing ? Withdraw(review.DecisionComment ?? "", nowUtc) : Result.Success(),
        };
    }

    public Result AwaitApproval() => Move(OrderStatus.AwaitingApproval);

    /// <summary>Back from approval to review (a discrepancy was raised or the content changed).</summary>
    public Result ReturnToReview() => Move(OrderStatus.UnderReview);

    public Result Approve(DateTime nowUtc)
    {
        var result = Move(OrderStatus.Approved);
        if (result.Succeeded)
        {
            ConcludedAtUtc = nowUtc;
        }

        return result;
    }

    public Result Reject(string reason, DateTime nowUtc)
    {
        var result = Move(OrderStatus.Rejected);
        if (result.Succeeded)
        {
            ClosingReason = reason;
            ConcludedAtUtc = nowUtc;
        }

        return result;
    }

    public Result Withdraw(string reason, DateTime nowUtc)
    {
        var result = Move(OrderStatus.Withdrawn);
        if (result.Succeeded)
        {
            ClosingReason = reason;
            ConcludedAtUtc = nowUtc;
        }

        return result;
    }

    public Result MarkContracted() => Move(OrderStatus.Contracted);

    private Result Move(OrderStatus to)
    {
        if (!OrderTransitions.CanMove(Status, to))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, to);
        }

        Status = to;
        return Result.Success();
    }

    private void Apply(OrderContent content, IReadOnlyList<OrderLineData> lines)
    {
        Channel = content.Channel;
        Novelty = content.Novelty;
        IsForeignTrade = content.IsForeignTrade;
        IsOem = content.IsOem;
        HasNonStandardClauses = content.HasNonStandardClauses;
        InvolvesSiteWork = content.InvolvesSiteWork;
        ExplicitRequirements = content.ExplicitRequirements;
        ImpliedRequirements = content.ImpliedRequirements;
        StatutoryRequirements = content.StatutoryRequirements;
        AdditionalRequirements = content.AdditionalRequirements;
        SpecialTechnical = content.SpecialTechnical;
        SpecialDelivery = content.SpecialDelivery;
        SpecialPackaging = content.SpecialPackaging;
        CustomerPropertyHandling = content.CustomerPropertyHandling;
        CustomerReference = content.CustomerReference;

        // Lines are matched by position. A surplus line is marked removed, never deleted.
        var active = Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i < active.Count)
            {
                active[i].Apply(lines[i]);
            }
            else
            {
                _lines.Add(new OrderLine(Id, _lines.Count + 1, lines[i]));
            }
        }

        foreach (var surplus in active.Skip(lines.Count))
        {
            surplus.MarkRemoved();
        }

        TotalMinor = ToMinor(Total);
        ContentVersion++;
    }

    private OrderContent CurrentContent() => new(
        Channel, Novelty, IsForeignTrade, IsOem, HasNonStandardClauses, InvolvesSiteWork, ExplicitRequirements, ImpliedRequirements,
        StatutoryRequirements, AdditionalRequirements, SpecialTechnical, SpecialDelivery, SpecialPackaging, CustomerPropertyHandling, CustomerReference);

    public static long ToMinor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public int Version { get; private set; }

    /// <summary>The won tender this order came from (its bid was reviewed there); null for other orders.</summary>
    public Guid? TenderId { get; private set; }

    /// <summary>A draft order made from a won tender: tender channel, the tender's requirements, its price as one line.</summary>
    public static SalesOrder FromTender(string number, Guid tenderId, Guid customerId, string salesUserId, string project, string? requirements,
        decimal price, string unit, DateTime nowUtc)
    {
        var order = new SalesOrder(number, customerId, salesUserId, nowUtc) { TenderId = tenderId };
        order.Apply(
            new OrderContent(OrderChannel.Tender, ProductNovelty.Standard, false, false, false, false, requirements, null, null, null, null, null, null, null, project),
            [new OrderLineData(null, project.Length > OrderLine.DescriptionLength ? project[..OrderLine.DescriptionLength] : project, null, 1m, unit, price, null, null, null, null)]);
        return order;
    }
}
