using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Security;

namespace CustomerProcess.Infrastructure.Seeding;

/// <summary>Departments every company has (docs/process.md §1), seeded once; then they are data.</summary>
public static class ReferenceData
{
    public static IReadOnlyList<(string Code, string NameZh, string NameEn, string? HeadRole)> Departments { get; } =
    [
        ("Sales", "销售部", "Sales", Roles.SalesManager),
        ("Quality", "质量部", "Quality", Roles.QualityHead),
        ("Production", "生产部", "Production", Roles.ProductionHead),
        ("Purchasing", "采购部", "Purchasing", Roles.PurchasingHead),
        ("Technical", "技术部", "Technical", Roles.TechnicalHead),
        ("Finance", "财务部", "Finance", Roles.FinanceHead),
        ("Legal", "法律事务部", "Legal affairs", Roles.LegalHead),
        ("SafetyEnvironment", "安全环保部", "Safety & environment", Roles.SafetyEnvironmentHead),
        ("Management", "总经理办公室", "General management", Roles.GeneralManager),
        ("ContractOffice", "合同管理办公室", "Contract office", null),
        ("IT", "信息部", "IT", null),
    ];

    public static IEnumerable<Department> NewDepartments() =>
        Departments.Select(d => new Department(d.Code, d.NameZh, d.NameEn));
}
