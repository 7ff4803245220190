using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Reviews.Rules;

namespace CustomerProcess.Domain.Tests.Reviews;

public sealed class ReviewRulesTests
{
    private static readonly ReviewThresholds Defaults = ReviewThresholds.Default;

    private static OrderFacts Facts(
        decimal amount = 150_000m,
        CustomerClass customerClass = CustomerClass.Regular,
        ProductNovelty novelty = ProductNovelty.Standard,
        bool oem = false,
        bool foreign = false,
        bool special = false,
        bool nonStandardClauses = false,
        bool siteWork = false,
        bool repeat = false,
        OrderChannel channel = OrderChannel.PurchaseOrder) =>
        new(amount, customerClass, channel, novelty, oem, foreign, special, nonStandardClauses, siteWork, repeat);

    [Theory]
    [InlineData("199999.99", ReviewLevel.Simplified)]
    [InlineData("200000", ReviewLevel.FullCountersign)]
    [InlineData("200000.01", ReviewLevel.FullCountersign)]
    [InlineData("999999.99", ReviewLevel.FullCountersign)]
    [InlineData("1000000", ReviewLevel.ReviewMeeting)]
    [InlineData("1000000.01", ReviewLevel.ReviewMeeting)]
    public void The_amount_thresholds(string amount, ReviewLevel expected)
    {
        var decision = ReviewPolicy.Standard.Decide(Facts(amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), Defaults);
        Assert.Equal(expected, decision.Level);
    }

    [Theory]
    [InlineData("199999.99", null)]
    [InlineData("200000", ReviewLevel.FullCountersign)]
    [InlineData("999999.99", ReviewLevel.FullCountersign)]
    [InlineData("1000000", ReviewLevel.ReviewMeeting)]
    public void The_amount_rule_alone(string amount, ReviewLevel? expected)
    {
        var finding = new AmountRule().Evaluate(Facts(amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), Defaults);
        Assert.Equal(expected, finding?.Level);
    }

    [Fact]
    public void Thresholds_are_settings_not_constants()
    {
        var custom = new ReviewThresholds(100_000m, 500_000m, 5_000m);
        Assert.Equal(ReviewLevel.FullCountersign, ReviewPolicy.Standard.Decide(Facts(amount: 100_000m), custom).Level);
        Assert.Equal(ReviewLevel.Simplified, ReviewPolicy.Standard.Decide(Facts(amount: 99_999.99m), custom).Level);
        Assert.Equal(ReviewLevel.ReviewMeeting, ReviewPolicy.Standard.Decide(Facts(amount: 500_000m), custom).Level);
    }

    [Theory]
    [InlineData(CustomerClass.New, ReviewLevel.FullCountersign)]
    [InlineData(CustomerClass.Prospect, ReviewLevel.FullCountersign)]
    [InlineData(CustomerClass.Regular, ReviewLevel.Simplified)]
    public void A_new_customer_needs_full_review(CustomerClass customerClass, ReviewLevel expected)
    {
        Assert.Equal(expected, ReviewPolicy.Standard.Decide(Facts(customerClass: customerClass), Defaults).Level);
    }

    [Theory]
    [InlineData(ProductNovelty.Standard, ReviewLevel.Simplified)]
    [InlineData(ProductNovelty.RepeatReviewed, ReviewLevel.Simplified)]
    [InlineData(ProductNovelty.NewProduct, ReviewLevel.FullCountersign)]
    [InlineData(ProductNovelty.Redesign, ReviewLevel.FullCountersign)]
    [InlineData(ProductNovelty.StableNewConditions, ReviewLevel.ReviewMeeting)]
    public void Product_novelty(ProductNovelty novelty, ReviewLevel expected)
    {
        Assert.Equal(expected, ReviewPolicy.Standard.Decide(Facts(novelty: novelty), Defaults).Level);
    }

    [Fact]
    public void OEM_foreign_trade_and_special_requirements_each_need_full_review()
    {
        Assert.Equal(ReviewLevel.FullCountersign, ReviewPolicy.Standard.Decide(Facts(oem: true), Defaults).Level);
        Assert.Equal(ReviewLevel.FullCountersign, ReviewPolicy.Standard.Decide(Facts(foreign: true), Defaults).Level);
        Assert.Equal(ReviewLevel.FullCountersign, ReviewPolicy.Standard.Decide(Facts(special: true), Defaults).Level);
    }

