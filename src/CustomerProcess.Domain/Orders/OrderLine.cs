using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Orders;

/// <summary>One line of an order: a catalogue product or a described non-catalogue item.</summary>
public sealed class OrderLine : BusinessRecord
{
    public const int DescriptionLength = 200;
    public const int SpecificationLength = 500;
    public const int UnitLength = 20;
    public const int PlaceLength = 200;
    public const int TextLength = 500;

    private OrderLine()
    {
    }

    internal OrderLine(Guid orderId, int lineNo, OrderLineData data)
    {
        OrderId = orderId;
        LineNo = lineNo;
        Apply(data);
    }

    public Guid OrderId { get; private set; }

    public int LineNo { get; private set; }

    public Guid? ProductId { get; private set; }

    public string Description { get; private set; } = "";

    public string? Specification { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal UnitPrice { get; private set; }

    public DateOnly? DeliveryDate { get; private set; }

    public string? DeliveryPlace { get; private set; }

    public string? Packaging { get; private set; }

    public string? AcceptanceCriteria { get; private set; }

    public bool IsRemoved { get; private set; }

    public decimal Amount => decimal.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    internal void Apply(OrderLineData data)
    {
        IsRemoved = false;
        ProductId = data.ProductId;
        Description = data.Description;
        Specification = data.Specification;
        Quantity = data.Quantity;
        Unit = data.Unit;
        UnitPrice = data.UnitPrice;
        DeliveryDate = data.DeliveryDate;
        DeliveryPlace = data.DeliveryPlace;
        Packaging = data.Packaging;
        AcceptanceCriteria = data.AcceptanceCriteria;
    }

    internal void MarkRemoved() => IsRemoved = true;
}

/// <summary>What a line holds, as entered.</summary>
public sealed record OrderLineData(
    Guid? ProductId,
    string Description,
    string? Specification,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    DateOnly? DeliveryDate,
    string? DeliveryPlace,
    string? Packaging,
    string? AcceptanceCriteria);
