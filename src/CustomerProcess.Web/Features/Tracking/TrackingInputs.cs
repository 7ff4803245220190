using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

public sealed class DeliveryInput
{
    public DateOnly? DeliveredOn { get; set; }

    /// <summary>Bill of lading (提货单) reference.</summary>
    public string BillOfLading { get; set; } = "";

    public string? Note { get; set; }

    public List<DeliveryLineInput> Lines { get; set; } = [];
}

public sealed class DeliveryLineInput
{
    public int LineNo { get; set; }

    public decimal? Quantity { get; set; }
}

public sealed class DeliveryInputValidator : AbstractValidator<DeliveryInput>
{
    public DeliveryInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
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

public sealed class InvoiceInput
{
    public string Number { get; set; } = "";

    public DateOnly? IssuedOn { get; set; }

    public decimal? Amount { get; set; }
}

public sealed class InvoiceInputValidator : AbstractValidator<InvoiceInput>
{
    public InvoiceInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Number).NotEmpty().WithMessage(_ => l["Enter the invoice number."])
            .MaximumLength(Invoice.NumberLength).WithMessage(_ => l["The invoice number is too long."]);
        RuleFor(x => x.IssuedOn).NotNull().WithMessage(_ => l["Enter the invoice date."]).InSaneWindow(clock, l);
        RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThan(100_000_000_000m).WithMessage(_ => l["Enter an amount above zero."]);
    }
}

public sealed class PaymentInput
{
    public DateOnly? ReceivedOn { get; set; }

    public decimal? Amount { get; set; }

    public string? Reference { get; set; }
}

public sealed class PaymentInputValidator : AbstractValidator<PaymentInput>
{
    public PaymentInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.ReceivedOn).NotNull().WithMessage(_ => l["Enter the date the payment was received."]).InSaneWindow(clock, l);
        RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThan(100_000_000_000m).WithMessage(_ => l["Enter an amount above zero."]);
        RuleFor(x => x.Reference).MaximumLength(Payment.ReferenceLength).WithMessage(_ => l["The reference is too long."]);
    }
}

public sealed class CloseInput
{
    public string Reason { get; set; } = "";
}

public sealed class CloseInputValidator : AbstractValidator<CloseInput>
{
    public CloseInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for closing the contract."])
            .MaximumLength(Contract.TextLength).WithMessage(_ => l["The reason is too long."]);
    }
}

public sealed class CommunicationInput
{
    public DateTime? OccurredAt { get; set; }

    public CommunicationChannel Channel { get; set; } = CommunicationChannel.Phone;

    public string CustomerContact { get; set; } = "";

    public string Summary { get; set; } = "";
}

public sealed class CommunicationInputValidator : AbstractValidator<CommunicationInput>
{
    public CommunicationInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.OccurredAt).NotNull().WithMessage(_ => l["Enter when the customer was told."]).InSaneWindow(clock, l);
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.CustomerContact).NotEmpty().WithMessage(_ => l["Enter who at the customer was told."])
            .MaximumLength(CommunicationEntry.NameLength).WithMessage(_ => l["The name is too long."]);
        RuleFor(x => x.Summary).NotEmpty().WithMessage(_ => l["Record what the customer was told."])
            .MaximumLength(CommunicationEntry.TextLength).WithMessage(_ => l["The text is too long."]);
    }
}

public sealed class ChangeInput
{
    public Guid ContractId { get; set; }

    public ChangeKind? Kind { get; set; }

    public ChangeParty RequestedBy { get; set; } = ChangeParty.Customer;

    public string RequesterName { get; set; } = "";

    public string What { get; set; } = "";

    public string Why { get; set; } = "";

    public string CustomerConfirmation { get; set; } = "";

    public IFormFile? ConfirmationFile { get; set; }

    public List<ChangeLineInput> Lines { get; set; } = [];
}

public sealed class ChangeLineInput
{
    public int LineNo { get; set; }

    public string? Description { get; set; }

    public string? Specification { get; set; }

    public decimal? Quantity { get; set; }

    public decimal? UnitPrice { get; set; }

    public DateOnly? DeliveryDate { get; set; }
}

public sealed class ChangeInputValidator : AbstractValidator<ChangeInput>
{
    public ChangeInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(_ => l["Classify the change."]).IsInEnum();
        RuleFor(x => x.RequestedBy).IsInEnum();
        RuleFor(x => x.RequesterName).NotEmpty().WithMessage(_ => l["Enter who asked for the change."])
            .MaximumLength(ContractChange.NameLength).WithMessage(_ => l["The name is too long."]);
        RuleFor(x => x.What).NotEmpty().WithMessage(_ => l["Describe what changes."]).MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
        RuleFor(x => x.Why).NotEmpty().WithMessage(_ => l["Give the reason for the change."]).MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
        RuleFor(x => x.CustomerConfirmation).NotEmpty().WithMessage(_ => l["Record the customer's written confirmation of the change."])
            .MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
        RuleFor(x => x.Lines).Must(lines => lines.Count <= 500).WithMessage(_ => l["Too many lines."]);
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Every line needs its item description."])
                .MaximumLength(ContractLine.DescriptionLength).WithMessage(_ => l["The item description is too long."]);
            line.RuleFor(x => x.Specification).MaximumLength(ContractLine.SpecificationLength).WithMessage(_ => l["The specification is too long."]);
            line.RuleFor(x => x.Quantity).NotNull().GreaterThan(0).LessThan(1_000_000_000m).WithMessage(_ => l["The quantity must be above zero."]);
            line.RuleFor(x => x.UnitPrice).NotNull().GreaterThanOrEqualTo(0).LessThan(100_000_000_000m).WithMessage(_ => l["The unit price cannot be negative."]);
            line.RuleFor(x => x.DeliveryDate).NotNull().WithMessage(_ => l["Every line needs a delivery date."]).InSaneWindow(clock, l);
        });
    }
}

public sealed class ChangeDecisionInput
{
    public string? Note { get; set; }
}

public sealed class ChangeDecisionInputValidator : AbstractValidator<ChangeDecisionInput>
{
    public ChangeDecisionInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Note).MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
    }
}
