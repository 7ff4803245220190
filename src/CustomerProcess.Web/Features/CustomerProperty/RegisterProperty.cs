using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>What the customer supplied is received and registered, checked against specification and quantity (docs/process.md §8).</summary>
public static class RegisterProperty
{
    public sealed class Input
    {
        /// <summary>The order the property was declared on; its customer is taken.</summary>
        public string? OrderNumber { get; set; }

        public string? ContractNumber { get; set; }

        /// <summary>The customer, when neither an order nor a contract is named.</summary>
        public string? CustomerCode { get; set; }

        public PropertyKind? Kind { get; set; }

        public string Description { get; set; } = "";

        public string? Specification { get; set; }

        public decimal? DeclaredQuantity { get; set; }

        public decimal? ReceivedQuantity { get; set; }

        public string Unit { get; set; } = "";

        /// <summary>Required choice: does what came match the specification?</summary>
        public bool? MatchesSpecification { get; set; }

        public DateOnly? ReceivedOn { get; set; }

        public string? ReceiptNote { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.OrderNumber).MaxLength(SalesOrder.NumberLength, l);
            RuleFor(x => x.ContractNumber).MaxLength(Contract.NumberLength, l);
            RuleFor(x => x.CustomerCode).MaxLength(Customer.CodeLength, l);
            RuleFor(x => x.CustomerCode).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.OrderNumber) && string.IsNullOrWhiteSpace(x.ContractNumber))
                .WithMessage(_ => l["Name the order, the contract or the customer."]);
            RuleFor(x => x.Kind).NotNull().WithMessage(_ => l["Choose what kind of property it is."]).IsInEnum().WithMessage(_ => l["Choose what kind of property it is."]);
            RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the property."]).MaxLength(CustomerPropertyItem.TextLength, l);
            RuleFor(x => x.Specification).MaxLength(CustomerPropertyItem.TextLength, l);
            RuleFor(x => x.DeclaredQuantity).NotNull().WithMessage(_ => l["The declared quantity must be above zero."])
                .GreaterThan(0).WithMessage(_ => l["The declared quantity must be above zero."]);
            RuleFor(x => x.ReceivedQuantity).NotNull().WithMessage(_ => l["Enter the quantity received."])
                .GreaterThanOrEqualTo(0).WithMessage(_ => l["The received quantity cannot be below zero."]);
            RuleFor(x => x.Unit).NotEmpty().WithMessage(_ => l["Enter the unit."]).MaxLength(CustomerPropertyItem.UnitLength, l);
            RuleFor(x => x.MatchesSpecification).NotNull().WithMessage(_ => l["Say whether the receipt matches the specification."]);
            RuleFor(x => x.ReceivedOn).NotNull().WithMessage(_ => l["Enter the date of receipt."]).InSaneWindow(clock, l);
            RuleFor(x => x.ReceiptNote).MaxLength(CustomerPropertyItem.TextLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NoOrder = new("property.order", "There is no order {0}.");
        public static readonly DomainError NoContract = new("property.contract", "There is no contract {0}.");
        public static readonly DomainError NoCustomer = new("property.customer", "There is no customer {0}.");
        public static readonly DomainError OtherCustomer = new("property.other-customer", "The order, the contract and the customer do not belong together.");

        public Task<Result<Guid>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                Guid? orderId = null, contractId = null, customerId = null;
                if (!string.IsNullOrWhiteSpace(input.OrderNumber))
                {
                    var number = input.OrderNumber.Trim().ToUpperInvariant();
                    var order = await db.SalesOrders.AsNoTracking().Where(o => o.Number == number).Select(o => new { o.Id, o.CustomerId }).FirstOrDefaultAsync(cancellationToken);
                    if (order is null)
                    {
                        return NoOrder.With(number);
                    }

                    (orderId, customerId) = (order.Id, order.CustomerId);
                }

                if (!string.IsNullOrWhiteSpace(input.ContractNumber))
                {
                    var number = input.ContractNumber.Trim().ToUpperInvariant();
                    var contract = await db.Contracts.AsNoTracking().Where(k => k.Number == number).Select(k => new { k.Id, k.CustomerId }).FirstOrDefaultAsync(cancellationToken);
                    if (contract is null)
                    {
                        return NoContract.With(number);
                    }

                    if (customerId is not null && customerId != contract.CustomerId)
                    {
                        return OtherCustomer;
                    }

                    (contractId, customerId) = (contract.Id, contract.CustomerId);
                }

                if (!string.IsNullOrWhiteSpace(input.CustomerCode))
                {
                    var code = input.CustomerCode.Trim().ToUpperInvariant();
                    var id = await db.Customers.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
                    if (id is null)
                    {
                        return NoCustomer.With(code);
                    }

                    if (customerId is not null && customerId != id)
                    {
                        return OtherCustomer;
                    }

                    customerId = id;
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var today = InputRules.Today(clock);
                var itemNumber = await numbers.NextAsync("CP", today.Year, cancellationToken);
                var name = await PropertyLoading.DisplayNameAsync(db, user, cancellationToken);
                var created = CustomerPropertyItem.Register(itemNumber, customerId!.Value, orderId, contractId, input.Kind!.Value, input.Description.Trim(),
                    Trimmed(input.Specification), input.DeclaredQuantity!.Value, input.ReceivedQuantity!.Value, input.Unit.Trim(), input.MatchesSpecification!.Value,
                    input.ReceivedOn!.Value, Trimmed(input.ReceiptNote), user.FindFirstValue(ClaimTypes.NameIdentifier)!, name, now, today);
                if (!created.Succeeded)
                {
                    return created.Error!;
                }

                db.CustomerPropertyItems.Add(created.Value!);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(created.Value!.Id);
            });

        private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
