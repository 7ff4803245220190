using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>The contract administrator (or the sales manager) records a delivery against the contract's lines,
/// with its bill of lading (docs/process.md §5). A delivery that completes the contract completes it.</summary>
public static class RecordDelivery
{
    public sealed class Input
    {
        public DateOnly? DeliveredOn { get; set; }

        /// <summary>Bill of lading (提货单) reference.</summary>
        public string BillOfLading { get; set; } = "";

        public string? Note { get; set; }

        public List<LineInput> Lines { get; set; } = [];
    }

    public sealed class LineInput
    {
        public int LineNo { get; set; }

        public decimal? Quantity { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.DeliveredOn).NotNull().WithMessage(_ => l["Enter the delivery date."]).InSaneWindow(clock, l);
            RuleFor(x => x.BillOfLading).NotEmpty().WithMessage(_ => l["Enter the bill of lading reference."])
                .MaximumLength(Delivery.ReferenceLength).WithMessage(_ => l["The reference is too long."]);
            RuleFor(x => x.Note).MaximumLength(Delivery.NoteLength).WithMessage(_ => l["The note is too long."]);
            RuleFor(x => x.Lines).Must(lines => lines.Count <= 500).WithMessage(_ => l["Too many lines."]);
            RuleForEach(x => x.Lines).ChildRules(line =>
                line.RuleFor(x => x.Quantity).GreaterThanOrEqualTo(0).LessThan(1_000_000_000m).When(x => x.Quantity is not null)
                    .WithMessage(_ => l["A delivered quantity cannot be negative."]));
        }
    }

    public sealed class Handler(ContractTracking tracking, TimeProvider clock) : IUseCase
    {
        /// <summary>The contract exists (→ NotFound) and the user administers contracts (→ Forbidden): checked before the form's own messages.</summary>
        public Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            tracking.AuthorizeAsync(contractId, TrackingAccess.CanAdminister(user), cancellationToken);

        public Task<Result> HandleAsync(Guid contractId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var quantities = input.Lines.Where(x => x.Quantity is > 0).Select(x => new DeliveryQuantity(x.LineNo, x.Quantity!.Value)).ToList();
            var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            return tracking.PerformByAsync(
                contractId,
                user,
                TrackingAccess.CanAdminister(user),
                (c, byName) => ContractTracking.Outcome(c.RecordDelivery(input.DeliveredOn!.Value, input.BillOfLading.Trim(), note, quantities, byName, clock.GetUtcNow().UtcDateTime)),
                cancellationToken);
        }
    }
}
