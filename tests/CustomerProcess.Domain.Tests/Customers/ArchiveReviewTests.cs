using CustomerProcess.Domain.Customers;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class ArchiveReviewTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Theory]
    [InlineData(-1, false)] // reviewed a second less than six months ago
    [InlineData(0, true)]   // exactly six months ago
    [InlineData(1, true)]
    public void A_customer_is_due_six_months_after_its_last_review(int secondsOver, bool due)
    {
        Assert.Equal(due, ArchiveReviewRules.IsReviewDue(Now.AddMonths(-6).AddSeconds(-secondsOver), Now));
    }

    [Fact]
    public void A_customer_never_reviewed_is_due()
    {
        Assert.True(ArchiveReviewRules.IsReviewDue(null, Now));
    }

    [Theory]
    [InlineData(-1, true)] // a day older than twelve months
    [InlineData(0, false)] // exactly twelve months
    [InlineData(1, false)]
    public void No_contract_in_twelve_months_is_a_reason(int daysAfterLimit, bool reason)
    {
        var reasons = ArchiveReviewRules.Reasons(Today.AddMonths(-12).AddDays(daysAfterLimit), false, 0, 0m, Today);

        Assert.Equal(reason, reasons.Contains(ArchiveReviewReason.NoRecentContract));
    }

    [Theory]
    [InlineData(10_000_000, false)] // at the limit
    [InlineData(10_000_001, true)]  // a fen over
    public void More_open_than_the_credit_limit_is_a_reason(long openMinor, bool reason)
    {
        var reasons = ArchiveReviewRules.Reasons(Today, false, openMinor, 100_000m, Today);

        Assert.Equal(reason, reasons.Contains(ArchiveReviewReason.CreditLimitExceeded));
    }

    [Fact]
    public void An_overdue_payment_is_a_reason_and_a_recent_customer_in_order_has_none()
    {
        Assert.Equal([ArchiveReviewReason.OverduePayment], ArchiveReviewRules.Reasons(Today, true, 0, 0m, Today));
        Assert.Empty(ArchiveReviewRules.Reasons(Today, false, 0, 0m, Today));
    }

    [Fact]
    public void Recording_a_review_sets_its_date_on_the_customer()
    {
        var customer = new Customer("C-R", "Review Ltd.", CustomerClass.Regular, "sales");

        customer.RecordArchiveReview(Now);

        Assert.Equal(Now, customer.LastArchiveReviewUtc);
        Assert.False(ArchiveReviewRules.IsReviewDue(customer.LastArchiveReviewUtc, Now.AddMonths(5)));
    }

    [Theory]
    [InlineData(-1, false)] // reported a second before the last review: that review dealt with it
    [InlineData(0, false)]  // reported at the moment of the review
    [InlineData(1, true)]   // reported a second after the review: due at once
    public void A_customer_reported_closed_after_its_last_review_is_due_at_once(int secondsAfterReview, bool due)
    {
        var reviewed = Now.AddDays(-10);
        Assert.Equal(due, ArchiveReviewRules.IsReviewDue(reviewed, reviewed.AddSeconds(secondsAfterReview), Now));
    }

    [Fact]
    public void Without_a_closure_the_review_is_due_as_before()
    {
        Assert.False(ArchiveReviewRules.IsReviewDue(Now.AddDays(-10), null, Now));
        Assert.True(ArchiveReviewRules.IsReviewDue(null, null, Now));
        Assert.True(ArchiveReviewRules.IsReviewDue(Now.AddMonths(-6), null, Now));
    }

    [Theory]
    [InlineData(CustomerClosure.Closed, ArchiveReviewReason.Closed)]
    [InlineData(CustomerClosure.Bankrupt, ArchiveReviewReason.Bankrupt)]
    public void A_reported_closure_is_the_first_reason(CustomerClosure closure, ArchiveReviewReason reason)
    {
        var reasons = ArchiveReviewRules.Reasons(Today.AddDays(-1), false, 0, 0m, closure, Today);

        Assert.Equal(new[] { reason }, reasons);
    }

    [Fact]
    public void Reporting_a_closure_keeps_what_is_known_and_reactivation_clears_it()
    {
        var customer = new Customer("C-Z", "Zu Ltd.", CustomerClass.Regular, "sales");

        Assert.True(customer.ReportClosure(CustomerClosure.Bankrupt, "court notice", Now).Succeeded);
        Assert.Equal(CustomerClosure.Bankrupt, customer.Closure);
        Assert.Equal("court notice", customer.ClosureNote);
        Assert.Equal(Now, customer.ClosureReportedAtUtc);

        Assert.True(customer.Deactivate("bankrupt").Succeeded);
        Assert.Equal(Customer.AlreadyInactive, customer.ReportClosure(CustomerClosure.Closed, "again", Now).Error);
        Assert.True(customer.Reactivate().Succeeded);
        Assert.Null(customer.Closure);
        Assert.Null(customer.ClosureReportedAtUtc);
    }
}
