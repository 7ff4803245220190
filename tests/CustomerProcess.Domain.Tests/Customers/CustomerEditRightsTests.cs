using CustomerProcess.Domain.Customers;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class CustomerEditRightsTests
{
    [Theory]
    [InlineData("owner", false, true)]
    [InlineData("someone-else", false, false)]
    [InlineData("someone-else", true, true)]
    [InlineData(null, false, false)]
    [InlineData("", false, false)]
    [InlineData("OWNER", false, false)]
    public void Only_the_owner_and_the_sales_manager_may_edit_a_customer(string? userId, bool isSalesManager, bool mayEdit)
    {
        var customer = new Customer("C1", "Owned Ltd.", CustomerClass.New, "owner");

        Assert.Equal(mayEdit, customer.MayBeEditedBy(userId, isSalesManager));
    }

    [Fact]
    public void A_customer_without_an_owner_is_edited_only_by_the_sales_manager()
    {
        var customer = new Customer("C2", "Orphan Ltd.", CustomerClass.New, null);

        Assert.False(customer.MayBeEditedBy(null, isSalesManager: false));
        Assert.False(customer.MayBeEditedBy("sales", isSalesManager: false));
        Assert.True(customer.MayBeEditedBy("manager", isSalesManager: true));
    }
}
