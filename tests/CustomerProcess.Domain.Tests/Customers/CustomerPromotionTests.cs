using CustomerProcess.Domain.Customers;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class CustomerPromotionTests
{
    private static Customer Of(CustomerClass customerClass) => new("C-T", "测试客户", customerClass, null);

    [Theory]
    [InlineData(CustomerClass.Prospect, true, CustomerClass.New)]
    [InlineData(CustomerClass.New, false, CustomerClass.New)]
    [InlineData(CustomerClass.Regular, false, CustomerClass.Regular)]
    [InlineData(CustomerClass.Partner, false, CustomerClass.Partner)]
    public void A_prospect_becomes_a_new_customer_with_its_first_signed_contract(CustomerClass before, bool changed, CustomerClass after)
    {
        var customer = Of(before);

        Assert.Equal(changed, CustomerPromotion.OnContractSigned(customer));
        Assert.Equal(after, customer.Class);
    }

    [Theory]
    [InlineData(1, false, CustomerClass.New)]     // just below: one completed contract
    [InlineData(2, true, CustomerClass.Regular)]  // at: the second
    [InlineData(3, true, CustomerClass.Regular)]  // above
    public void A_new_customer_becomes_regular_when_its_second_contract_completes(int completed, bool changed, CustomerClass after)
    {
        var customer = Of(CustomerClass.New);

        Assert.Equal(changed, CustomerPromotion.AfterContractCompleted(customer, completed));
        Assert.Equal(after, customer.Class);
    }

    [Fact]
    public void A_prospect_is_not_made_regular_by_completed_contracts()
    {
        var customer = Of(CustomerClass.Prospect);

        Assert.False(CustomerPromotion.AfterContractCompleted(customer, 2));
        Assert.Equal(CustomerClass.Prospect, customer.Class);
    }
}
