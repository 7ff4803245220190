using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>The customer form (create and edit). Never bound to the entity itself.</summary>
public sealed class CustomerInput
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public CustomerClass Class { get; set; } = CustomerClass.Prospect;

    public string? Address { get; set; }

    public string? DeliveryAddress { get; set; }

    public string? TaxNumber { get; set; }

    public string? BankName { get; set; }

    public string? BankAccount { get; set; }

    public string? PaymentTerms { get; set; }

    public int PaymentTermDays { get; set; } = 30;

    public decimal CreditLimit { get; set; }

    public CreditRating CreditRating { get; set; } = CreditRating.NotRated;

    public string? Notes { get; set; }

    public string? OwnerUserId { get; set; }

    /// <summary>Why the bank details, credit limit or credit rating should change (shown to finance).</summary>
    public string? FinanceReason { get; set; }

    /// <summary>The customer's version when the edit form was loaded (optimistic concurrency).</summary>
    public int Version { get; set; }

    /// <summary>The values the edit form was loaded with, to show what someone else changed meanwhile.</summary>
    public string? Loaded { get; set; }

    // The first contact, on create only.
    public string? ContactName { get; set; }

    public string? ContactTitle { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }
}

public sealed class CustomerInputValidator : AbstractValidator<CustomerInput>
{
    public CustomerInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Loaded).MaxLength(EditConflicts.EncodedLength, l);
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the customer code."])
            .MaximumLength(Customer.CodeLength).WithMessage(_ => l["The customer code may have at most {0} characters.", Customer.CodeLength])
            .Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$").WithMessage(_ => l["The customer code may contain only letters, digits, '.', '_' and '-'."]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Enter the customer name."])
            .MaximumLength(Customer.NameLength).WithMessage(_ => l["The customer name may have at most {0} characters.", Customer.NameLength]);
        RuleFor(x => x.Class).IsInEnum().WithMessage(_ => l["Choose a customer class."]);
        RuleFor(x => x.CreditRating).IsInEnum().WithMessage(_ => l["Choose a credit rating."]);
        RuleFor(x => x.CreditLimit).GreaterThanOrEqualTo(0).WithMessage(_ => l["The credit limit cannot be negative."])
            .LessThan(10_000_000_000_000m).WithMessage(_ => l["The credit limit is too large."]);
        RuleFor(x => x.PaymentTermDays).InclusiveBetween(0, 365).WithMessage(_ => l["The payment term must be between 0 and 365 days."]);
        RuleFor(x => x.Address).MaximumLength(Customer.AddressLength).WithMessage(_ => l["The address is too long."]);
        RuleFor(x => x.DeliveryAddress).MaximumLength(Customer.AddressLength).WithMessage(_ => l["The address is too long."]);
        RuleFor(x => x.TaxNumber).MaximumLength(Customer.TaxNumberLength).WithMessage(_ => l["The tax number is too long."]);
        RuleFor(x => x.BankName).MaximumLength(Customer.BankLength).WithMessage(_ => l["The bank name is too long."]);
        RuleFor(x => x.BankAccount).MaximumLength(Customer.BankLength).WithMessage(_ => l["The bank account is too long."]);
        RuleFor(x => x.PaymentTerms).MaximumLength(Customer.PaymentTermsLength).WithMessage(_ => l["The payment terms are too long."]);
        RuleFor(x => x.Notes).MaximumLength(Customer.NotesLength).WithMessage(_ => l["The notes are too long."]);
        RuleFor(x => x.FinanceReason).MaximumLength(CustomerFinanceProposal.ReasonLength).WithMessage(_ => l["The reason is too long."]);
        RuleFor(x => x.ContactName).MaximumLength(Contact.NameLength).WithMessage(_ => l["The contact name is too long."]);
        RuleFor(x => x.ContactEmail).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail))
            .WithMessage(_ => l["Enter a valid e-mail address."]);
        RuleFor(x => x.ContactPhone).MaximumLength(Contact.PhoneLength).WithMessage(_ => l["The phone number is too long."]);
        RuleFor(x => x.ContactTitle).MaximumLength(Contact.NameLength).WithMessage(_ => l["The title is too long."]);
        RuleFor(x => x.OwnerUserId).MaxLength(InputLimits.UserIdLength, l);
    }
}

public sealed class ContactInput
{
    public string Name { get; set; } = "";

    public string? Title { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsPrimary { get; set; }
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Enter the contact's name."])
            .MaximumLength(Contact.NameLength).WithMessage(_ => l["The contact name is too long."]);
        RuleFor(x => x.Title).MaximumLength(Contact.NameLength).WithMessage(_ => l["The title is too long."]);
        RuleFor(x => x.Phone).MaximumLength(Contact.PhoneLength).WithMessage(_ => l["The phone number is too long."]);
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage(_ => l["Enter a valid e-mail address."]);
    }
}
