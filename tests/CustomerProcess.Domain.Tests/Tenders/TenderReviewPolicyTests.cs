using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;

namespace CustomerProcess.Domain.Tests.Tenders;

public sealed class TenderReviewPolicyTests
{
    [Theory]
    [InlineData(TenderReviewStage.GoNoGo)]
    [InlineData(TenderReviewStage.Bid)]
    public void A_tender_just_under_three_million_is_reviewed_inside_the_business_unit_and_concluded_by_its_head(TenderReviewStage stage)
    {
        var route = TenderReviewPolicy.Decide(stage, 2_999_999.99m, TenderThresholds.Default);

        Assert.Equal(ReviewLevel.Simplified, route.Level);
        Assert.True(route.ConcludedByBusinessUnitHead);
        Assert.False(route.RequiresGeneralManager);
        Assert.Equal(TenderReviewPolicy.InternalDepartments, route.Departments);
        Assert.Equal(TenderReviewPolicy.InternalReason, route.Reasons[0].ReasonKey);
        Assert.Equal([2_999_999.99m, 3_000_000m], route.Reasons[0].Arguments);
    }

    [Theory]
    [InlineData(TenderReviewStage.GoNoGo, 3_000_000.00)]
    [InlineData(TenderReviewStage.Bid, 3_000_000.00)]
    [InlineData(TenderReviewStage.Bid, 3_000_000.01)]
    public void A_tender_of_three_million_or_more_goes_to_full_review_with_the_general_managers_approval(TenderReviewStage stage, double amount)
    {
        var route = TenderReviewPolicy.Decide(stage, (decimal)amount, TenderThresholds.Default);

        Assert.Equal(ReviewLevel.FullCountersign, route.Level);
        Assert.False(route.ConcludedByBusinessUnitHead);
        Assert.True(route.RequiresGeneralManager);
        Assert.Equal(TenderReviewPolicy.FullDepartments, route.Departments);
        Assert.Equal(TenderReviewPolicy.FullReason, route.Reasons[0].ReasonKey);
    }

    [Fact]
    public void The_threshold_is_a_setting()
    {
        var route = TenderReviewPolicy.Decide(TenderReviewStage.Bid, 1_500_000m, new TenderThresholds(1_000_000m));

        Assert.True(route.RequiresGeneralManager);
        Assert.False(new TenderPolicySetting(TenderThresholds.Default).Change(new TenderThresholds(0m)).Succeeded);
    }

    [Fact]
    public void The_go_no_go_review_is_routed_by_the_estimate_and_the_bid_review_by_the_bid()
    {
        var tender = TenderTests.NewTender(estimate: 3_500_000m);
        tender.StartGoNoGoReview();
        tender.FollowGoNoGo(approved: true, DateTime.UtcNow);
        tender.PrepareBid(2_800_000m, null);

        Assert.Equal(3_500_000m, tender.ReviewAmount(TenderReviewStage.GoNoGo));
        Assert.Equal(2_800_000m, tender.ReviewAmount(TenderReviewStage.Bid));
    }

    /// <summary>The form shows the tender threshold the review was routed by, the same amount its reason compares with,
    /// and never the snapshot's meeting amount (ten times the threshold, kept only for the snapshot's validity).</summary>
    [Theory]
    [InlineData(TenderReviewStage.GoNoGo, 2_999_999.99, ReviewLevel.Simplified)]
    [InlineData(TenderReviewStage.Bid, 2_999_999.99, ReviewLevel.Simplified)]
    [InlineData(TenderReviewStage.Bid, 3_000_000.00, ReviewLevel.FullCountersign)]
    [InlineData(TenderReviewStage.Bid, 3_000_000.01, ReviewLevel.FullCountersign)]
    public void A_tender_reviews_form_shows_the_tender_threshold_it_was_routed_by_and_no_meeting_amount(TenderReviewStage stage, double amount, ReviewLevel level)
    {
        var route = TenderReviewPolicy.Decide(stage, (decimal)amount, TenderThresholds.Default);
        var snapshot = TenderReviewPolicy.Snapshot(TenderThresholds.Default);
        var kind = stage == TenderReviewStage.GoNoGo ? ReviewSubjectKind.TenderInvitation : ReviewSubjectKind.Bid;

        var note = RoutingThresholds.Describe(kind, snapshot);

        Assert.Equal(level, route.Level);
        Assert.True(snapshot.IsValid);
        Assert.Equal(RoutingThresholds.TenderNote, note.MessageKey);
        Assert.Equal([3_000_000m], note.Amounts);
        Assert.Equal(route.Reasons[0].Arguments[1], note.Amounts[0]);
        Assert.DoesNotContain(snapshot.ReviewMeetingAmount, note.Amounts);
    }

    [Theory]
    [InlineData(ReviewSubjectKind.SalesOrder)]
    [InlineData(ReviewSubjectKind.ContractChange)]
    public void An_order_reviews_form_shows_both_review_policy_thresholds(ReviewSubjectKind kind)
    {
        var note = RoutingThresholds.Describe(kind, ReviewThresholds.Default);

        Assert.Equal(RoutingThresholds.OrderNote, note.MessageKey);
        Assert.Equal([200_000m, 1_000_000m], note.Amounts);
    }
}
