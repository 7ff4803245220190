using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Infrastructure.Seeding;

/// <summary>Development demo data: one account per role (password in the README), some
/// customers and products. Never loaded outside Development unless DemoData:Enabled is set.</summary>
public static class DemoData
{
    public const string Password = "Demo-Password-2026";

    public static IReadOnlyList<(string UserName, string DisplayName, string Role, string Department)> Users { get; } =
    [
        ("admin", "管理员 Admin", Roles.Administrator, "IT"),
        ("sales", "王销售 Wang (Sales)", Roles.Sales, "Sales"),
        ("salesmanager", "李经理 Li (Sales manager)", Roles.SalesManager, "Sales"),
        ("quality", "张质量 Zhang (Quality head)", Roles.QualityHead, "Quality"),
        ("production", "赵生产 Zhao (Production head)", Roles.ProductionHead, "Production"),
        ("purchasing", "钱采购 Qian (Purchasing head)", Roles.PurchasingHead, "Purchasing"),
        ("technical", "孙技术 Sun (Technical head)", Roles.TechnicalHead, "Technical"),
        ("finance", "周财务 Zhou (Finance head)", Roles.FinanceHead, "Finance"),
        ("legal", "吴法务 Wu (Legal head)", Roles.LegalHead, "Legal"),
        ("safety", "郑安环 Zheng (Safety & environment head)", Roles.SafetyEnvironmentHead, "SafetyEnvironment"),
        ("gm", "陈总 Chen (General manager)", Roles.GeneralManager, "Management"),
        ("buhead", "王厂长 Wang (Business-unit head)", Roles.BusinessUnitHead, "Production"),
        ("contracts", "林合同 Lin (Contract administrator)", Roles.ContractAdministrator, "ContractOffice"),
        ("qstaff", "何质检 He (Quality staff)", Roles.QualityStaff, "Quality"),
    ];

    /// <summary>Loads the demo users, customers and products into an empty database; false when users existed.</summary>
    public static async Task<bool> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        string? salesUserId = null;
        foreach (var (userName, displayName, role, departmentCode) in Users)
        {
            var user = new AppUser
            {
                UserName = userName,
                Email = $"{userName}@example.com",
                EmailConfirmed = true,
                DisplayName = displayName,
                DepartmentId = departments[departmentCode].Id,
                CreatedAtUtc = DateTime.UtcNow,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, Password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            var headOf = ReferenceData.Departments.FirstOrDefault(d => d.HeadRole == role);
            if (headOf.HeadRole is not null)
            {
                departments[headOf.Code].AssignHead(user.Id);
            }

            if (role == Roles.Sales)
            {
                salesUserId = user.Id;
            }
        }

        db.Products.AddRange(
            new Product("P-100", "离心泵", "Centrifugal pump", "IS80-65-160, 50 m³/h", "台", isStandard: true),
            new Product("P-200", "不锈钢阀门", "Stainless steel valve", "DN50 PN16, 304", "个", isStandard: true),
            new Product("P-300", "定制换热器", "Custom heat exchanger", "per drawing", "套", isStandard: false));

        var customers = new[]
        {
            ("C-0001", "上海东方机械有限公司", CustomerClass.Regular, 500_000m, CreditRating.A),
            ("C-0002", "Northwind Trading Ltd.", CustomerClass.New, 200_000m, CreditRating.B),
            ("C-0003", "江苏华宇化工集团", CustomerClass.Prospect, 0m, CreditRating.NotRated),
        };
        foreach (var (code, name, customerClass, limit, rating) in customers)
        {
            var customer = new Customer(code, name, customerClass, salesUserId);
            customer.UpdateDetails(name, "上海市浦东新区张江路 100 号", null, "91310000MA1FL0000X", "30 天月结 / net 30", 30, null);
            customer.ApplyConfirmedFinanceTerms(new FinanceTerms("中国工商银行上海分行", "1001 2345 6789 0000", limit, rating));
            customer.AddContact("刘先生 Mr. Liu", "采购经理", "+86 21 5555 0101", "liu@example.com", isPrimary: true);
            db.Customers.Add(customer);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
