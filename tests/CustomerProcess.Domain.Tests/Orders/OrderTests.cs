using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;

namespace CustomerProcess.Domain.Tests.Orders;

public sealed class OrderTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static OrderContent Content(OrderChannel channel = OrderChannel.PurchaseOrder, string? explicitReq = "DN50 valves, GB/T 12224") =>
        new(channel, ProductNovelty.Standard, false, false, false, false, explicitReq, null, null, null, null, null, null, null, null);

    private static OrderLineData Line(decimal quantity, decimal price, DateOnly? delivery = null) =>
        new(null, "Valve", "DN50", quantity, "pcs", price, delivery ?? new DateOnly(2027, 1, 15), "Shanghai", null, null);

    [Fact]
    public void Totals_are_computed_from_the_lines_and_kept_in_minor_units()
    {
        var order = new SalesOrder("OR-2026-0001", Guid.NewGuid(), "u", Now);
        order.UpdateDraft(Content(), [Line(3, 1_000.10m), Line(2, 0.005m)]);

        Assert.Equal(3_000.31m, order.Total);
        Assert.Equal(300_031, order.TotalMinor);
    }

    [Fact]
    public void Removing_a_line_from_a_draft_keeps_it_on_record()
    {
        var order = new SalesOrder("OR-2026-0002", Guid.NewGuid(), "u", Now);
        order.UpdateDraft(Content(), [Line(1, 10m), Line(1, 20m)]);
        order.UpdateDraft(Content(), [Line(1, 10m)]);

        Assert.Single(order.Lines);
        Assert.Equal(10m, order.Total);
    }

    [Fact]
    public void Submission_validates_completeness()
    {
        var order = new SalesOrder("OR-2026-0003", Guid.NewGuid(), "u", Now);
        Assert.Equal(SalesOrder.NoLines, order.Submit(Now).Error);

        order.UpdateDraft(Content(explicitReq: null), [Line(0, 10m)]);
        var errors = order.CompletenessErrors();
        Assert.Contains(errors, e => e.Code == "order.line-incomplete");
        Assert.Contains(SalesOrder.NoExplicitRequirements, errors);

        order.UpdateDraft(Content(), [Line(1, 10m)]);
        Assert.True(order.Submit(Now).Succeeded);
        Assert.Equal(OrderStatus.UnderReview, order.Status);
        Assert.Equal(SalesOrder.NotDraft, order.UpdateDraft(Content(), [Line(2, 10m)]).Error);
    }

    [Theory]
    [InlineData("9999.99", true)]
    [InlineData("10000", false)]
    [InlineData("10000.01", false)]
    public void A_bill_of_lading_confirms_an_oral_order_only_under_the_threshold(string amount, bool accepted)
    {
        var order = new SalesOrder("OR-2026-0004", Guid.NewGuid(), "u", Now);
        order.UpdateDraft(Content(OrderChannel.PhoneOral), [Line(1, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.False(order.IsConfirmedForAcceptance(10_000m));

        var result = order.RecordBillOfLading("TD-1", 10_000m);

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted, order.IsConfirmedForAcceptance(10_000m));
    }

    [Fact]
    public void An_oral_confirmation_sheet_confirms_any_amount_and_only_oral_orders_need_one()
    {
        var oral = new SalesOrder("OR-2026-0005", Guid.NewGuid(), "u", Now);
        oral.UpdateDraft(Content(OrderChannel.PhoneOral), [Line(1, 500_000m)]);
        Assert.True(oral.RecordOralConfirmation("Mr. Liu", ConfirmationMethod.Fax, Now, "sales").Succeeded);
        Assert.True(oral.IsConfirmedForAcceptance(10_000m));

        var written = new SalesOrder("OR-2026-0006", Guid.NewGuid(), "u", Now);
        written.UpdateDraft(Content(), [Line(1, 5m)]);
        Assert.True(written.IsConfirmedForAcceptance(10_000m));
        Assert.Equal(SalesOrder.NotOral, written.RecordOralConfirmation("x", ConfirmationMethod.Phone, Now, "s").Error);
    }

    [Theory]
    [InlineData(OrderStatus.Draft, OrderStatus.UnderReview, true)]
    [InlineData(OrderStatus.Draft, OrderStatus.Approved, false)]
    [InlineData(OrderStatus.UnderReview, OrderStatus.Approved, true)]
    [InlineData(OrderStatus.UnderReview, OrderStatus.Contracted, false)]
    [InlineData(OrderStatus.AwaitingApproval, OrderStatus.Approved, true)]
    [InlineData(OrderStatus.Approved, OrderStatus.Contracted, true)]
    [InlineData(OrderStatus.Approved, OrderStatus.Withdrawn, false)]
    [InlineData(OrderStatus.Contracted, OrderStatus.Withdrawn, false)]
    [InlineData(OrderStatus.Rejected, OrderStatus.UnderReview, false)]
    [InlineData(OrderStatus.Withdrawn, OrderStatus.Draft, false)]
    public void The_order_transition_table(OrderStatus from, OrderStatus to, bool allowed) =>
        Assert.Equal(allowed, OrderTransitions.CanMove(from, to));

    [Fact]
    public void Approving_a_draft_is_a_typed_error_not_an_exception()
    {
        var order = new SalesOrder("OR-2026-0007", Guid.NewGuid(), "u", Now);
        var result = order.Approve(Now);
        Assert.Equal("order.illegal-move", result.Error!.Code);
        Assert.Equal(OrderStatus.Draft, order.Status);
    }

    [Theory]
    [InlineData(ContractStatus.Executing, ContractStatus.Completed, true)]
    [InlineData(ContractStatus.Executing, ContractStatus.Terminated, true)]
    [InlineData(ContractStatus.Completed, ContractStatus.Executing, false)]
    [InlineData(ContractStatus.Terminated, ContractStatus.Completed, false)]
    public void The_contract_transition_table(ContractStatus from, ContractStatus to, bool allowed) =>
        Assert.Equal(allowed, ContractTransitions.CanMove(from, to));
}
