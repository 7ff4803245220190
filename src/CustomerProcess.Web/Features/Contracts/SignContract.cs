using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Contracts;

/// <summary>An approved order is signed as a contract and enters the ledger with the next number; a prospect
/// becomes a new customer (<see cref="CustomerPromotion"/>) in the same save.</summary>
public static class SignContract
{
    public sealed class Input
    {
        public DateOnly? SignedOn { get; set; }

        public string CustomerContractNumber { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.SignedOn).InSaneWindow(clock, l);
            RuleFor(x => x.CustomerContractNumber).MaxLength(Contract.CustomerContractNumberLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotApproved = new("contract.not-approved", "Only an approved order can be signed as a contract.");

        public Task<Result<Contract>> HandleAsync(Guid orderId, string userId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var signedOn = input.SignedOn ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).DateTime);
                var customerContractNumber = string.IsNullOrWhiteSpace(input.CustomerContractNumber) ? null : input.CustomerContractNumber.Trim();
                var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var order = await db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
                var review = order is null ? null : await db.Reviews.AsNoTracking()
                    .FirstOrDefaultAsync(r => r.SubjectKind == ReviewSubjectKind.SalesOrder && r.SubjectId == orderId && r.Status == ReviewStatus.Approved, cancellationToken);
                if (order is null || review is null || order.Status != OrderStatus.Approved)
                {
                    return Result<Contract>.Failure(NotApproved);
                }

                var number = await numbers.NextAsync("HT", signedOn.Year, cancellationToken);
                var contract = new Contract(number, order.Id, review.Id, order.CustomerId, order.TotalMinor, order.Currency, signedOn, userId, userName, customerContractNumber, now);
                var moved = order.MarkContracted();
                if (!moved.Succeeded)
                {
                    return Result<Contract>.Failure(moved.Error!);
                }

                var customer = await db.Customers.FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
                contract.Open(ContractTracking.LinesOf(order), customer.PaymentTermDays, userName, now);
                db.Contracts.Add(contract);
                CustomerPromotion.OnContractSigned(customer);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Contract>.Success(contract);
            });
    }
}