    [Fact]
    public void A_repeat_order_for_a_regular_customer_is_an_order_confirmation()
    {
        var decision = ReviewPolicy.Standard.Decide(Facts(repeat: true), Defaults);
        Assert.Equal(ReviewLevel.Confirmation, decision.Level);
        Assert.Equal([ReviewDepartments.Sales, ReviewDepartments.Production], decision.Departments);
        Assert.False(decision.RequiresGeneralManager);
    }

    [Theory]
    [InlineData(CustomerClass.New)]
    [InlineData(CustomerClass.Partner)]
    public void A_repeat_order_from_a_customer_who_is_not_regular_is_not_a_confirmation(CustomerClass customerClass)
    {
        Assert.NotEqual(ReviewLevel.Confirmation, ReviewPolicy.Standard.Decide(Facts(repeat: true, customerClass: customerClass), Defaults).Level);
    }

    [Fact]
    public void A_large_repeat_order_still_needs_full_review()
    {
        Assert.Equal(ReviewLevel.FullCountersign, ReviewPolicy.Standard.Decide(Facts(repeat: true, amount: 200_000m), Defaults).Level);
    }

    [Fact]
    public void In_combination_the_highest_level_wins_and_every_escalation_is_given_highest_first()
    {
        var decision = ReviewPolicy.Standard.Decide(Facts(amount: 1_200_000m, customerClass: CustomerClass.New, oem: true), Defaults);

        Assert.Equal(ReviewLevel.ReviewMeeting, decision.Level);
        Assert.True(decision.RequiresGeneralManager);
        Assert.Equal(["amount {0} ≥ {1}", "new customer / first order", "OEM order"], decision.Reasons.Select(r => r.ReasonKey));
        Assert.Equal([1_200_000m, 1_000_000m], decision.Reasons[0].Arguments);
        Assert.DoesNotContain(decision.Reasons, r => r.Level < ReviewLevel.FullCountersign);
    }

    [Fact]
    public void A_simplified_review_gives_the_baseline_reason()
    {
        var decision = ReviewPolicy.Standard.Decide(Facts(amount: 150_000m), Defaults);
        Assert.Equal(["amount {0} < {1}"], decision.Reasons.Select(r => r.ReasonKey));
    }

    [Fact]
    public void Full_review_reasons_list_every_rule_that_fired()
    {
        var decision = ReviewPolicy.Standard.Decide(Facts(amount: 300_000m, customerClass: CustomerClass.New), Defaults);
        Assert.Equal(["amount {0} ≥ {1}", "new customer / first order"], decision.Reasons.Select(r => r.ReasonKey));
    }

    [Fact]
    public void Simplified_review_is_signed_by_sales_and_production_and_concluded_without_the_GM()
    {
        var decision = ReviewPolicy.Standard.Decide(Facts(amount: 150_000m), Defaults);
        Assert.Equal(ReviewLevel.Simplified, decision.Level);
        Assert.Equal([ReviewDepartments.Sales, ReviewDepartments.Production], decision.Departments);
        Assert.False(decision.RequiresGeneralManager);
    }

    [Fact]
    public void Full_review_has_six_departments_plus_legal_and_safety_when_their_triggers_apply()
    {
        var plain = ReviewPolicy.Standard.Decide(Facts(amount: 250_000m), Defaults);
        Assert.Equal(6, plain.Departments.Count);
        Assert.DoesNotContain(ReviewDepartments.Legal, plain.Departments);

        var both = ReviewPolicy.Standard.Decide(Facts(amount: 250_000m, nonStandardClauses: true, siteWork: true), Defaults);
        Assert.Contains(ReviewDepartments.Legal, both.Departments);
        Assert.Contains(ReviewDepartments.SafetyEnvironment, both.Departments);
        Assert.Equal(8, both.Departments.Count);
    }

    [Fact]
    public void Non_standard_clauses_do_not_add_legal_to_a_simplified_review()
    {
        var decision = ReviewPolicy.Standard.Decide(Facts(amount: 10_000m, nonStandardClauses: true), Defaults);
        Assert.DoesNotContain(ReviewDepartments.Legal, decision.Departments);
    }

    [Fact]
    public void Every_department_section_has_a_checklist()
    {
        Assert.All(ReviewDepartments.FormOrder, d => Assert.NotEmpty(ReviewDepartments.Checklist(d)));
    }
}
