using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Tests.Reviews;

public sealed class ReviewWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static Review NewReview(decimal amount, CustomerClass customerClass = CustomerClass.Regular)
    {
        var facts = new OrderFacts(amount, customerClass, OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, false, false);
        return Review.Open(ReviewSubjectKind.SalesOrder, Guid.NewGuid(), ReviewPolicy.Standard.Decide(facts, ReviewThresholds.Default), ReviewThresholds.Default, 1, Now);
    }

    private static void SignAll(Review review, SectionConclusion conclusion = SectionConclusion.Accept)
    {
        foreach (var section in review.Sections.ToList())
        {
            Assert.True(review.Sign(section.DepartmentCode, "u-" + section.DepartmentCode, section.DepartmentCode + " head", conclusion, "ok", [], 1, 1, Now).Succeeded);
        }
    }

    [Fact]
    public void A_section_cannot_be_signed_twice()
    {
        var review = NewReview(150_000m);
        Assert.True(review.Sign("Sales", "u1", "Li", SectionConclusion.Accept, null, [], 1, 1, Now).Succeeded);

        var again = review.Sign("Sales", "u1", "Li", SectionConclusion.Accept, null, [], 1, 1, Now);

        Assert.Equal("review.already-signed", again.Error!.Code);
        Assert.Single(review.Signatures);
    }

    [Fact]
    public void A_section_that_is_not_on_the_form_cannot_be_signed()
    {
        var review = NewReview(150_000m);
        Assert.Equal("review.no-section", review.Sign("Finance", "u", "Zhou", SectionConclusion.Accept, null, [], 1, 1, Now).Error!.Code);
    }

    [Fact]
    public void A_stale_form_is_refused()
    {
        var review = NewReview(150_000m);
        Assert.Equal(Review.StaleForm, review.Sign("Sales", "u1", "Li", SectionConclusion.Accept, null, [], 1, 2, Now).Error);
        Assert.Empty(review.Signatures);
    }

    [Fact]
    public void Simplified_review_is_concluded_by_the_sales_manager_once_every_section_is_signed()
    {
        var review = NewReview(150_000m);
        Assert.Equal(Review.SectionsPending, review.Conclude("sm", "Li", null, TestSubject.Of(review), Now).Error);

        SignAll(review);
        Assert.False(review.Advance(Now));
        var concluded = review.Conclude("sm", "Li", "fine", TestSubject.Of(review), Now);

        Assert.True(concluded.Succeeded);
        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.Equal(SignatureMeaning.Concluded, concluded.Value!.Meaning);
    }

    [Fact]
    public void The_GM_cannot_approve_a_simplified_review_and_the_sales_manager_cannot_conclude_a_full_one()
    {
        var simple = NewReview(150_000m);
        SignAll(simple);
        Assert.Equal(Review.NoGeneralManagerNeeded, simple.Approve("gm", "Chen", null, TestSubject.Of(simple), Now).Error);

        var full = NewReview(300_000m);
        SignAll(full);
        Assert.Equal(Review.NeedsGeneralManager, full.Conclude("sm", "Li", null, TestSubject.Of(full), Now).Error);
    }

    [Fact]
    public void Full_review_goes_to_the_GM_when_all_sections_are_signed_and_the_GM_approves()
    {
        var review = NewReview(300_000m);
        SignAll(review);

        Assert.True(review.Advance(Now));
        Assert.Equal(ReviewStatus.AwaitingApproval, review.Status);
        Assert.True(review.Approve("gm", "Chen", "approved", TestSubject.Of(review), Now).Succeeded);
        Assert.Equal(ReviewStatus.Approved, review.Status);
    }

    [Fact]
    public void An_open_discrepancy_blocks_the_conclusion_until_the_raising_department_confirms_it()
    {
        var review = NewReview(150_000m);
        var raised = review.RaiseDiscrepancy("Production", "p", "Zhao", "Delivery date", "Two weeks too early", Now);
        Assert.True(raised.Succeeded);
        Assert.Equal(Review.OpenDiscrepancyOfDepartment, review.Sign("Production", "p", "Zhao", SectionConclusion.Accept, null, [], 1, 1, Now).Error);
        review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 1, Now);

        Assert.True(review.ResolveDiscrepancy(raised.Value!.Id, "Customer accepts +2 weeks", EvidenceType.Fax, "FAX-7", false, "Li", 1, Now).Succeeded);
        Assert.Equal(Review.NotRaisingDepartment, review.ConfirmDiscrepancy(raised.Value.Id, "Quality", "Zhang", Now).Error);
        Assert.True(review.ConfirmDiscrepancy(raised.Value.Id, "Production", "Zhao", Now).Succeeded);
        Assert.True(review.Sign("Production", "p", "Zhao", SectionConclusion.Accept, null, [], 1, 1, Now).Succeeded);

        Assert.True(review.Conclude("sm", "Li", null, TestSubject.Of(review), Now).Succeeded);
    }

    [Fact]
    public void Conclusion_with_a_resolved_but_unconfirmed_discrepancy_is_refused()
    {
        var review = NewReview(150_000m);
        review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 1, Now);
        var raised = review.RaiseDiscrepancy("Production", "p", "Zhao", "Packaging", "unclear", Now).Value!;
        review.ResolveDiscrepancy(raised.Id, "clarified", EvidenceType.Email, null, false, "Li", 1, Now);

        Assert.Equal(Review.SectionsPending, review.Conclude("sm", "Li", null, TestSubject.Of(review), Now).Error);
        Assert.True(review.ReopenDiscrepancy(raised.Id, "Production", "not enough").Succeeded);
        Assert.Equal(DiscrepancyStatus.Open, raised.Status);
    }

    [Fact]
    public void A_resolution_that_changes_the_order_invalidates_every_signature_but_keeps_them_on_record()
    {
        var review = NewReview(300_000m);
        review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 1, Now);
        review.Sign("Quality", "q", "Zhang", SectionConclusion.Accept, null, [], 1, 1, Now);
        var raised = review.RaiseDiscrepancy("Finance", "f", "Zhou", "Payment", "30% advance needed", Now).Value!;

        review.ResolveDiscrepancy(raised.Id, "Customer pays 30% advance", EvidenceType.Letter, "L-1", true, "Li", 2, Now);

        Assert.All(review.Sections, s => Assert.Equal(SectionStatus.Pending, s.Status));
        Assert.Equal(2, review.Signatures.Count);
        Assert.All(review.Signatures, s => Assert.False(s.IsValid));
        Assert.Equal(Review.StaleForm, review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 2, Now).Error);
        Assert.True(review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 2, 2, Now).Succeeded);
    }

    [Fact]
    public void A_rejected_section_ends_the_review_as_rejected_with_the_reason()
    {
        var review = NewReview(300_000m);
        foreach (var section in review.Sections.ToList())
        {
            var conclusion = section.DepartmentCode == "Finance" ? SectionConclusion.Reject : SectionConclusion.Accept;
            review.Sign(section.DepartmentCode, "u", "n", conclusion, section.DepartmentCode == "Finance" ? "credit too low" : null, [], 1, 1, Now);
        }

        Assert.True(review.Advance(Now));
        Assert.Equal(ReviewStatus.Rejected, review.Status);
        Assert.Contains("credit too low", review.DecisionComment, StringComparison.Ordinal);
    }

    [Fact]
    public void The_GM_rejects_with_a_reason()
    {
        var review = NewReview(300_000m);
        SignAll(review);
        review.Advance(Now);

        Assert.True(review.RejectByGeneralManager("gm", "Chen", "price too low", Now).Succeeded);
        Assert.Equal(ReviewStatus.Rejected, review.Status);
        Assert.Equal("price too low", review.DecisionComment);
    }

    [Fact]
    public void Signing_after_withdrawal_is_refused()
    {
        var review = NewReview(150_000m);
        Assert.True(review.Withdraw("sales", "customer cancelled", Now).Succeeded);
        Assert.Equal(Review.NotOpen, review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 1, Now).Error);
        Assert.Equal("review.illegal-move", review.Withdraw("sales", "again", Now).Error!.Code);
    }

    [Fact]
    public void A_review_meeting_needs_its_minutes_before_it_goes_to_the_GM()
    {
        var review = NewReview(1_200_000m, CustomerClass.New);
        Assert.Equal(ReviewLevel.ReviewMeeting, review.Level);
        SignAll(review);

        Assert.False(review.Advance(Now));
        review.RecordMeeting(new DateOnly(2026, 11, 20), "All heads", "Agreed.");
        Assert.True(review.Advance(Now));
        Assert.Equal(ReviewStatus.AwaitingApproval, review.Status);
    }

    [Fact]
    public void An_unconfirmed_oral_order_cannot_be_concluded()
    {
        var review = NewReview(5_000m);
        SignAll(review);
        Assert.Equal(Review.OralNotConfirmed, review.Conclude("sm", "Li", null, TestSubject.Of(review, confirmed: false), Now).Error);
    }

    [Fact]
    public void The_level_can_be_raised_with_new_sections_but_never_lowered()
    {
        var review = NewReview(150_000m);
        var facts = new OrderFacts(150_000m, CustomerClass.Regular, OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, false, false);

        Assert.Equal(Review.CannotLower, review.RaiseLevel(ReviewPolicy.ForLevel(ReviewLevel.Confirmation, [], facts), "Li", "x").Error);
        Assert.True(review.RaiseLevel(ReviewPolicy.ForLevel(ReviewLevel.FullCountersign, [], facts), "Li", "customer asked for penalties").Succeeded);
        Assert.Equal(6, review.Sections.Count);
        Assert.True(review.RequiresGeneralManager);
    }

    [Fact]
    public void A_section_waits_for_its_department_from_the_opening_until_it_is_signed()
    {
        var review = NewReview(150_000m);
        Assert.All(review.Sections, s => Assert.Equal(Now, s.WaitingSinceUtc));

        review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 1, Now.AddHours(1));

        Assert.Null(review.Sections.Single(s => s.DepartmentCode == "Sales").WaitingSinceUtc);
        Assert.All(review.Sections.Where(s => s.DepartmentCode != "Sales"), s => Assert.Equal(Now, s.WaitingSinceUtc));
    }

    [Fact]
    public void A_section_whose_signature_a_change_invalidates_waits_again_from_the_opening()
    {
        // A discrepancy is raised on a pending section: sign all but Finance, raise on Finance, resolve with a change
        // of the order's content.
        var changed = NewReview(300_000m);
        foreach (var section in changed.Sections.Where(s => s.DepartmentCode != "Finance").ToList())
        {
            changed.Sign(section.DepartmentCode, "u", "n", SectionConclusion.Accept, null, [], 1, 1, Now);
        }

        var raised = changed.RaiseDiscrepancy("Finance", "f", "Zhou", "Payment", "30% advance needed", Now).Value!;
        Assert.Single(changed.Sections, s => s.WaitingSinceUtc is not null);

        changed.ResolveDiscrepancy(raised.Id, "Customer pays 30% advance", EvidenceType.Letter, "L-1", true, "Li", 2, Now.AddDays(1));

        Assert.All(changed.Sections, s => Assert.Equal(Now, s.WaitingSinceUtc));
    }

    [Fact]
    public void Sections_of_a_withdrawn_review_wait_for_nobody_though_they_stay_unsigned()
    {
        var review = NewReview(300_000m);
        review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 1, Now);
        Assert.Contains(review.Sections, s => s.Status == SectionStatus.Pending && s.WaitingSinceUtc is not null);

        Assert.True(review.Withdraw("sales", "customer cancelled", Now).Succeeded);

        Assert.Contains(review.Sections, s => s.Status == SectionStatus.Pending);
        Assert.All(review.Sections, s => Assert.Null(s.WaitingSinceUtc));
    }

    [Fact]
    public void Sections_added_by_raising_the_level_wait_from_the_opening_like_the_others()
    {
        var review = NewReview(150_000m);
        review.Sign("Sales", "s", "Li", SectionConclusion.Accept, null, [], 1, 1, Now);
        var facts = new OrderFacts(150_000m, CustomerClass.Regular, OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, false, false);

        review.RaiseLevel(ReviewPolicy.ForLevel(ReviewLevel.FullCountersign, [], facts), "Li", "customer asked for penalties");

        Assert.Equal(5, review.Sections.Count(s => s.WaitingSinceUtc == Now));
        Assert.Null(review.Sections.Single(s => s.DepartmentCode == "Sales").WaitingSinceUtc);
    }

    [Theory]
    [InlineData(ReviewStatus.InProgress, ReviewStatus.AwaitingApproval, true)]
    [InlineData(ReviewStatus.InProgress, ReviewStatus.Approved, true)]
    [InlineData(ReviewStatus.AwaitingApproval, ReviewStatus.InProgress, true)]
    [InlineData(ReviewStatus.Approved, ReviewStatus.InProgress, false)]
    [InlineData(ReviewStatus.Rejected, ReviewStatus.Approved, false)]
    [InlineData(ReviewStatus.Withdrawn, ReviewStatus.InProgress, false)]
    public void The_review_transition_table(ReviewStatus from, ReviewStatus to, bool allowed) =>
        Assert.Equal(allowed, ReviewTransitions.CanMove(from, to));

    [Theory]
    [InlineData(DiscrepancyStatus.Open, DiscrepancyStatus.Resolved, true)]
    [InlineData(DiscrepancyStatus.Open, DiscrepancyStatus.Confirmed, false)]
    [InlineData(DiscrepancyStatus.Resolved, DiscrepancyStatus.Confirmed, true)]
    [InlineData(DiscrepancyStatus.Resolved, DiscrepancyStatus.Open, true)]
    [InlineData(DiscrepancyStatus.Confirmed, DiscrepancyStatus.Open, false)]
    public void The_discrepancy_transition_table(DiscrepancyStatus from, DiscrepancyStatus to, bool allowed) =>
        Assert.Equal(allowed, ReviewTransitions.CanMove(from, to));

    [Theory]
    [InlineData(ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.Withdrawn)]
    public void Concluded_reviews_have_no_way_out(ReviewStatus terminal) =>
        Assert.DoesNotContain(Enum.GetValues<ReviewStatus>(), to => ReviewTransitions.CanMove(terminal, to));
}
