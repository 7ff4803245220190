namespace CustomerProcess.Domain.Security;

/// <summary>The roles of docs/process.md §1. A user may hold several.</summary>
public static class Roles
{
    public const string Sales = nameof(Sales);
    public const string SalesManager = nameof(SalesManager);
    public const string QualityHead = nameof(QualityHead);
    public const string ProductionHead = nameof(ProductionHead);
    public const string PurchasingHead = nameof(PurchasingHead);
    public const string TechnicalHead = nameof(TechnicalHead);
    public const string FinanceHead = nameof(FinanceHead);
    public const string LegalHead = nameof(LegalHead);
    public const string SafetyEnvironmentHead = nameof(SafetyEnvironmentHead);
    public const string GeneralManager = nameof(GeneralManager);

    /// <summary>分厂厂长 / 事业部负责人: concludes the tender reviews kept inside the business unit (docs/process.md §4.1).</summary>
    public const string BusinessUnitHead = nameof(BusinessUnitHead);
    public const string ContractAdministrator = nameof(ContractAdministrator);
    public const string QualityStaff = nameof(QualityStaff);
    public const string Administrator = nameof(Administrator);

    public static IReadOnlyList<string> All { get; } =
    [
        Sales, SalesManager, QualityHead, ProductionHead, PurchasingHead, TechnicalHead, FinanceHead,
        LegalHead, SafetyEnvironmentHead, GeneralManager, BusinessUnitHead, ContractAdministrator, QualityStaff, Administrator,
    ];

    /// <summary>Roles that may work with the customer archive.</summary>
    public const string CustomerEditors = Sales + "," + SalesManager + "," + Administrator;

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
