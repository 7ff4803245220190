using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Tests.Reviews;

/// <summary>docs/adr/0032: the hash a signature is bound to is stable for the same content and different for any
/// change of a signed field.</summary>
public sealed class ContentFingerprintTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid CustomerId = new("0193a000-0000-7000-8000-000000000001");

    private static OrderContent Content(string? explicitReq = "GB/T 12224", string? specialDelivery = null, bool oem = false, string? reference = "PO-1") =>
        new(OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, oem, false, false, explicitReq, null, null, null, null, specialDelivery, null, null, reference);

    private static OrderLineData Line(decimal quantity = 3, decimal price = 1_000.10m, string spec = "DN50", DateOnly? delivery = null, string? acceptance = null) =>
        new(null, "Valve", spec, quantity, "pcs", price, delivery ?? new DateOnly(2027, 1, 15), "Shanghai", null, acceptance);

    private static string HashOf(OrderContent content, params OrderLineData[] lines)
    {
        var order = new SalesOrder("DD-2026-0001", CustomerId, "u", Now);
        Assert.True(order.UpdateDraft(content, lines).Succeeded);
        return new ContentFingerprint().Add("subject.kind", "SalesOrder").AddOrder(order).Hash();
    }

    [Fact]
    public void The_same_content_gives_the_same_hash_also_from_another_order_object()
    {
        Assert.Equal(HashOf(Content(), Line()), HashOf(Content(), Line()));
        Assert.Equal(ContentFingerprint.HashLength, HashOf(Content(), Line()).Length);
    }

    public static TheoryData<string> SignedFieldChanges => ["quantity", "price", "specification", "delivery", "acceptance", "requirements", "conditions", "oem", "reference", "extra line", "price in the last cent"];

    [Theory]
    [MemberData(nameof(SignedFieldChanges))]
    public void Any_change_of_a_signed_field_gives_another_hash(string change)
    {
        var signed = HashOf(Content(), Line());
        var today = change switch
        {
            "quantity" => HashOf(Content(), Line(quantity: 4)),
            "price" => HashOf(Content(), Line(price: 1_000.20m)),
            "price in the last cent" => HashOf(Content(), Line(price: 1_000.11m)),
            "specification" => HashOf(Content(), Line(spec: "DN65")),
            "delivery" => HashOf(Content(), Line(delivery: new DateOnly(2027, 1, 16))),
            "acceptance" => HashOf(Content(), Line(acceptance: "100% pressure test")),
            "requirements" => HashOf(Content(explicitReq: "GB/T 12225"), Line()),
            "conditions" => HashOf(Content(specialDelivery: "by sea"), Line()),
            "oem" => HashOf(Content(oem: true), Line()),
            "reference" => HashOf(Content(reference: "PO-2"), Line()),
            "extra line" => HashOf(Content(), Line(), Line()),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.NotEqual(signed, today);
    }

    [Fact]
    public void A_value_moved_from_one_field_to_the_next_gives_another_hash()
    {
        Assert.NotEqual(new ContentFingerprint().Add("a", "xy").Add("b", "z").Hash(), new ContentFingerprint().Add("a", "x").Add("b", "yz").Hash());
        Assert.NotEqual(new ContentFingerprint().Add("a", (string?)null).Hash(), new ContentFingerprint().Add("a", "").Hash());
    }

    [Fact]
    public void A_signature_is_bound_to_its_content_once()
    {
        var facts = new OrderFacts(150_000m, CustomerProcess.Domain.Customers.CustomerClass.Regular, OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, false, false);
        var review = Review.Open(ReviewSubjectKind.SalesOrder, Guid.NewGuid(), ReviewPolicy.Standard.Decide(facts, ReviewThresholds.Default), ReviewThresholds.Default, 1, Now);
        Assert.True(review.Sign("Sales", "u1", "Li", SectionConclusion.Accept, null, [], 1, 1, Now).Succeeded);
        var signature = Assert.Single(review.Signatures);
        Assert.Null(signature.ContentHash);
        signature.BindContent(new string('a', 64));
        signature.BindContent(new string('a', 64));
        Assert.Throws<InvalidOperationException>(() => signature.BindContent(new string('b', 64)));
        Assert.Equal("aaaaaaaaaaaa", ContentFingerprint.Short(signature.ContentHash));
    }
}
