using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Customers;

/// <summary>Customer classification of docs/process.md §2. Stored as a string.</summary>
public enum CustomerClass
{
    Prospect,
    New,
    Regular,
    Competitor,
    Partner,
    Institute,
}

public enum CustomerStatus
{
    Active,
    Inactive,
}

/// <summary>What the owner learned about a customer that stopped trading (docs/process.md §2: closed or bankrupt).</summary>
public enum CustomerClosure
{
    Closed,
    Bankrupt,
}

/// <summary>Credit rating used by the finance review (payment ability and reputation).</summary>
public enum CreditRating
{
    NotRated,
    A,
    B,
    C,
    D,
}

/// <summary>
/// Which classification changes are allowed, which are earned and which need an approved request (issue #16), and the
/// archive's promotion rule ("新客户与我厂合作两次或两次以上应调整其为老客户").
/// </summary>
public static class CustomerClassRules
{
    public const int CompletedContractsForRegular = 2;

    public static readonly DomainError IllegalChange =
        new("customer.class.illegal", "The customer class cannot change from {0} to {1}.");

    public static readonly DomainError NotEarned =
        new("customer.class.not-earned", "The class {1} is not earned from {0}; ask the sales manager with a reason.");

    /// <summary>The transition table. A regular customer is never demoted to new or prospect.</summary>
    public static bool CanChange(CustomerClass from, CustomerClass to)
    {
        if (from == to)
        {
            return true;
        }

        return from switch
        {
            CustomerClass.Prospect => to is CustomerClass.New or CustomerClass.Competitor or CustomerClass.Partner or CustomerClass.Institute,
            CustomerClass.New => to is CustomerClass.Regular or CustomerClass.Partner or CustomerClass.Institute,
            CustomerClass.Regular => to is CustomerClass.Partner or CustomerClass.Institute,
            CustomerClass.Competitor => to is CustomerClass.Prospect or CustomerClass.Partner,
            CustomerClass.Partner => to is CustomerClass.Prospect or CustomerClass.New or CustomerClass.Regular or CustomerClass.Institute,
            CustomerClass.Institute => to is CustomerClass.Prospect or CustomerClass.New or CustomerClass.Regular or CustomerClass.Partner,
        };
    }

    /// <summary>The changes the records themselves earn: prospect → new on the first contract, new → regular on the
    /// second completed contract. Every other change is a <see cref="CustomerClassChangeRequest"/>.</summary>
    public static bool IsEarned(CustomerClass from, CustomerClass to) =>
        (from, to) is (CustomerClass.Prospect, CustomerClass.New) or (CustomerClass.New, CustomerClass.Regular);

    /// <summary>The classes the review rules treat as a first order (full countersign, docs/process.md §4).</summary>
    public static bool RoutesAsFirstOrder(CustomerClass c) => c is CustomerClass.Prospect or CustomerClass.New;

    /// <summary>A change that takes a customer out of the first-order classes lowers the review level of its next
    /// orders: quality approves it too.</summary>
    public static bool LowersReviewLevel(CustomerClass from, CustomerClass to) => RoutesAsFirstOrder(from) && !RoutesAsFirstOrder(to);

    /// <summary>The classes a customer may be created with: a new record has not earned anything yet.</summary>
    public static bool MayCreateAs(CustomerClass c) => c is CustomerClass.Prospect or CustomerClass.New;

    /// <summary>A new customer with two or more completed contracts becomes a regular customer.</summary>
    public static bool ShouldPromoteToRegular(CustomerClass current, int completedContracts) =>
        current == CustomerClass.New && completedContracts >= CompletedContractsForRegular;

    /// <summary>Whether a record of this class is a customer (prospect, new, regular); competitor, partner and institute
    /// records are kept in the archive too — a tendering party may be one — but are not customers.</summary>
    public static bool IsCustomer(CustomerClass c) => c switch
    {
        CustomerClass.Prospect or CustomerClass.New or CustomerClass.Regular => true,
        CustomerClass.Competitor or CustomerClass.Partner or CustomerClass.Institute => false,
    };

    public static IEnumerable<CustomerClass> AllowedTargets(CustomerClass from) =>
        Enum.GetValues<CustomerClass>().Where(to => CanChange(from, to));
}
