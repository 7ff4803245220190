using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Customers;

public enum ClassChangeStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A change of a customer's class that the records did not earn (issue #16): asked for with a reason by the owner or
/// the sales manager, approved by the sales manager (the general manager when the sales manager asked), and by quality
/// too when it takes the customer out of the first-order classes (its next orders would get a lighter review). The class
/// changes when the last approval is given. Keeps the class it was asked against: a customer whose class changed
/// meanwhile is not changed by an old request.
/// </summary>
public sealed class CustomerClassChangeRequest : BusinessRecord, IVersioned
{
    public const int ReasonLength = 500;
    public const int UserIdLength = 450;
    public const int NameLength = 100;

    public static readonly DomainError SameClass = new("customer.class-request.same", "The customer is already in this class.");
    public static readonly DomainError NotOwner = DomainError.Forbidden("customer.class-request.not-owner", "Only the customer's owner and the sales manager may ask for a change of its class.");
    public static readonly DomainError AlreadyDecided = new("customer.class-request.decided", "This request was already decided.");
    public static readonly DomainError OwnRequest = DomainError.Forbidden("customer.class-request.own", "You asked for this change; someone else must approve it.");
    public static readonly DomainError NotApprover = DomainError.Forbidden("customer.class-request.not-approver", "You may not approve this change of class.");
    public static readonly DomainError AlreadyApproved = new("customer.class-request.approved-already", "You already approved this request.");
    public static readonly DomainError CustomerChanged = DomainError.Conflict("customer.class-request.stale", "The customer's class changed after this request was made. Reject it and ask again.");
    public static readonly DomainError WrongCustomer = new("customer.class-request.customer", "The request belongs to another customer.");
    public static readonly DomainError InactiveAlready = DomainError.Conflict("customer.class-request.inactive", "The customer is inactive already.");

    private CustomerClassChangeRequest()
    {
    }

    private CustomerClassChangeRequest(Guid customerId, CustomerClass from, CustomerClass to, string reason, string userId, string userName, bool requestedBySalesManager, DateTime atUtc)
    {
        CustomerId = customerId;
        FromClass = from;
        ToClass = to;
        Reason = reason;
        RequestedByUserId = userId;
        RequestedByName = userName;
        RequestedBySalesManager = requestedBySalesManager;
        RequestedAtUtc = atUtc;
        NeedsQuality = CustomerClassRules.LowersReviewLevel(from, to);
    }

    public Guid CustomerId { get; private set; }

    public CustomerClass FromClass { get; private set; }

    public CustomerClass ToClass { get; private set; }

    public string Reason { get; private set; } = "";

