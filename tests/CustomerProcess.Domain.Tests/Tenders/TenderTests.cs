using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;

namespace CustomerProcess.Domain.Tests.Tenders;

public sealed class TenderTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    internal static Tender NewTender(decimal estimate = 1_000_000m) =>
        new("TB-2026-0001", Guid.NewGuid(), "Water works pumps", Now.AddDays(20), estimate, "20 pumps, GB/T 3216", "sales-id", "王销售", Now);

    private static Tender Submitted(decimal bid = 900_000m)
    {
        var tender = NewTender();
        Assert.True(tender.StartGoNoGoReview().Succeeded);
        Assert.True(tender.FollowGoNoGo(true, Now).Succeeded);
        Assert.True(tender.PrepareBid(bid, "price incl. VAT").Succeeded);
        Assert.True(tender.StartBidReview().Succeeded);
        Assert.True(tender.FollowBidReview(true, Now).Succeeded);
        Assert.True(tender.Submit(Now).Succeeded);
        return tender;
    }

    [Fact]
    public void Go_no_go_cannot_conclude_while_a_clarification_is_open()
    {
        var tender = NewTender();
        var asked = tender.AskClarification("Is the delivery ex works or on site?", "王销售", Now).Value!;
        tender.StartGoNoGoReview();

        var blocked = tender.MayConcludeGoNoGo();

        Assert.True(blocked.Error!.Is(Tender.OpenClarifications));
        Assert.Equal([1], blocked.Error.Arguments);
        Assert.True(tender.FollowGoNoGo(true, Now).Error!.Is(Tender.OpenClarifications));
        Assert.Equal(TenderStatus.GoNoGoReview, tender.Status);

        Assert.True(tender.AnswerClarification(asked.Id, "On site, unloading by the buyer", EvidenceType.Email, "mail 2026-12-03", "王销售", Now).Succeeded);
        Assert.True(tender.MayConcludeGoNoGo().Succeeded);
        Assert.True(tender.FollowGoNoGo(true, Now).Succeeded);
        Assert.Equal(TenderStatus.Bidding, tender.Status);
    }

    [Fact]
    public void A_clarification_is_answered_once_with_its_evidence()
    {
        var tender = NewTender();
        var asked = tender.AskClarification("Which standard?", "王销售", Now).Value!;

        Assert.True(tender.AnswerClarification(asked.Id, "GB/T 3216", EvidenceType.Fax, "fax 12", "王销售", Now).Succeeded);
        Assert.True(tender.AnswerClarification(asked.Id, "again", EvidenceType.Fax, null, "王销售", Now).Error!.Is(Tender.ClarificationAnswered));
        Assert.Equal(EvidenceType.Fax, tender.Clarifications[0].EvidenceType);
        Assert.Equal("fax 12", tender.Clarifications[0].EvidenceReference);
        Assert.True(tender.AnswerClarification(Guid.NewGuid(), "x", EvidenceType.Fax, null, "王销售", Now).Error!.Is(Tender.ClarificationNotFound));
    }

    [Fact]
    public void No_clarification_is_raised_after_the_go_no_go_decision()
    {
        var tender = NewTender();
        tender.StartGoNoGoReview();
        tender.FollowGoNoGo(true, Now);

        Assert.True(tender.AskClarification("late question", "王销售", Now).Error!.Is(Tender.NotClarifiable));
    }

    [Fact]
    public void A_rejected_go_no_go_declines_the_tender()
    {
        var tender = NewTender();
        tender.AskClarification("open point", "王销售", Now);
        tender.StartGoNoGoReview();

        Assert.True(tender.FollowGoNoGo(false, Now).Succeeded);
        Assert.Equal(TenderStatus.Declined, tender.Status);
        Assert.False(tender.PrepareBid(1m, null).Succeeded);
    }

    [Fact]
    public void Nothing_is_submitted_before_the_bid_review_concludes()
    {
        var tender = NewTender();
        tender.StartGoNoGoReview();
        tender.FollowGoNoGo(true, Now);

        Assert.True(tender.StartBidReview().Error!.Is(Tender.NoBid));
        tender.PrepareBid(900_000m, null);
        Assert.True(tender.Submit(Now).Error!.Is(Tender.IllegalMove));
        tender.StartBidReview();
        Assert.True(tender.Submit(Now).Error!.Is(Tender.IllegalMove));
        Assert.True(tender.PrepareBid(800_000m, null).Error!.Is(Tender.NotBidding));

        Assert.True(tender.FollowBidReview(false, Now).Succeeded);
        Assert.Equal(TenderStatus.Bidding, tender.Status);
        Assert.True(tender.Submit(Now).Error!.Is(Tender.IllegalMove));
    }

    [Fact]
    public void A_won_tender_keeps_the_winning_and_competitors_prices_and_becomes_one_order()
    {
        var tender = Submitted();

        Assert.True(tender.RecordOutcome(TenderOutcome.Won, 900_000m, "us", [new("Acme Pumps", 950_000m), new("Beta", null)], null, "王销售", Now).Succeeded);

        Assert.Equal(TenderStatus.Won, tender.Status);
        Assert.Equal(900_000m, tender.WinningPrice);
        Assert.Equal(2, tender.Competitors.Count);
        Assert.Equal(900_000m, tender.OrderPrice);
        var orderId = Guid.NewGuid();
        Assert.True(tender.LinkOrder(orderId).Succeeded);
        Assert.True(tender.LinkOrder(Guid.NewGuid()).Error!.Is(Tender.AlreadyOrdered));
        Assert.Equal(orderId, tender.OrderId);
    }

    [Theory]
    [InlineData(TenderOutcome.Lost, TenderStatus.Lost)]
    [InlineData(TenderOutcome.Withdrawn, TenderStatus.Withdrawn)]
    public void A_lost_or_withdrawn_tender_ends_and_does_not_become_an_order(TenderOutcome outcome, TenderStatus status)
    {
        var tender = Submitted();

        Assert.True(tender.RecordOutcome(outcome, 850_000m, "Acme Pumps", [new("Acme Pumps", 850_000m)], "price", "王销售", Now).Succeeded);

        Assert.Equal(status, tender.Status);
        Assert.True(tender.LinkOrder(Guid.NewGuid()).Error!.Is(Tender.NotWon));
        Assert.True(tender.RecordOutcome(TenderOutcome.Won, 1m, null, [], null, "王销售", Now).Error!.Is(Tender.IllegalMove));
    }

    [Fact]
    public void An_outcome_needs_a_submitted_bid_and_a_won_one_its_winning_price()
    {
        var tender = NewTender();
        Assert.True(tender.RecordOutcome(TenderOutcome.Lost, null, null, [], null, "王销售", Now).Error!.Is(Tender.IllegalMove));

        var submitted = Submitted();
        Assert.True(submitted.RecordOutcome(TenderOutcome.Won, null, null, [], null, "王销售", Now).Error!.Is(Tender.WinningPriceNeeded));
        Assert.True(submitted.RecordOutcome(TenderOutcome.Lost, 0m, null, [], null, "王销售", Now).Error!.Is(Tender.PriceNotPositive));
        Assert.Equal(TenderStatus.Submitted, submitted.Status);
    }

    [Fact]
    public void Every_status_has_a_row_in_the_transition_table_and_the_ends_are_final()
    {
        foreach (var end in new[] { TenderStatus.Won, TenderStatus.Lost, TenderStatus.Withdrawn, TenderStatus.Declined })
        {
            Assert.All(Enum.GetValues<TenderStatus>(), to => Assert.False(TenderTransitions.CanMove(end, to)));
        }

        Assert.True(TenderTransitions.CanMove(TenderStatus.Submitted, TenderStatus.Won));
        Assert.False(TenderTransitions.CanMove(TenderStatus.Bidding, TenderStatus.Submitted));
        Assert.False(TenderTransitions.CanMove(TenderStatus.Registered, TenderStatus.Bidding));
    }

    [Fact]
    public void A_tender_is_withdrawn_before_its_outcome_with_the_reason()
    {
        var tender = NewTender();

        Assert.True(tender.Withdraw("capacity taken", "王销售", Now).Succeeded);
        Assert.Equal(TenderOutcome.Withdrawn, tender.Outcome);
        Assert.False(tender.Withdraw("again", "王销售", Now).Succeeded);
    }
}
