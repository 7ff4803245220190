using CustomerProcess.Domain.Contracts;

namespace CustomerProcess.Domain.Tests.Contracts;

/// <summary>A signed contract with two lines: 10 × 1,000.00 due 2027-03-31 and 5 × 2,000.00 due 2027-04-30 (total 20,000.00), net 30.</summary>
internal static class ContractTestData
{
    public static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    public static readonly ContractLineData Line1 = new(1, null, "不锈钢法兰 Flange", "DN100 PN16", 10m, "件", 1_000m, new DateOnly(2027, 3, 31), "上海", null);

    public static readonly ContractLineData Line2 = new(2, null, "阀门 Valve", "DN50", 5m, "个", 2_000m, new DateOnly(2027, 4, 30), "上海", null);

    public static Contract Signed(int paymentTermDays = 30)
    {
        var contract = new Contract("HT-2026-0001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2_000_000, "CNY", new DateOnly(2026, 11, 23), "u-ca", "Lin", null, Now);
        Assert.True(contract.Open([Line1, Line2], paymentTermDays, "Lin", Now).Succeeded);
        return contract;
    }

    public static void DeliverAll(Contract contract, DateOnly on) =>
        Assert.True(contract.RecordDelivery(on, "TD-ALL", null, contract.LinePerformance().Where(l => l.Remaining > 0).Select(l => new DeliveryQuantity(l.LineNo, l.Remaining)).ToList(), "Lin", Now).Succeeded);
}
