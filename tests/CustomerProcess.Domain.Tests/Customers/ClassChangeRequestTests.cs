using CustomerProcess.Domain.Customers;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class ClassChangeRequestTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 6, 0, 0, DateTimeKind.Utc);

    private static Customer Customer(CustomerClass c) => new("C-K", "Class Ltd.", c, "sales");

    [Theory]
    [InlineData(CustomerClass.Prospect, CustomerClass.New, true)]
    [InlineData(CustomerClass.New, CustomerClass.Regular, true)]
    [InlineData(CustomerClass.Prospect, CustomerClass.Competitor, false)]
    [InlineData(CustomerClass.New, CustomerClass.Partner, false)]
    [InlineData(CustomerClass.Regular, CustomerClass.Institute, false)]
    [InlineData(CustomerClass.Partner, CustomerClass.Regular, false)]
    public void Only_the_first_contract_and_the_second_completed_contract_earn_a_class(CustomerClass from, CustomerClass to, bool earned)
    {
        Assert.Equal(earned, CustomerClassRules.IsEarned(from, to));
    }

    [Fact]
    public void A_typed_upgrade_from_new_to_partner_is_refused_on_the_customer_and_leaves_the_class()
    {
        var customer = Customer(CustomerClass.New);

        var result = customer.ChangeClass(CustomerClass.Partner);

        Assert.Equal(CustomerClassRules.NotEarned.Code, result.Error!.Code);
        Assert.Equal(CustomerClass.New, customer.Class);
    }

    [Fact]
    public void The_earned_change_from_prospect_to_new_is_applied()
    {
        var customer = Customer(CustomerClass.Prospect);

        Assert.True(customer.ChangeClass(CustomerClass.New).Succeeded);
        Assert.Equal(CustomerClass.New, customer.Class);
    }

    [Theory]
    [InlineData("sales", false, true)]        // the owner
    [InlineData("salesmanager", true, true)]  // the sales manager
    [InlineData("sales2", false, false)]      // another salesperson
    public void The_owner_and_the_sales_manager_may_ask_for_a_class_change(string userId, bool isSalesManager, bool allowed)
    {
        var result = CustomerClassChangeRequest.Ask(Customer(CustomerClass.New), CustomerClass.Regular, "long-standing partner", userId, userId, isSalesManager, Now);

        Assert.Equal(allowed, result.Succeeded);
        if (!allowed)
        {
            Assert.Equal(CustomerClassChangeRequest.NotOwner, result.Error);
        }
    }

    [Fact]
    public void Asking_changes_nothing_on_the_customer()
    {
        var customer = Customer(CustomerClass.New);

        var request = CustomerClassChangeRequest.Ask(customer, CustomerClass.Regular, "why", "sales", "Wang", false, Now).Value!;

        Assert.Equal(CustomerClass.New, customer.Class);
        Assert.Equal(ClassChangeStatus.Pending, request.Status);
        Assert.True(request.NeedsQuality);
    }

    [Theory]
    [InlineData(CustomerClass.New, CustomerClass.Regular, true)]
    [InlineData(CustomerClass.Prospect, CustomerClass.Partner, true)]
    [InlineData(CustomerClass.Prospect, CustomerClass.Competitor, true)]
    [InlineData(CustomerClass.Regular, CustomerClass.Partner, false)]
    [InlineData(CustomerClass.Partner, CustomerClass.New, false)]
    public void Quality_approves_too_when_the_change_lowers_the_review_level(CustomerClass from, CustomerClass to, bool needsQuality)
    {
        Assert.Equal(needsQuality, CustomerClassRules.LowersReviewLevel(from, to));
    }

    [Fact]
    public void A_lowering_change_needs_the_sales_manager_and_quality_before_the_class_changes()
    {
        var customer = Customer(CustomerClass.New);
        var request = CustomerClassChangeRequest.Ask(customer, CustomerClass.Regular, "why", "sales", "Wang", false, Now).Value!;

        Assert.True(request.Approve(customer, "salesmanager", "Li", isSalesManager: true, isGeneralManager: false, isQualityHead: false, Now).Succeeded);
        Assert.Equal(CustomerClass.New, customer.Class);
        Assert.Equal(ClassChangeStatus.Pending, request.Status);

        Assert.True(request.Approve(customer, "quality", "Zhang", isSalesManager: false, isGeneralManager: false, isQualityHead: true, Now).Succeeded);
        Assert.Equal(CustomerClass.Regular, customer.Class);
        Assert.Equal(ClassChangeStatus.Approved, request.Status);
    }

    [Fact]
    public void A_change_that_does_not_lower_the_review_level_needs_only_the_sales_manager()
    {
        var customer = Customer(CustomerClass.Regular);
        var request = CustomerClassChangeRequest.Ask(customer, CustomerClass.Partner, "joint venture", "sales", "Wang", false, Now).Value!;

        Assert.True(request.Approve(customer, "salesmanager", "Li", true, false, false, Now).Succeeded);

        Assert.Equal(CustomerClass.Partner, customer.Class);
    }

    [Fact]
    public void A_salesperson_quality_staff_or_finance_may_not_approve()
    {
        var customer = Customer(CustomerClass.Regular);
        var request = CustomerClassChangeRequest.Ask(customer, CustomerClass.Partner, "why", "sales", "Wang", false, Now).Value!;

        Assert.Equal(CustomerClassChangeRequest.NotApprover, request.Approve(customer, "sales2", "Other", false, false, false, Now).Error);
        Assert.Equal(CustomerClassChangeRequest.NotApprover, request.Approve(customer, "quality", "Zhang", false, false, true, Now).Error);
        Assert.Equal(CustomerClass.Regular, customer.Class);
    }

    [Fact]
    public void The_sales_manager_does_not_approve_their_own_request_the_general_manager_does()
    {
        var customer = Customer(CustomerClass.Regular);
        var request = CustomerClassChangeRequest.Ask(customer, CustomerClass.Partner, "why", "salesmanager", "Li", true, Now).Value!;

        Assert.Equal(CustomerClassChangeRequest.OwnRequest, request.Approve(customer, "salesmanager", "Li", true, false, false, Now).Error);
        Assert.Equal(CustomerClassChangeRequest.NotApprover, request.Approve(customer, "salesmanager2", "Other", true, false, false, Now).Error);
        Assert.True(request.Approve(customer, "gm", "Chen", false, true, false, Now).Succeeded);
        Assert.Equal(CustomerClass.Partner, customer.Class);
    }

    [Fact]
    public void A_request_made_against_a_class_that_changed_since_is_not_applied()
    {
        var customer = Customer(CustomerClass.Prospect);
        var request = CustomerClassChangeRequest.Ask(customer, CustomerClass.Competitor, "why", "sales", "Wang", false, Now).Value!;
        customer.ChangeClass(CustomerClass.New);

        var result = request.Approve(customer, "salesmanager", "Li", true, false, false, Now);

        Assert.Equal(CustomerClassChangeRequest.CustomerChanged, result.Error);
        Assert.Equal(CustomerClass.New, customer.Class);
    }

    [Fact]
    public void A_rejected_request_cannot_be_approved_afterwards()
    {
        var customer = Customer(CustomerClass.Regular);
        var request = CustomerClassChangeRequest.Ask(customer, CustomerClass.Partner, "why", "sales", "Wang", false, Now).Value!;
        Assert.True(request.Reject(customer, "salesmanager", "Li", true, false, false, Now, "no").Succeeded);

        Assert.Equal(CustomerClassChangeRequest.AlreadyDecided, request.Approve(customer, "salesmanager", "Li", true, false, false, Now).Error);
        Assert.Equal(CustomerClass.Regular, customer.Class);
    }

    [Fact]
    public void Marking_inactive_is_asked_and_happens_with_the_sales_managers_approval_only()
    {
        var customer = Customer(CustomerClass.New);
        var request = CustomerClassChangeRequest.AskInactive(customer, "bankrupt", "sales", "Wang", false, Now).Value!;

        Assert.True(request.MarksInactive);
        Assert.False(request.NeedsQuality);
        Assert.Equal(CustomerStatus.Active, customer.Status);
        Assert.Equal(CustomerClassChangeRequest.OwnRequest, request.Approve(customer, "sales", "Wang", false, false, false, Now).Error);
        Assert.Equal(CustomerClassChangeRequest.NotApprover, request.Approve(customer, "quality", "Qian", false, false, true, Now).Error);

        Assert.True(request.Approve(customer, "salesmanager", "Li", true, false, false, Now).Succeeded);

        Assert.Equal(CustomerStatus.Inactive, customer.Status);
        Assert.Equal("bankrupt", customer.InactiveReason);
        Assert.Equal(CustomerClass.New, customer.Class);
        Assert.Equal(ClassChangeStatus.Approved, request.Status);
    }

    [Fact]
    public void Only_the_owner_or_the_sales_manager_asks_to_mark_an_active_customer_inactive()
    {
        var customer = Customer(CustomerClass.Regular);

        Assert.Equal(CustomerClassChangeRequest.NotOwner, CustomerClassChangeRequest.AskInactive(customer, "closed", "sales2", "Zhou", false, Now).Error);
        Assert.True(CustomerClassChangeRequest.AskInactive(customer, "closed", "salesmanager", "Li", true, Now).Succeeded);
        Assert.True(customer.Deactivate("closed").Succeeded);
        Assert.Equal(CustomerClassChangeRequest.InactiveAlready, CustomerClassChangeRequest.AskInactive(customer, "closed", "sales", "Wang", false, Now).Error);
    }

    [Fact]
    public void A_request_to_mark_inactive_is_not_approved_when_the_customer_became_inactive_meanwhile()
    {
        var customer = Customer(CustomerClass.Regular);
        var request = CustomerClassChangeRequest.AskInactive(customer, "closed", "sales", "Wang", false, Now).Value!;
        Assert.True(customer.Deactivate("other reason").Succeeded);

        Assert.Equal(CustomerClassChangeRequest.InactiveAlready, request.Approve(customer, "salesmanager", "Li", true, false, false, Now).Error);
        Assert.Equal("other reason", customer.InactiveReason);
    }
}
