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
}

public enum CustomerStatus
{
    Active,
    Inactive,
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
/// Which classification changes are allowed, and the archive's promotion rule
/// ("新客户与我厂合作两次或两次以上应调整其为老客户").
/// </summary>
public static class CustomerClassRules
{
    public const int CompletedContractsForRegular = 2;

    public static readonly DomainError IllegalChange =
        new("customer.class.illegal", "The customer class cannot change from {0} to {1}.");

    /// <summary>The transition table. A regular customer is never demoted to new or prospect.</summary>
    public static bool CanChange(CustomerClass from, CustomerClass to)
    {
        if (from == to)
        {
            return true;
        }

        return from switch
        {
            CustomerClass.Prospect => to is CustomerClass.New or CustomerClass.Competitor or CustomerClass.Partner,
            CustomerClass.New => to is CustomerClass.Regular or CustomerClass.Partner,
            CustomerClass.Regular => to is CustomerClass.Partner,
            CustomerClass.Competitor => to is CustomerClass.Prospect or CustomerClass.Partner,
            CustomerClass.Partner => to is CustomerClass.Prospect or CustomerClass.New or CustomerClass.Regular,
        };
    }

    /// <summary>A new customer with two or more completed contracts becomes a regular customer.</summary>
    public static bool ShouldPromoteToRegular(CustomerClass current, int completedContracts) =>
        current == CustomerClass.New && completedContracts >= CompletedContractsForRegular;

    public static IEnumerable<CustomerClass> AllowedTargets(CustomerClass from) =>
        Enum.GetValues<CustomerClass>().Where(to => CanChange(from, to));
}
