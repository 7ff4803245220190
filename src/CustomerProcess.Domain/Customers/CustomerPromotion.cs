namespace CustomerProcess.Domain.Customers;

/// <summary>
/// The customer class follows the contracts (docs/process.md §2): a prospect with its first signed contract
/// is a new customer; a new customer with two completed contracts is a regular customer.
/// </summary>
public static class CustomerPromotion
{
    /// <summary>A contract was signed: a prospect becomes a new customer. Returns true when the class changed.</summary>
    public static bool OnContractSigned(Customer customer)
    {
        if (customer.Class != CustomerClass.Prospect)
        {
            return false;
        }

        return customer.ChangeClass(CustomerClass.New).Succeeded;
    }

    /// <summary>A contract completed; <paramref name="completedContracts"/> counts it with the earlier completed ones.
    /// Returns true when the class changed.</summary>
    public static bool AfterContractCompleted(Customer customer, int completedContracts) =>
        customer.PromoteIfEligible(completedContracts);
}
