using CustomerProcess.Domain.Orders;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>The Oral Order Confirmation Sheet (顾客电话(口头)传真订单确认表), or a bill of lading reference.</summary>
public sealed class OralConfirmationInput
{
    public string? ConfirmedBy { get; set; }

    public ConfirmationMethod Method { get; set; } = ConfirmationMethod.Phone;

    public DateTime? ConfirmedAt { get; set; }

    public string? BillOfLadingReference { get; set; }
}

public sealed class OralConfirmationInputValidator : AbstractValidator<OralConfirmationInput>
{
    public OralConfirmationInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        When(x => string.IsNullOrWhiteSpace(x.BillOfLadingReference), () =>
        {
            RuleFor(x => x.ConfirmedBy).NotEmpty().WithMessage(_ => l["Enter who confirmed the order at the customer."]);
            RuleFor(x => x.ConfirmedAt).NotNull().WithMessage(_ => l["Enter when the customer confirmed."]).InSaneWindow(clock, l);
            RuleFor(x => x.Method).IsInEnum().WithMessage(_ => l["Choose how the customer confirmed."]);
        });
        RuleFor(x => x.ConfirmedBy).MaximumLength(SalesOrder.ShortTextLength).WithMessage(_ => l["The name is too long."]);
        RuleFor(x => x.BillOfLadingReference).MaximumLength(SalesOrder.ShortTextLength).WithMessage(_ => l["The reference is too long."]);
    }
}
