using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Products;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Returns;

/// <summary>A return registered against a complaint (ComplaintId) or a contract (ContractNumber).</summary>
public sealed class ReturnInput
{
    public Guid? ComplaintId { get; set; }

    public string? ContractNumber { get; set; }

    public string? ProductCode { get; set; }

    public decimal? Quantity { get; set; }

    public string Unit { get; set; } = "";

    /// <summary>Local (China) time the goods came back.</summary>
    public DateTime? ReceivedAt { get; set; }

    public string Description { get; set; } = "";
}

public sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.ContractNumber).NotEmpty().When(x => x.ComplaintId is null).WithMessage(_ => l["Enter the contract number."])
            .MaxLength(Contract.NumberLength, l);
        RuleFor(x => x.ProductCode).MaxLength(Product.CodeLength, l);
        RuleFor(x => x.Quantity).NotNull().WithMessage(_ => l["The quantity must be above zero."])
            .GreaterThan(0).WithMessage(_ => l["The quantity must be above zero."]);
        RuleFor(x => x.Unit).NotEmpty().WithMessage(_ => l["Enter the unit."])
            .MaximumLength(ReturnRecord.UnitLength).WithMessage(_ => l["The unit is too long."]);
        RuleFor(x => x.ReceivedAt).NotNull().WithMessage(_ => l["Enter when the goods were received."]).InSaneWindow(clock, l);
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the returned goods."])
            .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The description is too long."]);
    }
}

public sealed class InspectInput
{
    public string Result { get; set; } = "";

    /// <summary>Required choice: is the customer's reason founded (the goods are nonconforming)?</summary>
    public bool? Founded { get; set; }
}

public sealed class InspectInputValidator : AbstractValidator<InspectInput>
{
    public InspectInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Result).NotEmpty().WithMessage(_ => l["Record the inspection result."])
            .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The text may have at most {0} characters.", ReturnRecord.TextLength]);
        RuleFor(x => x.Founded).NotNull().WithMessage(_ => l["Say whether the return is founded."]);
    }
}

public sealed class SettleInput
{
    public string Settlement { get; set; } = "";
}

public sealed class SettleInputValidator : AbstractValidator<SettleInput>
{
    public SettleInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Settlement).NotEmpty().WithMessage(_ => l["Record what was agreed with the customer."])
            .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The text may have at most {0} characters.", ReturnRecord.TextLength]);
    }
}

public sealed class BookBackInput
{
    public NonconformingDisposition? Disposition { get; set; }

    public string Note { get; set; } = "";
}

public sealed class BookBackInputValidator : AbstractValidator<BookBackInput>
{
    public BookBackInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Disposition).NotNull().WithMessage(_ => l["Choose the disposition of the nonconforming goods."])
            .IsInEnum().WithMessage(_ => l["Choose the disposition of the nonconforming goods."]);
        RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Record where the goods were booked back and what is done with them."])
            .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The text may have at most {0} characters.", ReturnRecord.TextLength]);
    }
}
