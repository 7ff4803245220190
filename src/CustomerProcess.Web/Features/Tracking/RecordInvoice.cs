using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>The contract administrator or the finance head records an invoice issued against the contract (docs/process.md §5).</summary>
public static class RecordInvoice
{
    public sealed class Input
    {
        public string Number { get; set; } = "";

        public DateOnly? IssuedOn { get; set; }

        public decimal? Amount { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Number).NotEmpty().WithMessage(_ => l["Enter the invoice number."])
                .MaximumLength(Invoice.NumberLength).WithMessage(_ => l["The invoice number is too long."]);
            RuleFor(x => x.IssuedOn).NotNull().WithMessage(_ => l["Enter the invoice date."]).InSaneWindow(clock, l);
            RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThan(100_000_000_000m).WithMessage(_ => l["Enter an amount above zero."]);
        }
    }

    public sealed class Handler(ContractTracking tracking, TimeProvider clock) : IUseCase
    {
        /// <summary>The contract exists (→ NotFound) and the user records money (→ Forbidden): checked before the form's own messages.</summary>
        public Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            tracking.AuthorizeAsync(contractId, TrackingAccess.CanRecordMoney(user), cancellationToken);

        public Task<Result> HandleAsync(Guid contractId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var amountMinor = ContractPerformance.ToMinor(input.Amount!.Value);
            return tracking.PerformByAsync(
                contractId,
                user,
                TrackingAccess.CanRecordMoney(user),
                (c, byName) => ContractTracking.Outcome(c.RecordInvoice(input.Number.Trim(), input.IssuedOn!.Value, amountMinor, byName, clock.GetUtcNow().UtcDateTime)),
                cancellationToken);
        }
    }
}