    public string RequestedByUserId { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public bool RequestedBySalesManager { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }

    /// <summary>The change lowers the review level of the customer's next orders: quality approves too.</summary>
    public bool NeedsQuality { get; private set; }

    /// <summary>The request marks the customer inactive (closed, bankrupt, no longer a customer) instead of changing its class;
    /// <see cref="ToClass"/> is then the class it keeps (issue #16).</summary>
    public bool MarksInactive { get; private set; }

    public string? SalesApprovedByName { get; private set; }

    public string? SalesApprovedByUserId { get; private set; }

    public DateTime? SalesApprovedAtUtc { get; private set; }

    public string? QualityApprovedByName { get; private set; }

    public string? QualityApprovedByUserId { get; private set; }

    public DateTime? QualityApprovedAtUtc { get; private set; }

    public ClassChangeStatus Status { get; private set; } = ClassChangeStatus.Pending;

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    public int Version { get; private set; }

    /// <summary>Who gives the sales approval: the sales manager, or the general manager when the sales manager asked.</summary>
    public static bool MayGiveSalesApproval(bool requestedBySalesManager, bool isSalesManager, bool isGeneralManager) =>
        requestedBySalesManager ? isGeneralManager : isSalesManager;

    /// <summary>The owner or the sales manager asks, with a reason, for a class the records did not earn.</summary>
    public static Result<CustomerClassChangeRequest> Ask(Customer customer, CustomerClass to, string reason, string userId, string userName, bool isSalesManager, DateTime atUtc)
    {
        if (!customer.MayBeEditedBy(userId, isSalesManager))
        {
            return NotOwner;
        }

        if (customer.Class == to)
        {
            return SameClass;
        }

        if (!CustomerClassRules.CanChange(customer.Class, to))
        {
            return CustomerClassRules.IllegalChange.With(customer.Class, to);
        }

        return Result<CustomerClassChangeRequest>.Success(new CustomerClassChangeRequest(customer.Id, customer.Class, to, reason, userId, userName, isSalesManager, atUtc));
    }

    /// <summary>The owner or the sales manager asks, with a reason, to mark an active customer inactive; the sales manager
    /// approves as for a change of class (it lowers no review level, so quality is not asked).</summary>
    public static Result<CustomerClassChangeRequest> AskInactive(Customer customer, string reason, string userId, string userName, bool isSalesManager, DateTime atUtc)
    {
        if (!customer.MayBeEditedBy(userId, isSalesManager))
        {
            return NotOwner;
        }

        if (customer.Status == CustomerStatus.Inactive)
        {
            return InactiveAlready;
        }

        var request = new CustomerClassChangeRequest(customer.Id, customer.Class, customer.Class, reason, userId, userName, isSalesManager, atUtc) { MarksInactive = true };
        return Result<CustomerClassChangeRequest>.Success(request);
    }

    /// <summary>The status table: a request is decided once.</summary>
    public static bool CanMove(ClassChangeStatus from, ClassChangeStatus to) => from switch
    {
        ClassChangeStatus.Pending => to is ClassChangeStatus.Approved or ClassChangeStatus.Rejected,
        ClassChangeStatus.Approved => false,
        ClassChangeStatus.Rejected => false,
    };

    /// <summary>An approval: the sales side (sales manager, or the GM for the sales manager's own request) and/or quality
    /// (quality head, when <see cref="NeedsQuality"/>). The class changes on the last approval needed.</summary>
    public Result Approve(Customer customer, string userId, string userName, bool isSalesManager, bool isGeneralManager, bool isQualityHead, DateTime atUtc)
    {
        var check = CheckDecision(customer, userId);
        if (!check.Succeeded)
        {
            return check;
        }

        var asSales = SalesApprovedAtUtc is null && MayGiveSalesApproval(RequestedBySalesManager, isSalesManager, isGeneralManager);
        var asQuality = NeedsQuality && QualityApprovedAtUtc is null && isQualityHead;
        if (!asSales && !asQuality)
        {
            var approvedAlready = (SalesApprovedByUserId == userId) || (QualityApprovedByUserId == userId);
            return approvedAlready ? AlreadyApproved : NotApprover;
        }

        if (asSales)
        {
            SalesApprovedByUserId = userId;
            SalesApprovedByName = userName;
            SalesApprovedAtUtc = atUtc;
        }

        if (asQuality)
        {
            QualityApprovedByUserId = userId;
            QualityApprovedByName = userName;
            QualityApprovedAtUtc = atUtc;
        }

        if (SalesApprovedAtUtc is not null && (!NeedsQuality || QualityApprovedAtUtc is not null))
        {
            if (MarksInactive)
            {
                var deactivated = customer.Deactivate(Reason);
                if (!deactivated.Succeeded)
                {
                    return deactivated;
                }
            }
            else
            {
                customer.ApplyApprovedClass(ToClass);
            }

            Decide(ClassChangeStatus.Approved, userName, atUtc, null);
        }

        return Result.Success();
    }

    /// <summary>Anyone who may approve may reject; the requester may withdraw by rejecting too.</summary>
    public Result Reject(Customer customer, string userId, string userName, bool isSalesManager, bool isGeneralManager, bool isQualityHead, DateTime atUtc, string? note)
    {
        if (customer.Id != CustomerId)
        {
            return WrongCustomer;
        }

        if (!CanMove(Status, ClassChangeStatus.Rejected))
        {
            return AlreadyDecided;
        }

        var mayReject = string.Equals(userId, RequestedByUserId, StringComparison.Ordinal)
            || MayGiveSalesApproval(RequestedBySalesManager, isSalesManager, isGeneralManager)
            || (NeedsQuality && isQualityHead);
        if (!mayReject)
        {
            return NotApprover;
        }

        Decide(ClassChangeStatus.Rejected, userName, atUtc, note);
        return Result.Success();
    }

    private Result CheckDecision(Customer customer, string userId)
    {
        if (customer.Id != CustomerId)
        {
            return WrongCustomer;
        }

        if (!CanMove(Status, ClassChangeStatus.Approved))
        {
            return AlreadyDecided;
        }

        if (string.Equals(userId, RequestedByUserId, StringComparison.Ordinal))
        {
            return OwnRequest;
        }

        if (MarksInactive && customer.Status == CustomerStatus.Inactive)
        {
            return InactiveAlready;
        }

        if (customer.Class != FromClass)
        {
            return CustomerChanged;
        }

        return Result.Success();
    }

    private void Decide(ClassChangeStatus status, string userName, DateTime atUtc, string? note)
    {
        Status = status;
        DecidedByName = userName;
        DecidedAtUtc = atUtc;
        DecisionNote = note;
    }
}
