using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Products;

/// <summary>A catalogue product that orders refer to.</summary>
public sealed class Product : BusinessRecord, IVersioned
{
    public const int CodeLength = 40;
    public const int NameLength = 200;
    public const int SpecificationLength = 500;
    public const int UnitLength = 20;

    private Product()
    {
    }

    public Product(string code, string nameZh, string nameEn, string? specification, string unit, bool isStandard)
    {
        Code = code;
        Update(nameZh, nameEn, specification, unit, isStandard);
    }

    public string Code { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string? Specification { get; private set; }

    public string Unit { get; private set; } = "";

    /// <summary>Standard catalogue product (常规产品) or not.</summary>
    public bool IsStandard { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public void Update(string nameZh, string nameEn, string? specification, string unit, bool isStandard)
    {
        NameZh = nameZh;
        NameEn = nameEn;
        Specification = specification;
        Unit = unit;
        IsStandard = isStandard;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public string NameFor(bool chinese) => chinese ? NameZh : NameEn;
}
