using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Features.Orders;

public sealed record OrderListRow(Guid Id, string Number, string CustomerName, long TotalMinor, OrderStatus Status, DateTime CreatedAtUtc, string? SalesName);

public sealed record OrderIndexViewModel(string? Query, OrderStatus? Status, Page<OrderListRow> Page, PagerModel Pager, bool CanCreate);

public sealed record CodeName(string Code, string Name);

public sealed record OrderFormViewModel(Guid? Id, string? Number, OrderInput Input, IReadOnlyList<CodeName> Customers, IReadOnlyList<CodeName> Products);

public sealed record OrderDetailsViewModel(
    SalesOrder Order,
    Customer Customer,
    IReadOnlyDictionary<Guid, Product> Products,
    string? SalesName,
    Review? Review,
    ReviewDecision? Preview,
    ReviewThresholds Thresholds,
    Contract? Contract,
    bool CanEdit,
    bool CanWithdraw,
    bool CanSignContract,
    IReadOnlyDictionary<string, string> DepartmentNames)
{
    /// <summary>The register entries received against the order (docs/process.md §8); null where the page does not show them.</summary>
    public CustomerProperty.OrderPropertyView? Property { get; init; }
}
