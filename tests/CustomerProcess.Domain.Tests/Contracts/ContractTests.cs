using CustomerProcess.Domain.Contracts;

namespace CustomerProcess.Domain.Tests.Contracts;

public sealed class ContractTests
{
    private static readonly DateTime Now = ContractTestData.Now;
    private static readonly DateOnly Day = new(2027, 3, 1);

    [Fact]
    public void Opening_records_version_one_with_the_signed_lines_and_amount()
    {
        var contract = ContractTestData.Signed();

        Assert.Equal(1, contract.CurrentVersion);
        Assert.Equal(2_000_000, contract.AmountMinor);
        Assert.Equal(2, contract.Lines.Count);
        Assert.Single(contract.Versions);
        Assert.Equal("contract.opened", contract.Open([ContractTestData.Line1], 30, "Lin", Now).Error!.Code);
    }

    [Theory]
    [InlineData(9.9999, true)]   // just below the remaining quantity
    [InlineData(10, true)]       // exactly the remaining quantity
    [InlineData(10.0001, false)] // just above
    public void A_delivery_cannot_exceed_what_remains_on_the_line(double quantity, bool accepted)
    {
        var contract = ContractTestData.Signed();

        var result = contract.RecordDelivery(Day, "TD-1", null, [new(1, (decimal)quantity)], "Lin", Now);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal("contract.over-delivery", result.Error!.Code);
            Assert.Empty(contract.Deliveries);
        }
    }

    [Fact]
    public void A_delivery_needs_a_quantity_on_an_existing_line()
    {
        var contract = ContractTestData.Signed();

        Assert.Equal("contract.nothing-delivered", contract.RecordDelivery(Day, "TD-1", null, [new(1, 0m)], "Lin", Now).Error!.Code);
        Assert.Equal("contract.nothing-delivered", contract.RecordDelivery(Day, "TD-1", null, [new(1, -1m)], "Lin", Now).Error!.Code);
        Assert.Equal("contract.no-line", contract.RecordDelivery(Day, "TD-1", null, [new(7, 1m)], "Lin", Now).Error!.Code);
    }

    [Fact]
    public void A_partial_delivery_leaves_the_contract_executing_and_full_delivery_and_payment_complete_it()
    {
        var contract = ContractTestData.Signed();

        var partial = contract.RecordDelivery(Day, "TD-1", null, [new(1, 10m)], "Lin", Now);
        Assert.False(partial.Value!.CompletedDelivery);
        Assert.False(contract.CompleteWhenPerformed(Day));
        Assert.Equal(ContractStatus.Executing, contract.Status);

        var last = contract.RecordDelivery(Day, "TD-2", null, [new(2, 5m)], "Lin", Now);
        Assert.True(last.Value!.CompletedDelivery);
        Assert.True(contract.IsFullyDelivered);
        Assert.False(contract.CompleteWhenPerformed(Day)); // delivered but not paid

        contract.RecordPayment(Day, 19_999_99, null, "Zhou", Now);
        Assert.False(contract.CompleteWhenPerformed(Day)); // one fen short
        contract.RecordPayment(Day, 1, null, "Zhou", Now);
        Assert.True(contract.CompleteWhenPerformed(Day));
        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.Null(contract.ClosingReason);
        Assert.Equal(Day, contract.ClosedOn);
    }

    [Theory]
    [InlineData(19_999_99, true)]
    [InlineData(20_000_00, true)]
    [InlineData(20_000_01, false)]
    public void Invoices_and_payments_cannot_exceed_the_contract_amount(long amount, bool accepted)
    {
        var contract = ContractTestData.Signed();

        Assert.Equal(accepted, contract.RecordInvoice("FP-1", Day, amount, "Zhou", Now).Succeeded);
        Assert.Equal(accepted, contract.RecordPayment(Day, amount, null, "Zhou", Now).Succeeded);
        Assert.Equal("contract.amount", contract.RecordPayment(Day, 0, null, "Zhou", Now).Error!.Code);
    }

    [Fact]
    public void The_same_invoice_number_cannot_be_recorded_twice()
    {
        var contract = ContractTestData.Signed();
        contract.RecordInvoice("FP-1", Day, 100, "Zhou", Now);

        Assert.Equal("contract.invoice-duplicate", contract.RecordInvoice("fp-1", Day, 100, "Zhou", Now).Error!.Code);
    }

    [Fact]
    public void Closing_by_hand_needs_a_reason_and_a_closed_contract_takes_no_more_records()
    {
        var contract = ContractTestData.Signed();

        Assert.Equal("contract.reason", contract.CloseManually(" ", Day).Error!.Code);
        Assert.True(contract.CloseManually("客户同意不再交货 / the customer agreed to stop", Day).Succeeded);

        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.Equal("contract.not-executing", contract.RecordDelivery(Day, "TD-1", null, [new(1, 1m)], "Lin", Now).Error!.Code);
        Assert.Equal("contract.not-executing", contract.RecordPayment(Day, 1, null, "Zhou", Now).Error!.Code);
        Assert.Equal("contract.not-executing", contract.CloseManually("again", Day).Error!.Code);
    }
}
