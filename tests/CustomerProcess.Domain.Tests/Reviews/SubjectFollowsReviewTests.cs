using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tests.Contracts;

namespace CustomerProcess.Domain.Tests.Reviews;

/// <summary>The order and the contract change react to their review's status (what SyncOrder and ReviewEndedAsync did after the save).</summary>
public sealed class SubjectFollowsReviewTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static readonly OrderFacts Facts = new(5_000m, CustomerClass.Regular, OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, false, false);

    private static OrderContent Content() =>
        new(OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, "DN100 flanges, GB/T 9119", null, null, null, null, null, null, null, null);

    private static SalesOrder SubmittedOrder()
    {
        var order = new SalesOrder("DD-2026-0001", Guid.NewGuid(), "u", Now);
        Assert.True(order.UpdateDraft(Content(), [new(null, "Flange", "DN100 PN16", 10m, "pcs", 1_000m, new DateOnly(2027, 3, 31), "Shanghai", null, null)]).Succeeded);
        Assert.True(order.Submit(Now).Succeeded);
        return order;
    }

    /// <summary>A review of the subject driven to the status.</summary>
    private static Review ReviewIn(ReviewStatus status, IReviewedSubject subject, ReviewLevel? level = null)
    {
        var review = Review.Open(subject.Kind, subject.Id, ReviewPolicy.ForLevel(level ?? (status == ReviewStatus.AwaitingApproval ? ReviewLevel.FullCountersign : ReviewLevel.Simplified), [], Facts), ReviewThresholds.Default, subject.ContentVersion, Now);
        void SignAll(SectionConclusion conclusion)
        {
            foreach (var section in review.Sections.ToList())
            {
                Assert.True(review.Sign(section.DepartmentCode, "u", "Head", conclusion, conclusion == SectionConclusion.Reject ? "no" : null, [], subject.ContentVersion, subject.ContentVersion, Now).Succeeded);
            }
        }

        switch (status)
        {
            case ReviewStatus.InProgress:
                break;
            case ReviewStatus.AwaitingApproval:
                SignAll(SectionConclusion.Accept);
                Assert.True(review.Advance(Now));
                break;
            case ReviewStatus.Approved:
                SignAll(SectionConclusion.Accept);
                Assert.True(review.Advance(Now));
                Assert.True(review.Approve("gm", "Chen", "ok", subject, Now).Succeeded);
                break;
            case ReviewStatus.Rejected:
                SignAll(SectionConclusion.Reject);
                Assert.True(review.Advance(Now));
                break;
            case ReviewStatus.Withdrawn:
                Assert.True(review.Withdraw("Wang", "customer cancelled", Now).Succeeded);
                break;
        }

        Assert.Equal(status, review.Status);
        return review;
    }

    [Theory]
    [InlineData(ReviewStatus.InProgress, OrderStatus.UnderReview)]
    [InlineData(ReviewStatus.AwaitingApproval, OrderStatus.AwaitingApproval)]
    [InlineData(ReviewStatus.Approved, OrderStatus.Approved)]
    [InlineData(ReviewStatus.Rejected, OrderStatus.Rejected)]
    [InlineData(ReviewStatus.Withdrawn, OrderStatus.Withdrawn)]
    public void An_order_under_review_follows_each_review_status(ReviewStatus reviewStatus, OrderStatus orderStatus)
    {
        var order = SubmittedOrder();
        var review = ReviewIn(reviewStatus, order, reviewStatus == ReviewStatus.Approved ? ReviewLevel.FullCountersign : null);

        Assert.True(order.FollowReview(review, Now).Succeeded);

        Assert.Equal(orderStatus, order.Status);
    }

    [Fact]
    public void An_order_awaiting_approval_goes_back_under_review_when_its_review_is_in_progress_again()
    {
        var order = SubmittedOrder();
        Assert.True(order.FollowReview(ReviewIn(ReviewStatus.AwaitingApproval, order), Now).Succeeded);
        Assert.Equal(OrderStatus.AwaitingApproval, order.Status);

        Assert.True(order.FollowReview(ReviewIn(ReviewStatus.InProgress, order), Now).Succeeded);

        Assert.Equal(OrderStatus.UnderReview, order.Status);
    }

    [Fact]
    public void An_unconfirmed_oral_order_may_not_be_concluded_and_a_confirmed_one_may()
    {
        var order = new SalesOrder("DD-2026-0002", Guid.NewGuid(), "u", Now);
        Assert.True(order.UpdateDraft(Content() with { Channel = OrderChannel.PhoneOral }, [new(null, "Flange", "DN100", 1m, "pcs", 100m, new DateOnly(2027, 3, 31), "Shanghai", null, null)]).Succeeded);
        var review = Review.Open(ReviewSubjectKind.SalesOrder, order.Id, ReviewPolicy.ForLevel(ReviewLevel.Simplified, [], Facts), ReviewThresholds.Default, 1, Now);

        Assert.Equal(Review.OralNotConfirmed, order.MayConclude(review).Error);
        Assert.True(order.RecordOralConfirmation("Mr Liu", ConfirmationMethod.Fax, Now, "Wang").Succeeded);
        Assert.True(order.MayConclude(review).Succeeded);
    }

    private static (ChangeUnderReview Subject, Contract Contract, SalesOrder Order, ContractChange Change) ChangeSentToReview(Customer customer, int completedBefore = 0)
    {
        var contract = ContractTestData.Signed();
        var order = new SalesOrder("DD-2026-0003", customer.Id, "u", Now);
        Assert.True(order.UpdateDraft(Content(), [
            new(null, ContractTestData.Line1.Description, ContractTestData.Line1.Specification, ContractTestData.Line1.Quantity, ContractTestData.Line1.Unit, ContractTestData.Line1.UnitPrice, ContractTestData.Line1.DeliveryDate, ContractTestData.Line1.DeliveryPlace, null, null),
            new(null, ContractTestData.Line2.Description, ContractTestData.Line2.Specification, ContractTestData.Line2.Quantity, ContractTestData.Line2.Unit, ContractTestData.Line2.UnitPrice, ContractTestData.Line2.DeliveryDate, ContractTestData.Line2.DeliveryPlace, null, null),
        ]).Succeeded);
        Assert.True(order.Submit(Now).Succeeded);
        Assert.True(order.Approve(Now).Succeeded);
        Assert.True(order.MarkContracted().Succeeded);
        var change = ContractChange.Request("BG-2026-0001", contract, ChangeKind.Specification, ChangeParty.Customer, "刘先生", "PN25", "pressure", "客户函", null,
            [ContractTestData.Line1 with { Specification = "DN100 PN25" }, ContractTestData.Line2], "u-s", "Wang", Now).Value!;
        Assert.True(order.ReviseContractedLines(ChangeUnderReview.ToOrderLines(order, change.ProposedLineData)).Succeeded);
        Assert.True(change.SendToReview(contract, Guid.NewGuid(), "Li", Now).Succeeded);
        Assert.True(contract.IsHeld);
        return (new ChangeUnderReview(change, contract, order, customer, completedBefore, new DateOnly(2026, 11, 23)), contract, order, change);
    }

    [Fact]
    public void An_approved_change_review_applies_the_change_and_releases_the_contract()
    {
        var (subject, contract, _, change) = ChangeSentToReview(new Customer("C-1", "客户", CustomerClass.Regular, null));
        var review = ReviewIn(ReviewStatus.Approved, subject, ReviewLevel.FullCountersign);

        Assert.True(subject.FollowReview(review, Now).Succeeded);

        Assert.Equal(ChangeStatus.Implemented, change.Status);
        Assert.False(contract.IsHeld);
        Assert.Equal("DN100 PN25", contract.Lines[0].Specification);
    }

    [Theory]
    [InlineData(ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.Withdrawn)]
    public void A_change_review_that_ends_otherwise_releases_the_contract_and_gives_the_order_its_lines_back(ReviewStatus status)
    {
        var (subject, contract, order, change) = ChangeSentToReview(new Customer("C-1", "客户", CustomerClass.Regular, null));
        Assert.Equal("DN100 PN25", order.Lines[0].Specification);
        var review = ReviewIn(status, subject, ReviewLevel.FullCountersign);

        Assert.True(subject.FollowReview(review, Now).Succeeded);

        Assert.Equal(ChangeStatus.Rejected, change.Status);
        Assert.False(contract.IsHeld);
        Assert.Equal("DN100 PN16", contract.Lines[0].Specification);
        Assert.Equal("DN100 PN16", order.Lines[0].Specification);
    }

    [Fact]
    public void A_change_review_in_progress_or_awaiting_approval_leaves_the_contract_held()
    {
        var (subject, contract, _, change) = ChangeSentToReview(new Customer("C-1", "客户", CustomerClass.Regular, null));

        Assert.True(subject.FollowReview(ReviewIn(ReviewStatus.InProgress, subject), Now).Succeeded);
        Assert.True(subject.FollowReview(ReviewIn(ReviewStatus.AwaitingApproval, subject), Now).Succeeded);

        Assert.Equal(ChangeStatus.UnderReview, change.Status);
        Assert.True(contract.IsHeld);
    }

    [Theory]
    [InlineData(ReviewLevel.Confirmation, ReviewLevel.FullCountersign)]
    [InlineData(ReviewLevel.Simplified, ReviewLevel.FullCountersign)]
    [InlineData(ReviewLevel.FullCountersign, ReviewLevel.FullCountersign)]
    [InlineData(ReviewLevel.ReviewMeeting, ReviewLevel.ReviewMeeting)]
    public void A_changes_review_is_at_least_a_full_countersign(ReviewLevel routed, ReviewLevel opened) =>
        Assert.Equal(opened, ChangeUnderReview.LevelFor(routed));
}
