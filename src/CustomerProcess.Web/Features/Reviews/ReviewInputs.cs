using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

public sealed class SignInput
{
    public SectionConclusion? Conclusion { get; set; }

    public string? Comments { get; set; }

    public List<string> Checked { get; set; } = [];

    public int ContentVersion { get; set; }

    public string Password { get; set; } = "";
}

public sealed class SignInputValidator : AbstractValidator<SignInput>
{
    public SignInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Conclusion).NotNull().WithMessage(_ => l["Choose a conclusion: accept, accept with conditions, or reject."]).IsInEnum();
        RuleFor(x => x.Comments).NotEmpty().When(x => x.Conclusion is SectionConclusion.AcceptWithConditions or SectionConclusion.Reject)
            .WithMessage(_ => l["State the conditions or the reason in the comments."]);
        RuleFor(x => x.Comments).MaximumLength(ReviewSignature.TextLength).WithMessage(_ => l["The comments are too long."]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Re-enter your password to sign."]).MaxLength(PasswordPolicy.MaximumLength, l);
        RuleForEach(x => x.Checked).MaxLength(ReviewSignature.TextLength, l);
    }
}

public sealed class DiscrepancyInput
{
    public string Clause { get; set; } = "";

    public string Description { get; set; } = "";
}

public sealed class DiscrepancyInputValidator : AbstractValidator<DiscrepancyInput>
{
    public DiscrepancyInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Clause).NotEmpty().WithMessage(_ => l["Name the clause or requirement concerned."]).MaximumLength(500).WithMessage(_ => l["The clause is too long."]);
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe what is unclear, unachievable or inconsistent."])
            .MaximumLength(Discrepancy.TextLength).WithMessage(_ => l["The description is too long."]);
    }
}

public sealed class ResolutionInput
{
    public string Resolution { get; set; } = "";

    public EvidenceType Evidence { get; set; } = EvidenceType.PhoneNote;

    public string? EvidenceReference { get; set; }

    public bool ChangesContent { get; set; }
}

public sealed class ResolutionInputValidator : AbstractValidator<ResolutionInput>
{
    public ResolutionInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Resolution).NotEmpty().WithMessage(_ => l["Record how it was resolved with the customer."])
            .MaximumLength(Discrepancy.TextLength).WithMessage(_ => l["The resolution is too long."]);
        RuleFor(x => x.Evidence).IsInEnum();
        RuleFor(x => x.EvidenceReference).MaximumLength(500).WithMessage(_ => l["The reference is too long."]);
    }
}

public sealed class MeetingInput
{
    public DateOnly? Date { get; set; }

    public string Attendees { get; set; } = "";

    public string Minutes { get; set; } = "";
}

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Date).NotNull().WithMessage(_ => l["Enter the meeting date."]).InSaneWindow(clock, l);
        RuleFor(x => x.Attendees).NotEmpty().WithMessage(_ => l["List the attendees."]).MaximumLength(Review.TextLength);
        RuleFor(x => x.Minutes).NotEmpty().WithMessage(_ => l["Record the minutes."]).MaximumLength(Review.TextLength);
    }
}

public sealed class DecisionInput
{
    public string Password { get; set; } = "";

    public string? Comment { get; set; }
}

public sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    public DecisionInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Re-enter your password to sign."]).MaxLength(PasswordPolicy.MaximumLength, l);
        RuleFor(x => x.Comment).MaximumLength(Review.TextLength).WithMessage(_ => l["The comment is too long."]);
    }
}
