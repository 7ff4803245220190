using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerProcess.Web.Features.Customers;

public sealed record CustomerListRow(Guid Id, string Code, string Name, CustomerClass Class, CustomerStatus Status, CreditRating CreditRating, string? OwnerName);

public sealed record CustomerIndexViewModel(
    string? Query,
    CustomerClass? Class,
    CustomerStatus? Status,
    Page<CustomerListRow> Page,
    PagerModel Pager,
    bool CanEdit);

public sealed record CustomerFormViewModel(Guid? Id, CustomerInput Input, IReadOnlyList<SelectListItem> Owners, IReadOnlyList<CustomerClass> AllowedClasses, IReadOnlyList<CustomerFinanceProposal> PendingFinance);

public sealed record CustomerDetailsViewModel(
    Customer Customer,
    string? OwnerName,
    bool CanEdit,
    ContactInput NewContact,
    IReadOnlyList<CustomerFinanceProposal> PendingFinance,
    IReadOnlyList<CustomerClassChangeRequest> PendingClassChanges,
    bool MaySeeViewLog);

public sealed record CustomerContractRow(Guid Id, string Number, DateOnly SignedOn, long AmountMinor, string Currency, CustomerProcess.Domain.Contracts.ContractStatus Status);

public sealed record CustomerContractsViewModel(Guid CustomerId, string Code, string Name, Page<CustomerContractRow> Page, PagerModel Pager);

public sealed record ChangeClassViewModel(Guid CustomerId, string Code, string Name, CustomerClass Current, IReadOnlyList<CustomerClass> Targets, RequestClassChange.Input Input);

public sealed record ClassChangeRow(CustomerClassChangeRequest Request, string CustomerCode, string CustomerName);

public sealed record ClassChangesViewModel(Page<ClassChangeRow> Page, PagerModel Pager);
