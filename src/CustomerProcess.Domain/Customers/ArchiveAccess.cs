using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;

namespace CustomerProcess.Domain.Customers;

public enum ArchiveAccessStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>The parts of a customer's file (docs/process.md §2); each view of one is logged.</summary>
public enum CustomerFilePart
{
    Details,
    Contacts,
    BankAndTax,
    Contracts,
    History,

    /// <summary>The details page: details, contacts, bank and tax shown together and logged as one row naming the three
    /// (issue #16; rows written before name each part on its own).</summary>
    DetailsPage,
}

/// <summary>Why someone could see a customer's file.</summary>
public enum CustomerFileBasis
{
    Owner,
    Role,
    Grant,
}

/// <summary>
/// Who may read a customer's file (issue #16, ADR 0025): the owner and, by role, the sales manager (heads the owning
/// sales team), the general manager, the quality head, the contract administrator and the finance head (sets the bank
/// details and credit, ADR 0012). Anyone else needs an approved
/// <see cref="ArchiveAccessGrant"/> for that customer that has not expired.
/// </summary>
public static class CustomerFileAccess
{
    public static IReadOnlyList<string> StandingRoles { get; } =
        [Roles.SalesManager, Roles.GeneralManager, Roles.QualityHead, Roles.ContractAdministrator, Roles.FinanceHead];

    public static CustomerFileBasis? Basis(Customer customer, string? userId, Func<string, bool> isInRole, IEnumerable<ArchiveAccessGrant> grantsOfUser, DateTime nowUtc)
    {
        if (!string.IsNullOrEmpty(userId) && string.Equals(customer.OwnerUserId, userId, StringComparison.Ordinal))
        {
            return CustomerFileBasis.Owner;
        }

        if (StandingRoles.Any(isInRole))
        {
            return CustomerFileBasis.Role;
        }

        return grantsOfUser.Any(g => g.Allows(customer.Id, userId, nowUtc)) ? CustomerFileBasis.Grant : null;
    }

    /// <summary>The owner, the sales manager and quality see who looked at a file.</summary>
    public static bool MaySeeViewLog(Customer customer, string? userId, Func<string, bool> isInRole) =>
        (!string.IsNullOrEmpty(userId) && string.Equals(customer.OwnerUserId, userId, StringComparison.Ordinal))
        || isInRole(Roles.SalesManager) || isInRole(Roles.QualityHead);
}

/// <summary>
/// Someone outside the owning sales team asks to read a customer's file, with a reason and for a number of days
/// (docs/process.md §2). Their department head (the general manager when they head their department) and the archive
/// owner (the customer's salesperson, or the sales manager) approve; the period starts at the second approval.
/// </summary>
public sealed class ArchiveAccessGrant : BusinessRecord, IVersioned
{
    public const int ReasonLength = 500;
    public const int MinDays = 1;
    public const int MaxDays = 90;

    public static readonly DomainError AlreadyHasAccess = new("archive.access.has", "You can already read this customer's file.");
    public static readonly DomainError AlreadyDecided = new("archive.access.decided", "This request was already decided.");
    public static readonly DomainError OwnRequest = DomainError.Forbidden("archive.access.own", "You asked for this access; others approve it.");
    public static readonly DomainError NotHead = DomainError.Forbidden("archive.access.not-head", "Only the requester's department head approves here.");
    public static readonly DomainError NotOwner = DomainError.Forbidden("archive.access.not-owner", "Only the customer's owner or the sales manager approves here.");
    public static readonly DomainError AlreadyApproved = new("archive.access.approved-already", "This approval was already given.");
    public static readonly DomainError TwoPeople = DomainError.Forbidden("archive.access.two-people", "The department head and the owner are two people: you gave the other approval already.");
    public static readonly DomainError BadPeriod = new("archive.access.days", "Access lasts from {0} to {1} days.");

    private ArchiveAccessGrant()
    {
    }

    private ArchiveAccessGrant(Guid customerId, string userId, string userName, string reason, int days, DateTime atUtc)
    {
        CustomerId = customerId;
        RequesterUserId = userId;
        RequesterName = userName;
        Reason = reason;
        Days = days;
        RequestedAtUtc = atUtc;
    }

    public Guid CustomerId { get; private set; }

    public string RequesterUserId { get; private set; } = "";

