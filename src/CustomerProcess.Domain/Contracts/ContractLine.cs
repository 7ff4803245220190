using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

/// <summary>What a contract line holds. Line numbers stay the same from version to version.</summary>
public sealed record ContractLineData(
    int LineNo,
    Guid? ProductId,
    string Description,
    string? Specification,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    DateOnly? DeliveryDate,
    string? DeliveryPlace,
    string? Packaging)
{
    public decimal Amount => decimal.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One line of one version of a contract. A change adds a new version's lines; the
/// earlier versions' lines stay as they were, so every version can be read again.</summary>
public sealed class ContractLine : BusinessRecord
{
    public const int DescriptionLength = 200;
    public const int SpecificationLength = 500;
    public const int UnitLength = 20;
    public const int TextLength = 500;

    private ContractLine()
    {
    }

    internal ContractLine(Guid contractId, int version, ContractLineData data)
    {
        ContractId = contractId;
        Version = version;
        LineNo = data.LineNo;
        ProductId = data.ProductId;
        Description = data.Description;
        Specification = data.Specification;
        Quantity = data.Quantity;
        Unit = data.Unit;
        UnitPrice = data.UnitPrice;
        DeliveryDate = data.DeliveryDate;
        DeliveryPlace = data.DeliveryPlace;
        Packaging = data.Packaging;
    }

    public Guid ContractId { get; private set; }

    /// <summary>The contract version this line belongs to (1 = as signed).</summary>
    public int Version { get; private set; }

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

    public decimal Amount => decimal.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    internal void BlankForDisposal()
    {
        Description = "";
        Specification = null;
        DeliveryPlace = null;
        Packaging = null;
    }

    public ContractLineData ToData() =>
        new(LineNo, ProductId, Description, Specification, Quantity, Unit, UnitPrice, DeliveryDate, DeliveryPlace, Packaging);
}

/// <summary>One version of the contract: v1 as signed, then one per implemented change.</summary>
public sealed class ContractVersion : BusinessRecord
{
    private ContractVersion()
    {
    }

    internal ContractVersion(Guid contractId, int number, long amountMinor, Guid? changeId, string? changeNumber, string createdByName, DateTime createdAtUtc)
    {
        ContractId = contractId;
        Number = number;
        AmountMinor = amountMinor;
        ChangeId = changeId;
        ChangeNumber = changeNumber;
        CreatedByName = createdByName;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid ContractId { get; private set; }

    public int Number { get; private set; }

    public long AmountMinor { get; private set; }

    /// <summary>The change that made this version (null for the signed version).</summary>
    public Guid? ChangeId { get; private set; }

    public string? ChangeNumber { get; private set; }

    public string CreatedByName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }
}
