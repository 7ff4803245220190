using CustomerProcess.Domain.Customers;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class PromotionTests
{
    private static Customer NewCustomer(CustomerClass customerClass) => new("C-T", "测试客户", customerClass, null);

    [Theory]
    [InlineData(1, false, CustomerClass.New)]     // just below: the first completed contract
    [InlineData(2, true, CustomerClass.Regular)]  // at: the second
    [InlineData(3, true, CustomerClass.Regular)]  // above (e.g. promotion was missed earlier)
    public void A_new_customer_is_promoted_when_its_second_contract_completes(int completed, bool changed, CustomerClass after)
    {
        var customer = NewCustomer(CustomerClass.New);

        Assert.Equal(changed, customer.PromoteIfEligible(completed));
        Assert.Equal(after, customer.Class);
    }

    [Theory]
    [InlineData(CustomerClass.Regular)]
    [InlineData(CustomerClass.Prospect)]
    [InlineData(CustomerClass.Partner)]
    public void Other_classes_are_not_changed_by_completed_contracts(CustomerClass customerClass)
    {
        var customer = NewCustomer(customerClass);

        Assert.False(customer.PromoteIfEligible(2));
        Assert.Equal(customerClass, customer.Class);
    }
}
