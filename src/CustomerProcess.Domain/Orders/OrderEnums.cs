namespace CustomerProcess.Domain.Orders;

/// <summary>How the order reached us (docs/process.md §3).</summary>
public enum OrderChannel
{
    WrittenContract,
    Tender,
    PurchaseOrder,
    PhoneOral,
    Fax,
    Email,
    Online,
}

/// <summary>Product novelty (docs/process.md §3). OEM is a separate flag.</summary>
public enum ProductNovelty
{
    Standard,
    RepeatReviewed,
    NewProduct,
    StableNewConditions,
    Redesign,
}

/// <summary>How the customer confirmed an oral or phone order.</summary>
public enum ConfirmationMethod
{
    Phone,
    Fax,
    Email,
    Letter,
    InPerson,
}

/// <summary>Order states of docs/process.md §4.4.</summary>
public enum OrderStatus
{
    Draft,
    UnderReview,
    AwaitingApproval,
    Approved,
    Contracted,
    Rejected,
    Withdrawn,
}

/// <summary>The order's transition table: the only place that says which moves exist.</summary>
public static class OrderTransitions
{
    public static bool CanMove(OrderStatus from, OrderStatus to) => from switch
    {
        OrderStatus.Draft => to is OrderStatus.UnderReview or OrderStatus.Withdrawn,
        OrderStatus.UnderReview => to is OrderStatus.AwaitingApproval or OrderStatus.Approved or OrderStatus.Rejected or OrderStatus.Withdrawn,
        OrderStatus.AwaitingApproval => to is OrderStatus.Approved or OrderStatus.Rejected or OrderStatus.Withdrawn or OrderStatus.UnderReview,
        OrderStatus.Approved => to is OrderStatus.Contracted,
        OrderStatus.Contracted => false,
        OrderStatus.Rejected => false,
        OrderStatus.Withdrawn => false,
    };
}