    public string RequesterName { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public int Days { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }

    public string? HeadApprovedByUserId { get; private set; }

    public string? HeadApprovedByName { get; private set; }

    public DateTime? HeadApprovedAtUtc { get; private set; }

    public string? OwnerApprovedByUserId { get; private set; }

    public string? OwnerApprovedByName { get; private set; }

    public DateTime? OwnerApprovedAtUtc { get; private set; }

    public ArchiveAccessStatus Status { get; private set; } = ArchiveAccessStatus.Pending;

    /// <summary>Set at the second approval: the access ends at this moment (exclusive).</summary>
    public DateTime? ValidUntilUtc { get; private set; }

    public DateTime? ValidFromUtc { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public int Version { get; private set; }

    public static Result<ArchiveAccessGrant> Ask(Customer customer, string userId, string userName, bool hasAccessAlready, string reason, int days, DateTime atUtc)
    {
        if (hasAccessAlready)
        {
            return AlreadyHasAccess;
        }

        if (days is < MinDays or > MaxDays)
        {
            return BadPeriod.With(MinDays, MaxDays);
        }

        return Result<ArchiveAccessGrant>.Success(new ArchiveAccessGrant(customer.Id, userId, userName, reason, days, atUtc));
    }

    /// <summary>The status table: a request is decided once.</summary>
    public static bool CanMove(ArchiveAccessStatus from, ArchiveAccessStatus to) => from switch
    {
        ArchiveAccessStatus.Pending => to is ArchiveAccessStatus.Approved or ArchiveAccessStatus.Rejected,
        ArchiveAccessStatus.Approved => to is ArchiveAccessStatus.Rejected, // the owner may end an access early
        ArchiveAccessStatus.Rejected => false,
    };

    /// <summary>Whether the requester's department head may approve: the head of their department, or the general manager
    /// when the requester is the head (or has no department head).</summary>
    public static bool IsRequestersHead(string approverUserId, string? requestersHeadUserId, string requesterUserId, bool approverIsGeneralManager) =>
        string.IsNullOrEmpty(requestersHeadUserId) || string.Equals(requestersHeadUserId, requesterUserId, StringComparison.Ordinal)
            ? approverIsGeneralManager
            : string.Equals(approverUserId, requestersHeadUserId, StringComparison.Ordinal);

    public static bool IsArchiveOwner(Customer customer, string approverUserId, bool approverIsSalesManager) =>
        approverIsSalesManager || string.Equals(customer.OwnerUserId, approverUserId, StringComparison.Ordinal);

    public Result ApproveAsHead(string userId, string userName, bool isRequestersHead, DateTime atUtc)
    {
        var check = CheckApprover(userId, isRequestersHead, NotHead, HeadApprovedAtUtc, OwnerApprovedByUserId);
        if (!check.Succeeded)
        {
            return check;
        }

        HeadApprovedByUserId = userId;
        HeadApprovedByName = userName;
        HeadApprovedAtUtc = atUtc;
        OpenWhenApproved(userName, atUtc);
        return Result.Success();
    }

    public Result ApproveAsOwner(string userId, string userName, bool isArchiveOwner, DateTime atUtc)
    {
        var check = CheckApprover(userId, isArchiveOwner, NotOwner, OwnerApprovedAtUtc, HeadApprovedByUserId);
        if (!check.Succeeded)
        {
            return check;
        }

        OwnerApprovedByUserId = userId;
        OwnerApprovedByName = userName;
        OwnerApprovedAtUtc = atUtc;
        OpenWhenApproved(userName, atUtc);
        return Result.Success();
    }

    /// <summary>The head or the owner refuses a pending request, or the owner ends an approved access early.</summary>
    public Result Reject(string userId, string userName, bool isRequestersHead, bool isArchiveOwner, DateTime atUtc)
    {
        if (!CanMove(Status, ArchiveAccessStatus.Rejected))
        {
            return AlreadyDecided;
        }

        if (!isArchiveOwner && !(isRequestersHead && Status == ArchiveAccessStatus.Pending) && !string.Equals(userId, RequesterUserId, StringComparison.Ordinal))
        {
            return NotOwner;
        }

        Status = ArchiveAccessStatus.Rejected;
        DecidedByName = userName;
        DecidedAtUtc = atUtc;
        if (ValidUntilUtc is { } until && until > atUtc)
        {
            ValidUntilUtc = atUtc;
        }

        return Result.Success();
    }

    /// <summary>The requester may read this customer's file now: approved, same customer, same person, and
    /// <paramref name="nowUtc"/> before the end of the period (the end itself is outside).</summary>
    public bool Allows(Guid customerId, string? userId, DateTime nowUtc) =>
        Status == ArchiveAccessStatus.Approved
        && customerId == CustomerId
        && string.Equals(userId, RequesterUserId, StringComparison.Ordinal)
        && ValidFromUtc is { } from && nowUtc >= from
        && ValidUntilUtc is { } until && nowUtc < until;

    private Result CheckApprover(string userId, bool mayApprove, DomainError notAllowed, DateTime? givenAt, string? otherApproverUserId)
    {
        if (Status != ArchiveAccessStatus.Pending)
        {
            return AlreadyDecided;
        }

        if (string.Equals(userId, RequesterUserId, StringComparison.Ordinal))
        {
            return OwnRequest;
        }

        if (!mayApprove)
        {
            return notAllowed;
        }

        if (givenAt is not null)
        {
            return AlreadyApproved;
        }

        // Two people approve: the one who gave the other approval does not give this one too.
        return string.Equals(userId, otherApproverUserId, StringComparison.Ordinal) ? TwoPeople : Result.Success();
    }

    private void OpenWhenApproved(string userName, DateTime atUtc)
    {
        if (HeadApprovedAtUtc is null || OwnerApprovedAtUtc is null || !CanMove(Status, ArchiveAccessStatus.Approved))
        {
            return;
        }

        Status = ArchiveAccessStatus.Approved;
        ValidFromUtc = atUtc;
        ValidUntilUtc = atUtc.AddDays(Days);
        DecidedByName = userName;
        DecidedAtUtc = atUtc;
    }
}

/// <summary>One view of a part of a customer's file: who, when, what, and on what basis (docs/process.md §2). Appended only.</summary>
public sealed class CustomerFileView
{
    public const int NameLength = 100;

    private CustomerFileView()
    {
    }

    public CustomerFileView(Guid customerId, string userId, string userName, CustomerFilePart part, CustomerFileBasis basis, DateTime atUtc)
    {
        CustomerId = customerId;
        UserId = userId;
        UserName = userName;
        Part = part;
        Basis = basis;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CustomerId { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public CustomerFilePart Part { get; private set; }

    public CustomerFileBasis Basis { get; private set; }

    public DateTime AtUtc { get; private set; }
}
