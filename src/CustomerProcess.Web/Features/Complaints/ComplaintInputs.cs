using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Products;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>"Complaints:AnswerWindowHours" (default 72) and "Complaints:SurveyLinkDays" (default 30).</summary>
public sealed class ComplaintOptions
{
    public int AnswerWindowHours { get; set; } = 72;

    public int SurveyLinkDays { get; set; } = 30;

    public TimeSpan AnswerWindow => TimeSpan.FromHours(AnswerWindowHours);
}

public sealed class ComplaintInput
{
    public string CustomerCode { get; set; } = "";

    public string? ContractNumber { get; set; }

    public string? ProductCode { get; set; }

    public string? BatchReference { get; set; }

    public ComplaintKind Kind { get; set; } = ComplaintKind.Complaint;

    public ComplaintChannel Channel { get; set; } = ComplaintChannel.Phone;

    public ComplaintSeverity Severity { get; set; } = ComplaintSeverity.Major;

    public string Description { get; set; } = "";

    /// <summary>Local (China) time the complaint reached us.</summary>
    public DateTime? ReceivedAt { get; set; }
}

public sealed class ComplaintInputValidator : AbstractValidator<ComplaintInput>
{
    public ComplaintInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.CustomerCode).NotEmpty().WithMessage(_ => l["Enter the customer code."]).MaxLength(Customer.CodeLength, l);
        RuleFor(x => x.ContractNumber).MaxLength(Contract.NumberLength, l);
        RuleFor(x => x.ProductCode).MaxLength(Product.CodeLength, l);
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the complaint."])
            .MaximumLength(Complaint.TextLength).WithMessage(_ => l["The description is too long."]);
        RuleFor(x => x.ReceivedAt).NotNull().WithMessage(_ => l["Enter when the complaint was received."]).InSaneWindow(clock, l);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Severity).IsInEnum();
        RuleFor(x => x.BatchReference).MaximumLength(Complaint.ShortLength).WithMessage(_ => l["The reference is too long."]);
    }
}

public sealed class InvestigationInput
{
    public string CauseAnalysis { get; set; } = "";

    public CauseCategory? Category { get; set; }

    public string ResponsibleDepartment { get; set; } = "";
}

public sealed class InvestigationInputValidator : AbstractValidator<InvestigationInput>
{
    public InvestigationInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.CauseAnalysis).NotEmpty().WithMessage(_ => l["Record the cause analysis."]).MaximumLength(Complaint.TextLength);
        RuleFor(x => x.Category).NotNull().WithMessage(_ => l["Choose the category of cause."]);
        RuleFor(x => x.ResponsibleDepartment).NotEmpty().WithMessage(_ => l["Name the responsible department."]).MaxLength(Department.CodeLength, l);
    }
}

public sealed class ActionInput
{
    public string Description { get; set; } = "";

    public string OwnerUserId { get; set; } = "";

    public DateOnly? DueDate { get; set; }
}

public sealed class ActionInputValidator : AbstractValidator<ActionInput>
{
    public ActionInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the corrective action."]).MaximumLength(Complaint.TextLength);
        RuleFor(x => x.OwnerUserId).NotEmpty().WithMessage(_ => l["Choose the owner of the action."]).MaxLength(InputLimits.UserIdLength, l);
        RuleFor(x => x.DueDate).NotNull().WithMessage(_ => l["Enter the due date."]).InSaneWindow(clock, l);
    }
}

public sealed class AnswerInput
{
    public string Text { get; set; } = "";

    public ComplaintChannel Channel { get; set; } = ComplaintChannel.Email;

    public DateTime? AnsweredAt { get; set; }
}

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => l["Record what was said to the customer."]).MaximumLength(Complaint.TextLength);
        RuleFor(x => x.AnsweredAt).NotNull().WithMessage(_ => l["Enter when the customer was answered."]).InSaneWindow(clock, l);
    }
}

public sealed class ReturnInput
{
    public decimal? Quantity { get; set; }

    public string Unit { get; set; } = "";

    public DateTime? ReceivedAt { get; set; }

    public string Description { get; set; } = "";
}

public sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Quantity).NotNull().GreaterThan(0).WithMessage(_ => l["The quantity must be above zero."]);
        RuleFor(x => x.Unit).NotEmpty().WithMessage(_ => l["Enter the unit."]).MaximumLength(20);
        RuleFor(x => x.ReceivedAt).NotNull().WithMessage(_ => l["Enter when the goods were received."]).InSaneWindow(clock, l);
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the returned goods."]).MaximumLength(ReturnRecord.TextLength);
    }
}
