using CustomerProcess.Domain.Customers;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class CustomerClassRulesTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)] // just below
    [InlineData(2, true)]  // at the threshold
    [InlineData(3, true)]  // just above
    public void A_new_customer_becomes_regular_after_two_completed_contracts(int completed, bool promoted)
    {
        Assert.Equal(promoted, CustomerClassRules.ShouldPromoteToRegular(CustomerClass.New, completed));
    }

    [Theory]
    [InlineData(CustomerClass.Prospect)]
    [InlineData(CustomerClass.Regular)]
    [InlineData(CustomerClass.Competitor)]
    [InlineData(CustomerClass.Partner)]
    public void Only_new_customers_are_promoted(CustomerClass current)
    {
        Assert.False(CustomerClassRules.ShouldPromoteToRegular(current, 10));
    }

    [Theory]
    [InlineData(CustomerClass.Prospect, CustomerClass.New, true)]
    [InlineData(CustomerClass.Prospect, CustomerClass.Regular, false)]
    [InlineData(CustomerClass.New, CustomerClass.Regular, true)]
    [InlineData(CustomerClass.New, CustomerClass.Prospect, false)]
    [InlineData(CustomerClass.Regular, CustomerClass.New, false)]
    [InlineData(CustomerClass.Regular, CustomerClass.Prospect, false)]
    [InlineData(CustomerClass.Regular, CustomerClass.Partner, true)]
    [InlineData(CustomerClass.Competitor, CustomerClass.Prospect, true)]
    [InlineData(CustomerClass.Competitor, CustomerClass.Regular, false)]
    [InlineData(CustomerClass.Partner, CustomerClass.Regular, true)]
    public void The_class_transition_table(CustomerClass from, CustomerClass to, bool allowed)
    {
        Assert.Equal(allowed, CustomerClassRules.CanChange(from, to));
    }

    [Theory]
    [InlineData(CustomerClass.Prospect, true)]
    [InlineData(CustomerClass.New, true)]
    [InlineData(CustomerClass.Regular, true)]
    [InlineData(CustomerClass.Competitor, false)]
    [InlineData(CustomerClass.Partner, false)]
    [InlineData(CustomerClass.Institute, false)]
    public void Only_prospects_new_and_regular_customers_are_customer_records(CustomerClass customerClass, bool customer) =>
        Assert.Equal(customer, CustomerClassRules.IsCustomer(customerClass));

    [Fact]
    public void Every_class_may_stay_as_it_is()
    {
        Assert.All(Enum.GetValues<CustomerClass>(), c => Assert.True(CustomerClassRules.CanChange(c, c)));
    }

    [Fact]
    public void Changing_a_regular_customer_back_to_new_is_an_error_and_leaves_the_class()
    {
        var customer = new Customer("C1", "Regular Ltd.", CustomerClass.Regular, null);

        var result = customer.ChangeClass(CustomerClass.New);

        Assert.False(result.Succeeded);
        Assert.Equal("customer.class.illegal", result.Error!.Code);
        Assert.Equal(CustomerClass.Regular, customer.Class);
    }

    [Fact]
    public void PromoteIfEligible_changes_the_class_once()
    {
        var customer = new Customer("C2", "New Ltd.", CustomerClass.New, null);

        Assert.False(customer.PromoteIfEligible(1));
        Assert.Equal(CustomerClass.New, customer.Class);
        Assert.True(customer.PromoteIfEligible(2));
        Assert.Equal(CustomerClass.Regular, customer.Class);
        Assert.False(customer.PromoteIfEligible(3));
    }

    [Fact]
    public void Deactivation_keeps_the_reason_and_cannot_happen_twice()
    {
        var customer = new Customer("C3", "Closing Ltd.", CustomerClass.Regular, null);

        Assert.True(customer.Deactivate("bankrupt").Succeeded);
        Assert.Equal(CustomerStatus.Inactive, customer.Status);
        Assert.Equal("bankrupt", customer.InactiveReason);
        Assert.Equal(Customer.AlreadyInactive, customer.Deactivate("again").Error);
        Assert.True(customer.Reactivate().Succeeded);
        Assert.Null(customer.InactiveReason);
        Assert.Equal(Customer.AlreadyActive, customer.Reactivate().Error);
    }

    [Fact]
    public void The_first_contact_is_primary_and_a_new_primary_replaces_the_old_one()
    {
        var customer = new Customer("C4", "Contacts Ltd.", CustomerClass.New, null);

        var first = customer.AddContact("A", null, null, null, isPrimary: false);
        var second = customer.AddContact("B", null, null, null, isPrimary: false);
        Assert.True(first.IsPrimary);
        Assert.False(second.IsPrimary);

        var third = customer.AddContact("C", null, null, null, isPrimary: true);
        Assert.True(third.IsPrimary);
        Assert.False(first.IsPrimary);
        Assert.Equal(customer.Id, third.CustomerId);
    }
}
