using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Domain.Tests.Contracts;

namespace CustomerProcess.Domain.Tests.Retention;

/// <summary>ADR 0041 (amended): reviews, contracts, customer property and survey responses are disposable like complaints —
/// each type is due on the anniversary of its closing day after its period, never before; disposal blanks the content
/// texts and keeps number, dates, status, amounts, links and the people who acted.</summary>
public sealed class DisposalOfEveryTypeTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid DisposalId = Guid.NewGuid();

    public static TheoryData<RetentionRecordType, int, bool> DueBoundaries()
    {
        var data = new TheoryData<RetentionRecordType, int, bool>();
        foreach (var type in new[] { RetentionRecordType.Reviews, RetentionRecordType.Contracts, RetentionRecordType.CustomerProperty, RetentionRecordType.Surveys })
        {
            data.Add(type, -1, false); // the day before the third anniversary
            data.Add(type, 0, true);   // the anniversary
            data.Add(type, 1, true);   // the day after
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DueBoundaries))]
    public void Each_type_is_due_from_the_anniversary_of_its_closing_day_and_not_a_day_before(RetentionRecordType type, int daysAfterAnniversary, bool due)
    {
        var closed = new DateOnly(2023, 6, 30);
        var candidate = new DisposalCandidate(Guid.NewGuid(), "N-1", closed);

        var accepted = DisposalRecord.Request("XH-2026-0001", type, [candidate], "period over", RetentionPolicy.Default, closed.AddYears(3).AddDays(daysAfterAnniversary), "q", "Zhang", Now);

        Assert.Equal(due, RetentionPolicy.Default.IsDue(type, closed, closed.AddYears(3).AddDays(daysAfterAnniversary)));
        Assert.Equal(due, accepted.Succeeded);
        if (!due)
        {
            Assert.Equal(DisposalRecord.NotDue.Code, accepted.Error!.Code);
        }
    }

    [Fact]
    public void A_disposed_contract_keeps_its_facts_and_loses_its_texts()
    {
        var contract = ContractTestData.Signed();
        ContractTestData.DeliverAll(contract, Today);
        Assert.True(contract.CloseManually("customer stopped the project", Today).Succeeded);
        var before = contract.RetainedContent();
        Assert.Contains("customer stopped the project", before, StringComparison.Ordinal);
        Assert.Contains("Flange", before, StringComparison.Ordinal);

        Assert.True(contract.MarkDisposed(DisposalId, Now).Succeeded);

        Assert.Equal(DisposalId, contract.DisposalId);
        Assert.Equal(Now, contract.DisposedAtUtc);
        Assert.Equal("", contract.ClosingReason);
        Assert.All(contract.AllLines, l => Assert.Equal("", l.Description));
        Assert.All(contract.AllLines, l => Assert.Null(l.Specification));
        Assert.All(contract.AllLines, l => Assert.Null(l.DeliveryPlace));
        Assert.Equal("HT-2026-0001", contract.Number);
        Assert.Equal(2_000_000, contract.AmountMinor);
        Assert.Equal(Today, contract.ClosedOn);
        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.Equal("Lin", contract.SignedByName);
        Assert.Equal([10m, 5m], contract.Lines.Select(l => l.Quantity));
        Assert.Equal("TD-ALL", contract.Deliveries[0].BillOfLading);
        Assert.NotEqual(before, contract.RetainedContent());
        var again = contract.MarkDisposed(Guid.NewGuid(), Now).Error!;
        Assert.Equal(DisposalRecord.AlreadyDisposed.Code, again.Code);
        Assert.Equal([contract.Number], again.Arguments);
    }

    [Fact]
    public void An_executing_contract_cannot_be_disposed_of()
    {
        var contract = ContractTestData.Signed();

        var refused = contract.MarkDisposed(DisposalId, Now);

        Assert.Equal(DisposalRecord.NotClosed.Code, refused.Error!.Code);
        Assert.Null(contract.DisposalId);
        Assert.Equal("不锈钢法兰 Flange", contract.Lines[0].Description);
    }

    [Fact]
    public void A_disposed_property_item_keeps_quantities_and_people_and_loses_descriptions_and_notes()
    {
        var item = CustomerPropertyItem.Register("CP-2026-0001", Guid.NewGuid(), null, null, PropertyKind.Material, "Q235 steel plate", "6 mm, GB/T 700",
            100, 100, "pcs", true, Today, "two pallets", "u", "Zhou", Now, Today).Value!;
        Assert.Equal(DisposalRecord.NotClosed.Code, item.MarkDisposed(DisposalId, Now).Error!.Code);
        Assert.True(item.Inspect(true, "Dimensions checked.", "Warehouse B-3", "Li Na", "Qian", Now).Succeeded);
        Assert.True(item.Return(Today, "Back with the delivery of 23 Nov", "Zhou", Today).Succeeded);
        var before = item.RetainedContent();

        Assert.True(item.MarkDisposed(DisposalId, Now).Succeeded);

        Assert.Equal("", item.Description);
        Assert.Null(item.Specification);
        Assert.Null(item.ReceiptNote);
        Assert.Equal("", item.InspectionResult);
        Assert.Equal("", item.ReturnNote);
        Assert.Equal("CP-2026-0001", item.Number);
        Assert.Equal(100, item.ReceivedQuantity);
        Assert.Equal("Li Na", item.CustodianName);
        Assert.Equal("Zhou", item.ReturnedByName);
        Assert.Equal(Today, item.ReturnedOn);
        Assert.True(item.InspectionPassed);
        Assert.NotEqual(before, item.RetainedContent());
        Assert.Equal(DisposalRecord.AlreadyDisposed.Code, item.MarkDisposed(DisposalId, Now).Error!.Code);
    }

    [Fact]
    public void A_disposed_survey_response_keeps_its_scores_and_loses_its_comments()
    {
        var response = new SurveyResponse(Guid.NewGuid(), Guid.NewGuid(), ResponseSource.PaperForm,
            new Dictionary<SurveyDimension, int> { [SurveyDimension.Quality] = 2, [SurveyDimension.Delivery] = 4, [SurveyDimension.Service] = 5, [SurveyDimension.Price] = 3, [SurveyDimension.Communication] = 4 },
            "Mr. Wang (138 0000 0000) says the paint peels", Now);
        response.SetFollowUp("Call Mr. Wang", FollowUpStatus.Done);

        Assert.True(response.MarkDisposed("C001-2023Q2", DisposalId, Now).Succeeded);

        Assert.Equal("", response.Comments);
        Assert.Equal("", response.FollowUpAction);
        Assert.Equal(2, response.Quality);
        Assert.Equal(FollowUpStatus.Done, response.FollowUpStatus);
        Assert.Equal(Now, response.SubmittedAtUtc);
        Assert.True(response.HasLowScore);
        var again = response.MarkDisposed("C001-2023Q2", DisposalId, Now).Error!;
        Assert.Equal(DisposalRecord.AlreadyDisposed.Code, again.Code);
        Assert.Equal(["C001-2023Q2"], again.Arguments);
    }

    [Fact]
    public void A_disposed_review_keeps_its_signers_and_hashes_and_loses_its_comments_and_discrepancy_texts()
    {
        var facts = new OrderFacts(150_000m, CustomerClass.Regular, OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, false, false);
        var review = Review.Open(ReviewSubjectKind.SalesOrder, Guid.NewGuid(), ReviewPolicy.Standard.Decide(facts, ReviewThresholds.Default), ReviewThresholds.Default, 1, Now);
        var notDecided = review.MarkDisposed("SO-1", DisposalId, Now).Error!;
        Assert.Equal(DisposalRecord.NotClosed.Code, notDecided.Code);
        Assert.Equal(["SO-1"], notDecided.Arguments);
        var first = review.Sections[0];
        Assert.True(review.Sign(first.DepartmentCode, "u1", "Li", SectionConclusion.Accept, "price agreed with Mr. Wang", [], 1, 1, Now).Succeeded);
        var raised = review.RaiseDiscrepancy(review.Sections[1].DepartmentCode, "u2", "Zhao", "4.2", "Delivery date too early", Now);
        Assert.True(raised.Succeeded);
        Assert.True(review.Withdraw("sales", "customer cancelled the order", Now).Succeeded);
        var signature = review.Signatures[0];
        signature.BindContent("abc123");
        var before = review.RetainedContent("SO-1");

        Assert.True(review.MarkDisposed("SO-1", DisposalId, Now).Succeeded);

        Assert.Equal("", review.DecisionComment);
        Assert.Equal("", signature.Comments);
        Assert.Equal("Li", signature.SignerName);
        Assert.Equal("abc123", signature.ContentHash);
        Assert.Equal(SectionConclusion.Accept, signature.Conclusion);
        var discrepancy = Assert.Single(review.Discrepancies);
        Assert.Equal("", discrepancy.Description);
        Assert.Equal("", discrepancy.Clause);
        Assert.Equal("Zhao", discrepancy.RaisedByName);
        Assert.Equal(ReviewStatus.Withdrawn, review.Status);
        Assert.Equal(DisposalId, review.DisposalId);
        Assert.NotEqual(before, review.RetainedContent("SO-1"));
        Assert.Equal(DisposalRecord.AlreadyDisposed.Code, review.MarkDisposed("SO-1", DisposalId, Now).Error!.Code);
    }
}
