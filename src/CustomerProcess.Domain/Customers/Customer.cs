using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Customers;

/// <summary>The customer archive entry (客户档案), docs/process.md §2.</summary>
public sealed class Customer : BusinessRecord, IVersioned
{
    public const int CodeLength = 32;
    public const int NameLength = 200;
    public const int AddressLength = 500;
    public const int TaxNumberLength = 40;
    public const int BankLength = 200;
    public const int PaymentTermsLength = 200;
    public const int NotesLength = 2000;
    public const int ClosureNoteLength = 500;

    public static readonly DomainError AlreadyInactive = new("customer.inactive", "The customer is already inactive.");
    public static readonly DomainError AlreadyActive = new("customer.active", "The customer is already active.");

    private readonly List<Contact> _contacts = [];

    private Customer()
    {
    }

    public Customer(string code, string name, CustomerClass customerClass, string? ownerUserId)
    {
        Code = code;
        Name = name;
        Class = customerClass;
        OwnerUserId = ownerUserId;
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Upper-cased copy of the name for case-insensitive search on every provider.</summary>
    public string SearchName { get; private set; } = "";

    public CustomerClass Class { get; private set; }

    public CustomerStatus Status { get; private set; } = CustomerStatus.Active;

    public string? Address { get; private set; }

    public string? DeliveryAddress { get; private set; }

    public string? TaxNumber { get; private set; }

    public string? BankName { get; private set; }

    public string? BankAccount { get; private set; }

    public string? PaymentTerms { get; private set; }

    /// <summary>Payment term in days, used for overdue payments.</summary>
    public int PaymentTermDays { get; private set; } = 30;

    public decimal CreditLimit { get; private set; }

    public CreditRating CreditRating { get; private set; } = CreditRating.NotRated;

    public string? Notes { get; private set; }

    /// <summary>The salesperson who owns the archive entry.</summary>
    public string? OwnerUserId { get; private set; }

    public string? InactiveReason { get; private set; }

    public int Version { get; private set; }

    /// <summary>Finance's figures: changed only through a confirmed <see cref="CustomerFinanceProposal"/>.</summary>
    public FinanceTerms FinanceTerms => new(BankName, BankAccount, CreditLimit, CreditRating);

    public IReadOnlyCollection<Contact> Contacts => _contacts;

    public void UpdateDetails(
        string name,
        string? address,
        string? deliveryAddress,
        string? taxNumber,
        string? paymentTerms,
        int paymentTermDays,
        string? notes)
    {
        Name = name;
        SearchName = name.ToUpperInvariant();
        Address = address;
        DeliveryAddress = deliveryAddress;
        TaxNumber = taxNumber;
        PaymentTerms = paymentTerms;
        PaymentTermDays = paymentTermDays;
        Notes = notes;
    }

    /// <summary>Sets the bank details, credit limit and credit rating. Finance's act: called when finance confirms a
    /// proposal (<see cref="CustomerFinanceProposal.Confirm"/>) and when reference data is loaded, never from a sales form.</summary>
    public void ApplyConfirmedFinanceTerms(FinanceTerms terms)
    {
        BankName = terms.BankName;
        BankAccount = terms.BankAccount;
        CreditLimit = terms.CreditLimit;
        CreditRating = terms.CreditRating;
    }

    /// <summary>An earned change of class (prospect → new on the first contract). Any other change is refused here:
    /// it is a <see cref="CustomerClassChangeRequest"/> that the sales manager approves (issue #16).</summary>
    public Result ChangeClass(CustomerClass to)
    {
        if (!CustomerClassRules.CanChange(Class, to))
        {
            return CustomerClassRules.IllegalChange.With(Class, to);
        }

        if (to != Class && !CustomerClassRules.IsEarned(Class, to))
        {
            return CustomerClassRules.NotEarned.With(Class, to);
        }

        Class = to;
        return Result.Success();
    }

    /// <summary>Applies an approved class change request; only the request calls this.</summary>
    internal void ApplyApprovedClass(CustomerClass to) => Class = to;

    /// <summary>When the owner last went through this customer in the six-monthly archive review (docs/process.md §2).</summary>
    public DateTime? LastArchiveReviewUtc { get; private set; }

    /// <summary>The owner looked at the customer in the six-monthly archive review (kept, reclassified or marked inactive).</summary>
    public void RecordArchiveReview(DateTime atUtc) => LastArchiveReviewUtc = atUtc;

    /// <summary>Applies the archive rule; returns true when the class changed.</summary>
    public bool PromoteIfEligible(int completedContracts)
    {
        if (!CustomerClassRules.ShouldPromoteToRegular(Class, completedContracts))
        {
            return false;
        }

        Class = CustomerClass.Regular;
        return true;
    }

    public void AssignOwner(string? userId) => OwnerUserId = userId;

    /// <summary>Who may change the archive entry (its details, status and contacts): its owner and the
    /// sales manager. Anyone else may read it but not change it (issue #21).</summary>
    public bool MayBeEditedBy(string? userId, bool isSalesManager) =>
        isSalesManager || (!string.IsNullOrEmpty(userId) && string.Equals(OwnerUserId, userId, StringComparison.Ordinal));

    /// <summary>The owner or the sales manager learned that the customer closed or went bankrupt (docs/process.md §2): it
    /// comes up in the archive review with that reason, where it is marked inactive through an approved request. Null when
    /// nothing was reported.</summary>
    public CustomerClosure? Closure { get; private set; }

    public string? ClosureNote { get; private set; }

    public DateTime? ClosureReportedAtUtc { get; private set; }

    /// <summary>Records that the customer closed or went bankrupt, with what is known (audited as any change of the customer).</summary>
    public Result ReportClosure(CustomerClosure closure, string note, DateTime atUtc)
    {
        if (Status == CustomerStatus.Inactive)
        {
            return AlreadyInactive;
        }

        Closure = closure;
        ClosureNote = note;
        ClosureReportedAtUtc = atUtc;
        return Result.Success();
    }

    /// <summary>Sets the customer inactive; called when a mark-inactive <see cref="CustomerClassChangeRequest"/> is approved
    /// (issue #16) and when reference data is loaded.</summary>
    public Result Deactivate(string reason)
    {
        if (Status == CustomerStatus.Inactive)
        {
            return AlreadyInactive;
        }

        Status = CustomerStatus.Inactive;
        InactiveReason = reason;
        return Result.Success();
    }

    public Result Reactivate()
    {
        if (Status == CustomerStatus.Active)
        {
            return AlreadyActive;
        }

        Status = CustomerStatus.Active;
        InactiveReason = null;
        Closure = null; // trading again: a closure reported before no longer holds
        ClosureNote = null;
        ClosureReportedAtUtc = null;
        return Result.Success();
    }

    public Contact AddContact(string name, string? title, string? phone, string? email, bool isPrimary)
    {
        if (isPrimary)
        {
            foreach (var other in _contacts)
            {
                other.Update(other.Name, other.Title, other.Phone, other.Email, false);
            }
        }

        var contact = new Contact(Id, name, title, phone, email, isPrimary || !_contacts.Any(c => c.IsActive));
        _contacts.Add(contact);
        return contact;
    }
}
