using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.SpecialRequirements;

/// <summary>A special requirement (from an order, a contract or the customer directly) becomes a case TSYQ-yyyy-nnnn with priority, due date and owner.</summary>
public static class OpenSpecialRequirement
{
    public sealed class Input
    {
        public CaseSource Source { get; set; } = CaseSource.Order;

        public string? OrderNumber { get; set; }

        public string? ContractNumber { get; set; }

        public string? CustomerCode { get; set; }

        public string Title { get; set; } = "";

        public string Description { get; set; } = "";

        public CasePriority Priority { get; set; } = CasePriority.Normal;

        public DateOnly? DueOn { get; set; }

        public string OwnerUserId { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Source).IsInEnum().WithMessage(_ => l["Choose where the requirement comes from."]);
            RuleFor(x => x.OrderNumber).NotEmpty().When(x => x.Source == CaseSource.Order).WithMessage(_ => l["Enter the order number."])
                .MaxLength(SalesOrder.NumberLength, l);
            RuleFor(x => x.ContractNumber).NotEmpty().When(x => x.Source == CaseSource.Contract).WithMessage(_ => l["Enter the contract number."])
                .MaxLength(Contract.NumberLength, l);
            RuleFor(x => x.CustomerCode).NotEmpty().When(x => x.Source == CaseSource.Customer).WithMessage(_ => l["Enter the customer code."])
                .MaxLength(Customer.CodeLength, l);
            RuleFor(x => x.Title).NotEmpty().WithMessage(_ => l["Enter a short title."]).MaxLength(SpecialRequirementCase.TitleLength, l);
            RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the requirement."]).MaxLength(SpecialRequirementCase.TextLength, l);
            RuleFor(x => x.Priority).IsInEnum().WithMessage(_ => l["Choose the priority."]);
            RuleFor(x => x.DueOn).NotNull().WithMessage(_ => l["Enter the due date."]).InSaneWindow(clock, l);
            RuleFor(x => x.OwnerUserId).NotEmpty().WithMessage(_ => l["Choose the owner."]).MaxLength(InputLimits.UserIdLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NoOrder = new("case.order", "There is no order {0}.");
        public static readonly DomainError NoContract = new("case.contract", "There is no contract {0}.");
        public static readonly DomainError NoCustomer = new("case.customer", "There is no customer {0}.");
        public static readonly DomainError NoOwner = new("case.owner", "The owner must be an active user.");

        public Task<Result<Guid>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                Guid? orderId = null, contractId = null, customerId = null;
                switch (input.Source)
                {
                    case CaseSource.Order:
                        var orderNumber = input.OrderNumber!.Trim().ToUpperInvariant();
                        var order = await db.SalesOrders.AsNoTracking().Where(o => o.Number == orderNumber).Select(o => new { o.Id, o.CustomerId }).FirstOrDefaultAsync(cancellationToken);
                        if (order is null)
                        {
                            return NoOrder.With(orderNumber);
                        }

                        (orderId, customerId) = (order.Id, order.CustomerId);
                        break;
                    case CaseSource.Contract:
                        var contractNumber = input.ContractNumber!.Trim().ToUpperInvariant();
                        var contract = await db.Contracts.AsNoTracking().Where(k => k.Number == contractNumber).Select(k => new { k.Id, k.CustomerId }).FirstOrDefaultAsync(cancellationToken);
                        if (contract is null)
                        {
                            return NoContract.With(contractNumber);
                        }

                        (contractId, customerId) = (contract.Id, contract.CustomerId);
                        break;
                    case CaseSource.Customer:
                        var code = input.CustomerCode!.Trim().ToUpperInvariant();
                        customerId = await db.Customers.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
                        if (customerId is null)
                        {
                            return NoCustomer.With(code);
                        }

                        break;
                }

                var owner = await db.Users.AsNoTracking().Where(u => u.Id == input.OwnerUserId && u.IsActive).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
                if (owner is null)
                {
                    return NoOwner;
                }

                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var today = InputRules.Today(clock);
                var number = await numbers.NextAsync("TSYQ", today.Year, cancellationToken);
                var opened = SpecialRequirementCase.Open(number, input.Source, customerId!.Value, orderId, contractId, input.Title.Trim(), input.Description.Trim(),
                    input.Priority, input.DueOn!.Value, input.OwnerUserId, owner, userId, name, clock.GetUtcNow().UtcDateTime, today);
                if (!opened.Succeeded)
                {
                    return opened.Error!;
                }

                db.SpecialRequirementCases.Add(opened.Value!);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(opened.Value!.Id);
            });
    }
}
