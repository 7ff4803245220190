using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>The contract administrator or the finance head records a payment received (docs/process.md §5).
/// A payment that completes the contract completes it.</summary>
public static class RecordPayment
{
    public sealed class Input
    {
        public DateOnly? ReceivedOn { get; set; }

        public decimal? Amount { get; set; }

        public string? Reference { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.ReceivedOn).NotNull().WithMessage(_ => l["Enter the date the payment was received."]).InSaneWindow(clock, l);
            RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThan(100_000_000_000m).WithMessage(_ => l["Enter an amount above zero."]);
            RuleFor(x => x.Reference).MaximumLength(Payment.ReferenceLength).WithMessage(_ => l["The reference is too long."]);
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
            var reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim();
            return tracking.PerformByAsync(
                contractId,
                user,
                TrackingAccess.CanRecordMoney(user),
                (c, byName) => ContractTracking.Outcome(c.RecordPayment(input.ReceivedOn!.Value, amountMinor, reference, byName, clock.GetUtcNow().UtcDateTime)),
                cancellationToken);
        }
    }
}
