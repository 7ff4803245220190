using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Tests.Reviews;

/// <summary>The review's rules do not depend on what it reviews: a subject supplies its precondition and follows.</summary>
public sealed class ReviewOfAnySubjectTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static readonly OrderFacts Facts = new(5_000m, CustomerClass.Regular, OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, false, false);

    private static Review Open(ReviewLevel level, ReviewConcluder? concluder = null, ReviewSubjectKind kind = ReviewSubjectKind.TenderInvitation)
    {
        var decision = ReviewPolicy.ForLevel(level, [], Facts);
        if (concluder is { } c)
        {
            decision = decision with { Concluder = c };
        }

        return Review.Open(kind, Guid.NewGuid(), decision, ReviewThresholds.Default, 3, Now);
    }

    private static void SignAll(Review review)
    {
        foreach (var section in review.Sections.ToList())
        {
            Assert.True(review.Sign(section.DepartmentCode, "u", "Head", SectionConclusion.Accept, null, [], 3, 3, Now).Succeeded);
        }
    }

    [Fact]
    public void A_review_opens_on_its_subject_with_the_content_version_and_the_concluder()
    {
        var subjectId = Guid.NewGuid();
        var review = Review.Open(ReviewSubjectKind.Bid, subjectId, ReviewPolicy.ForLevel(ReviewLevel.FullCountersign, [], Facts), ReviewThresholds.Default, 7, Now);

        Assert.Equal(ReviewSubjectKind.Bid, review.SubjectKind);
        Assert.Equal(subjectId, review.SubjectId);
        Assert.Equal(7, review.ContentVersion);
        Assert.Equal(ReviewConcluder.GeneralManager, review.Concluder);
        Assert.True(review.RequiresGeneralManager);
    }

    [Theory]
    [InlineData(ReviewLevel.Confirmation, ReviewConcluder.SalesManager)]
    [InlineData(ReviewLevel.Simplified, ReviewConcluder.SalesManager)]
    [InlineData(ReviewLevel.FullCountersign, ReviewConcluder.GeneralManager)]
    [InlineData(ReviewLevel.ReviewMeeting, ReviewConcluder.GeneralManager)]
    public void The_policy_names_who_concludes_each_level(ReviewLevel level, ReviewConcluder concluder) =>
        Assert.Equal(concluder, ReviewPolicy.ForLevel(level, [], Facts).Concluder);

    [Fact]
    public void A_business_unit_head_concludes_with_that_capacity_and_the_general_manager_cannot_approve_or_reject()
    {
        var review = Open(ReviewLevel.FullCountersign, ReviewConcluder.BusinessUnitHead);
        SignAll(review);
        var subject = TestSubject.Of(review);

        Assert.False(review.Advance(Now)); // no GM approval step
        Assert.Equal(Review.NoGeneralManagerNeeded, review.Approve("gm", "Chen", null, subject, Now).Error);
        Assert.Equal(Review.NoGeneralManagerNeeded, review.RejectByGeneralManager("gm", "Chen", "no", Now).Error);
        var concluded = review.Conclude("bu", "Zhou", "go", subject, Now);

        Assert.True(concluded.Succeeded);
        Assert.Equal("BusinessUnitHead", concluded.Value!.Capacity);
        Assert.Equal(ReviewStatus.Approved, review.Status);
    }

    [Fact]
    public void A_general_manager_review_is_not_concluded_by_anyone_else()
    {
        var review = Open(ReviewLevel.FullCountersign);
        SignAll(review);

        Assert.Equal(Review.NeedsGeneralManager, review.Conclude("bu", "Zhou", null, TestSubject.Of(review), Now).Error);
        Assert.Equal(ReviewStatus.InProgress, review.Status);
    }

    [Fact]
    public void The_subjects_own_precondition_blocks_the_conclusion_and_the_approval()
    {
        var simple = Open(ReviewLevel.Simplified);
        SignAll(simple);
        var full = Open(ReviewLevel.FullCountersign);
        SignAll(full);
        Assert.True(full.MoveOn(TestSubject.Of(full), Now).Succeeded);

        Assert.Equal(Review.OralNotConfirmed, simple.Conclude("sm", "Li", null, TestSubject.Of(simple, confirmed: false), Now).Error);
        Assert.Equal(Review.OralNotConfirmed, full.Approve("gm", "Chen", null, TestSubject.Of(full, confirmed: false), Now).Error);
        Assert.Equal(ReviewStatus.InProgress, simple.Status);
        Assert.Equal(ReviewStatus.AwaitingApproval, full.Status);
        Assert.DoesNotContain(simple.Signatures, s => s.SectionId is null);
    }

    [Fact]
    public void Moving_on_advances_a_complete_review_and_the_subject_follows_its_status()
    {
        var review = Open(ReviewLevel.FullCountersign);
        var subject = TestSubject.Of(review);
        Assert.True(review.MoveOn(subject, Now).Succeeded);
        SignAll(review);

        Assert.True(review.MoveOn(subject, Now).Succeeded);

        Assert.Equal(ReviewStatus.AwaitingApproval, review.Status);
        Assert.Equal([ReviewStatus.InProgress, ReviewStatus.AwaitingApproval], subject.Followed);
    }

    [Fact]
    public void A_review_does_not_move_on_with_another_records_subject()
    {
        var review = Open(ReviewLevel.Simplified);

        Assert.Throws<InvalidOperationException>(() => review.MoveOn(new TestSubject(review.SubjectKind, Guid.NewGuid()), Now));
        Assert.Throws<InvalidOperationException>(() => review.MoveOn(new TestSubject(ReviewSubjectKind.SalesOrder, review.SubjectId), Now));
    }

    [Fact]
    public void A_stale_form_is_a_conflict_and_a_missing_discrepancy_is_not_found()
    {
        var review = Open(ReviewLevel.Simplified);

        Assert.Equal(ErrorKind.Conflict, review.Sign("Sales", "u", "Head", SectionConclusion.Accept, null, [], 2, 3, Now).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, review.ConfirmDiscrepancy(Guid.NewGuid(), "Sales", "Head", Now).Error!.Kind);
    }
}
