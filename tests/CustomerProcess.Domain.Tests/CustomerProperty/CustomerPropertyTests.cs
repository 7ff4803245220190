using CustomerProcess.Domain.CustomerProperty;

namespace CustomerProcess.Domain.Tests.CustomerProperty;

/// <summary>The customer property register's status transitions and receipt rules (docs/process.md §8).</summary>
public sealed class CustomerPropertyTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static CustomerPropertyItem NewItem(decimal declared = 100, decimal received = 100, bool matches = true) =>
        CustomerPropertyItem.Register("CP-2026-0001", Guid.NewGuid(), null, null, PropertyKind.Material, "Q235 steel plate", "6 mm, GB/T 700",
            declared, received, "pcs", matches, Today, null, "u", "Zhou", Now, Today).Value!;

    public static TheoryData<PropertyStatus, PropertyStatus, bool> Table()
    {
        var data = new TheoryData<PropertyStatus, PropertyStatus, bool>();
        var allowed = new HashSet<(PropertyStatus, PropertyStatus)>
        {
            (PropertyStatus.Received, PropertyStatus.InStorage), (PropertyStatus.Received, PropertyStatus.OnHold),
            (PropertyStatus.Received, PropertyStatus.Returned), (PropertyStatus.Received, PropertyStatus.Lost),
            (PropertyStatus.InStorage, PropertyStatus.InUse), (PropertyStatus.InStorage, PropertyStatus.OnHold),
            (PropertyStatus.InStorage, PropertyStatus.Returned), (PropertyStatus.InStorage, PropertyStatus.Lost),
            (PropertyStatus.InUse, PropertyStatus.InStorage), (PropertyStatus.InUse, PropertyStatus.OnHold),
            (PropertyStatus.InUse, PropertyStatus.Returned), (PropertyStatus.InUse, PropertyStatus.Lost),
            (PropertyStatus.OnHold, PropertyStatus.InStorage), (PropertyStatus.OnHold, PropertyStatus.OnHold),
            (PropertyStatus.OnHold, PropertyStatus.Returned), (PropertyStatus.OnHold, PropertyStatus.Lost),
        };
        foreach (var from in Enum.GetValues<PropertyStatus>())
        {
            foreach (var to in Enum.GetValues<PropertyStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void The_transition_table_allows_exactly_the_listed_moves(PropertyStatus from, PropertyStatus to, bool allowed) =>
        Assert.Equal(allowed, PropertyTransitions.CanMove(from, to));

    [Fact]
    public void Returned_and_lost_items_are_final() =>
        Assert.Equal([PropertyStatus.Returned, PropertyStatus.Lost], Enum.GetValues<PropertyStatus>().Where(PropertyTransitions.IsFinal));

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.0001, true)]
    [InlineData(1, true)]
    public void The_declared_quantity_must_be_above_zero(decimal declared, bool accepted) =>
        Assert.Equal(accepted, CustomerPropertyItem.Register("CP-2026-0001", Guid.NewGuid(), null, null, PropertyKind.Part, "Bearing", null,
            declared, 0, "pcs", true, Today, null, "u", "Zhou", Now, Today).Succeeded);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Property_cannot_be_received_after_today(int days, bool accepted) =>
        Assert.Equal(accepted, CustomerPropertyItem.Register("CP-2026-0001", Guid.NewGuid(), null, null, PropertyKind.Gauge, "Plug gauge", null,
            1, 1, "pcs", true, Today.AddDays(days), null, "u", "Zhou", Now, Today).Succeeded);

    [Fact]
    public void A_matching_receipt_passes_inspection_into_storage_with_its_place_and_custodian()
    {
        var item = NewItem();
        var result = item.Inspect(true, "Dimensions and certificate checked.", "Warehouse B-3", "Li Na", "Qian", Now);

        Assert.True(result.Succeeded);
        Assert.Equal(PropertyStatus.InStorage, item.Status);
        Assert.Equal("Warehouse B-3", item.StoragePlace);
        Assert.Equal("Li Na", item.CustodianName);
    }

    [Fact]
    public void Passing_inspection_needs_a_storage_place_and_a_custodian()
    {
        var item = NewItem();
        Assert.Equal(CustomerPropertyItem.StorageRequired, item.Inspect(true, "ok", " ", "Li Na", "Qian", Now).Error);
        Assert.Equal(PropertyStatus.Received, item.Status);
    }

    [Theory]
    [InlineData(99.9999, true)]
    [InlineData(100, false)]
    [InlineData(100.0001, true)]
    public void A_quantity_mismatch_must_be_reported_before_the_item_is_accepted(decimal received, bool mismatch)
    {
        var item = NewItem(received: received);
        var result = item.Inspect(true, "ok", "B-3", "Li Na", "Qian", Now);

        Assert.Equal(mismatch, item.HasQuantityMismatch);
        Assert.Equal(!mismatch, result.Succeeded);
        if (mismatch)
        {
            Assert.Equal(CustomerPropertyItem.IncidentFirst, result.Error);
        }
    }

    [Fact]
    public void An_incident_holds_the_item_until_the_customer_replies_then_it_can_be_returned()
    {
        var item = NewItem(received: 95);
        var reported = item.ReportIncident("CPR-2026-0001", PropertyIncidentKind.QuantityMismatch, "5 plates short.", "u", "Qian", Now);
        Assert.True(reported.Succeeded);
        Assert.Equal(PropertyStatus.OnHold, item.Status);

        Assert.True(item.Return(Today, "Back to the customer", "Qian", Today).Error!.Is(CustomerPropertyItem.AwaitingReply));
        Assert.True(item.Inspect(true, "ok", "B-3", "Li", "Qian", Now).Error!.Is(CustomerPropertyItem.AwaitingReply));

        Assert.True(item.RecordReply(reported.Value!.Id, "Return them; we send a full lot.", Today, "Qian", Now, Today).Succeeded);
        Assert.Equal(CustomerPropertyItem.AlreadyReplied, item.RecordReply(reported.Value.Id, "again", Today, "Qian", Now, Today).Error);
        Assert.True(item.Return(Today, "Picked up by the customer's driver", "Qian", Today).Succeeded);
        Assert.Equal(PropertyStatus.Returned, item.Status);
        Assert.False(item.ReportIncident("CPR-2026-0002", PropertyIncidentKind.Damage, "late", "u", "Qian", Now).Succeeded);
    }

    [Fact]
    public void A_reported_loss_ends_the_item()
    {
        var item = NewItem();
        Assert.True(item.ReportIncident("CPR-2026-0001", PropertyIncidentKind.Loss, "Not found at stock-take.", "u", "Qian", Now).Succeeded);
        Assert.Equal(PropertyStatus.Lost, item.Status);
        Assert.False(item.Return(Today, "x", "Qian", Today).Succeeded);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_return_date_lies_between_the_receipt_and_today(int daysFromToday, bool accepted)
    {
        var item = NewItem();
        Assert.Equal(accepted, item.Return(Today.AddDays(daysFromToday), "x", "Qian", Today).Succeeded);
    }

    [Fact]
    public void Use_moves_a_stored_item_out_and_back_but_not_a_received_one()
    {
        var item = NewItem();
        Assert.False(item.RecordUse("Production order 12", true, "Wu", Now).Succeeded);
        item.Inspect(true, "ok", "B-3", "Li", "Qian", Now);
        Assert.True(item.RecordUse("Production order 12", true, "Wu", Now).Succeeded);
        Assert.Equal(PropertyStatus.InUse, item.Status);
        Assert.True(item.RecordUse("Back after order 12", false, "Wu", Now).Succeeded);
        Assert.Equal(PropertyStatus.InStorage, item.Status);
    }
}
