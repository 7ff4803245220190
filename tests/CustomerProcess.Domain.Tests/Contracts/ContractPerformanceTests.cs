using CustomerProcess.Domain.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace CustomerProcess.Domain.Tests.Contracts;

public sealed class ContractPerformanceTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");

    /// <summary>"Today" on China time, from a fake clock set to a UTC instant.</summary>
    private static DateOnly TodayAt(int year, int month, int day, int hourUtc, int minuteUtc = 0) =>
        ContractPerformance.Today(new FakeTimeProvider(new DateTimeOffset(year, month, day, hourUtc, minuteUtc, 0, TimeSpan.Zero)), China);

    [Theory]
    [InlineData(0, 20_000_00, 0)]
    [InlineData(1, 20_000_00, 0)]                 // one fen of 20,000: 0.00005 % shows as 0.0
    [InlineData(10_000_00, 20_000_00, 50)]
    [InlineData(19_999_99, 20_000_00, 99.9)]      // just below: never rounds up to 100
    [InlineData(20_000_00, 20_000_00, 100)]       // at
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.6)]                      // rounded down, not to nearest
    [InlineData(0, 0, 100)]                       // nothing owed counts as done
    public void Percentages_are_rounded_down_to_one_decimal(long part, long whole, double expected)
    {
        Assert.Equal((decimal)expected, ContractPerformance.Percent(part, whole));
    }

    [Fact]
    public void Delivered_and_paid_percentages_follow_the_records()
    {
        var contract = ContractTestData.Signed();

        Assert.True(contract.RecordDelivery(new DateOnly(2027, 3, 1), "TD-1", null, [new(1, 4m)], "Lin", ContractTestData.Now).Succeeded);
        Assert.Equal(4_000_00, contract.DeliveredMinor);
        Assert.Equal(20m, contract.DeliveredPercent);

        Assert.True(contract.RecordInvoice("FP-1", new DateOnly(2027, 3, 2), 4_000_00, "Zhou", ContractTestData.Now).Succeeded);
        Assert.True(contract.RecordPayment(new DateOnly(2027, 3, 20), 3_999_99, "BANK-1", "Zhou", ContractTestData.Now).Succeeded);
        Assert.Equal(20m, contract.InvoicedPercent);
        Assert.Equal(19.9m, contract.PaidPercent);
        Assert.False(contract.IsFullyPaid);
    }

    [Theory]
    [InlineData(3, 30, 15, 59, false)] // 2027-03-30 23:59 in China: the day before the delivery date
    [InlineData(3, 30, 16, 0, false)]  // 2027-03-31 00:00 in China: the delivery date itself
    [InlineData(3, 31, 15, 59, false)] // 2027-03-31 23:59 in China: still the delivery date
    [InlineData(3, 31, 16, 0, true)]   // 2027-04-01 00:00 in China: the day after, overdue
    public void A_delivery_is_overdue_from_the_day_after_the_lines_delivery_date(int month, int day, int hourUtc, int minuteUtc, bool overdue)
    {
        var contract = ContractTestData.Signed();
        var today = TodayAt(2027, month, day, hourUtc, minuteUtc);

        Assert.Equal(overdue, contract.IsDeliveryOverdue(today));
        Assert.Equal(new DateOnly(2027, 3, 31), contract.NextDeliveryDue);
    }

    [Fact]
    public void A_partly_delivered_line_is_still_overdue_and_a_fully_delivered_one_is_not()
    {
        var contract = ContractTestData.Signed();
        var dayAfter = new DateOnly(2027, 4, 1);

        contract.RecordDelivery(new DateOnly(2027, 3, 31), "TD-1", null, [new(1, 9m)], "Lin", ContractTestData.Now);
        Assert.True(contract.IsDeliveryOverdue(dayAfter));
        Assert.True(ContractPerformance.IsLineOverdue(contract.LinePerformance()[0], dayAfter));

        contract.RecordDelivery(new DateOnly(2027, 3, 31), "TD-2", null, [new(1, 1m)], "Lin", ContractTestData.Now);
        Assert.False(contract.IsDeliveryOverdue(dayAfter));
        Assert.Equal(new DateOnly(2027, 4, 30), contract.NextDeliveryDue); // line 2 is next

        Assert.False(contract.IsDeliveryOverdue(new DateOnly(2027, 4, 30)));
        Assert.True(contract.IsDeliveryOverdue(new DateOnly(2027, 5, 1)));
    }

    [Theory]
    [InlineData(4, 30, false)] // day before the due date (invoice 2027-04-01 + 30 days = 2027-05-01)
    [InlineData(5, 1, false)]  // the due date
    [InlineData(5, 2, true)]   // the day after
    public void A_payment_is_overdue_from_the_day_after_the_invoice_date_plus_the_payment_term(int month, int day, bool overdue)
    {
        var contract = ContractTestData.Signed(paymentTermDays: 30);
        contract.RecordInvoice("FP-1", new DateOnly(2027, 4, 1), 10_000_00, "Zhou", ContractTestData.Now);

        Assert.Equal(new DateOnly(2027, 5, 1), contract.PaymentDue);
        Assert.Equal(overdue, contract.IsPaymentOverdue(new DateOnly(2027, month, day)));
    }

    [Fact]
    public void The_payment_due_date_moves_to_the_next_invoice_once_the_oldest_is_covered()
    {
        var contract = ContractTestData.Signed(paymentTermDays: 30);
        contract.RecordInvoice("FP-1", new DateOnly(2027, 4, 1), 10_000_00, "Zhou", ContractTestData.Now);
        contract.RecordInvoice("FP-2", new DateOnly(2027, 5, 1), 10_000_00, "Zhou", ContractTestData.Now);

        contract.RecordPayment(new DateOnly(2027, 4, 20), 9_999_99, null, "Zhou", ContractTestData.Now);
        Assert.Equal(new DateOnly(2027, 5, 1), contract.PaymentDue); // one fen short: the first invoice is still open

        contract.RecordPayment(new DateOnly(2027, 4, 21), 1, null, "Zhou", ContractTestData.Now);
        Assert.Equal(new DateOnly(2027, 5, 31), contract.PaymentDue);
        Assert.False(contract.IsPaymentOverdue(new DateOnly(2027, 5, 31)));
        Assert.True(contract.IsPaymentOverdue(new DateOnly(2027, 6, 1)));

        contract.RecordPayment(new DateOnly(2027, 5, 30), 10_000_00, null, "Zhou", ContractTestData.Now);
        Assert.Null(contract.PaymentDue);
        Assert.False(contract.IsPaymentOverdue(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Nothing_is_overdue_without_invoices_or_once_the_contract_is_closed()
    {
        var contract = ContractTestData.Signed();
        Assert.False(contract.IsPaymentOverdue(new DateOnly(2030, 1, 1)));

        Assert.True(contract.CloseManually("客户取消剩余交货 / customer cancelled the rest", new DateOnly(2026, 12, 1)).Succeeded);
        Assert.False(contract.IsDeliveryOverdue(new DateOnly(2030, 1, 1)));
    }
}
