using CustomerProcess.Domain.Orders;

namespace CustomerProcess.Domain.Tests.Orders;

/// <summary>Issue #21 finding 7: an order promising delivery before today is submitted only after a confirmation.</summary>
public sealed class PastDeliveryTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static readonly DateOnly Today = new(2026, 11, 23);

    private static SalesOrder OrderDelivering(params DateOnly?[] dates)
    {
        var order = new SalesOrder("OR-2026-0100", Guid.NewGuid(), "u", Now);
        order.UpdateDraft(
            new OrderContent(OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, "DN50", null, null, null, null, null, null, null, null),
            [.. dates.Select(d => new OrderLineData(null, "Valve", "DN50", 1, "pcs", 10m, d, "Shanghai", null, null))]);
        return order;
    }

    [Fact]
    public void A_line_due_yesterday_is_in_the_past()
    {
        var order = OrderDelivering(new DateOnly(2027, 1, 15), Today.AddDays(-1));

        Assert.Equal([2], order.LinesDueBefore(Today).Select(l => l.LineNo));
    }

    [Fact]
    public void Lines_due_today_later_or_without_a_date_are_not_in_the_past()
    {
        var order = OrderDelivering(Today, Today.AddDays(1), null);

        Assert.Empty(order.LinesDueBefore(Today));
    }
}
