using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Products;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>The order capture form (draft and submission).</summary>
public sealed class OrderInput
{
    public const int BlankLines = 3;

    public string CustomerCode { get; set; } = "";

    public OrderChannel Channel { get; set; } = OrderChannel.PurchaseOrder;

    public ProductNovelty Novelty { get; set; } = ProductNovelty.Standard;

    public bool IsForeignTrade { get; set; }

    public bool IsOem { get; set; }

    public bool HasNonStandardClauses { get; set; }

    public bool InvolvesSiteWork { get; set; }

    public string? CustomerReference { get; set; }

    public string? ExplicitRequirements { get; set; }

    public string? ImpliedRequirements { get; set; }

    public string? StatutoryRequirements { get; set; }

    public string? AdditionalRequirements { get; set; }

    public string? SpecialTechnical { get; set; }

    public string? SpecialDelivery { get; set; }

    public string? SpecialPackaging { get; set; }

    public string? CustomerPropertyHandling { get; set; }

    public List<OrderLineInput> Lines { get; set; } = [];

    /// <summary>save | submit | addLine</summary>
    public string? Command { get; set; }

    /// <summary>The content version the form was opened on (stale-form check).</summary>
    public int ContentVersion { get; set; }

    public IEnumerable<OrderLineInput> FilledLines => Lines.Where(l => !l.IsBlank);
}

public sealed class OrderLineInput
{
    public string? ProductCode { get; set; }

    public string? Description { get; set; }

    public string? Specification { get; set; }

    public decimal? Quantity { get; set; }

    public string? Unit { get; set; }

    public decimal? UnitPrice { get; set; }

    public DateOnly? DeliveryDate { get; set; }

    public string? DeliveryPlace { get; set; }

    public string? Packaging { get; set; }

    public string? AcceptanceCriteria { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(ProductCode) && string.IsNullOrWhiteSpace(Description) && Quantity is null && UnitPrice is null
        && DeliveryDate is null && string.IsNullOrWhiteSpace(Specification) && string.IsNullOrWhiteSpace(DeliveryPlace);
}

public sealed class OrderInputValidator : AbstractValidator<OrderInput>
{
    public OrderInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.CustomerCode).NotEmpty().WithMessage(_ => l["Enter the customer code."]).MaxLength(Customer.CodeLength, l);
        RuleFor(x => x.CustomerReference).MaximumLength(SalesOrder.ShortTextLength)
            .WithMessage(_ => l["The customer reference is too long (at most {0} characters).", SalesOrder.ShortTextLength]);
        RuleFor(x => x.Channel).IsInEnum().WithMessage(_ => l["Choose the order channel."]);
        RuleFor(x => x.Novelty).IsInEnum().WithMessage(_ => l["Choose the product novelty."]);
        RuleFor(x => x.Lines).Must(lines => lines.Count <= 200).WithMessage(_ => l["An order may have at most 200 lines."]);
        foreach (var text in new System.Linq.Expressions.Expression<Func<OrderInput, string?>>[]
                 {
                     x => x.ExplicitRequirements, x => x.ImpliedRequirements, x => x.StatutoryRequirements, x => x.AdditionalRequirements,
                     x => x.SpecialTechnical, x => x.SpecialDelivery, x => x.SpecialPackaging, x => x.CustomerPropertyHandling,
                 })
        {
            RuleFor(text).MaximumLength(SalesOrder.TextLength).WithMessage(_ => l["A text is too long (at most {0} characters).", SalesOrder.TextLength]);
        }

        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(x => x.Quantity).GreaterThan(0).When(x => !x.IsBlank && x.Quantity is not null)
                .WithMessage(_ => l["The quantity must be above zero."]);
            line.RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0).When(x => !x.IsBlank && x.UnitPrice is not null)
                .WithMessage(_ => l["The unit price cannot be negative."]);
            line.RuleFor(x => x.Quantity).LessThan(1_000_000_000m).WithMessage(_ => l["The quantity is too large."]);
            line.RuleFor(x => x.UnitPrice).LessThan(100_000_000_000m).WithMessage(_ => l["The unit price is too large."]);
            line.RuleFor(x => x.ProductCode).MaxLength(Product.CodeLength, l);
            line.RuleFor(x => x.DeliveryDate).InSaneWindow(clock, l);
            line.RuleFor(x => x.Description).MaximumLength(OrderLine.DescriptionLength).WithMessage(_ => l["The item description is too long."]);
            line.RuleFor(x => x.Specification).MaximumLength(OrderLine.SpecificationLength).WithMessage(_ => l["The specification is too long."]);
            line.RuleFor(x => x.Unit).MaximumLength(OrderLine.UnitLength).WithMessage(_ => l["The unit is too long."]);
            line.RuleFor(x => x.DeliveryPlace).MaximumLength(OrderLine.PlaceLength).WithMessage(_ => l["The delivery place is too long."]);
            line.RuleFor(x => x.Packaging).MaximumLength(OrderLine.TextLength).WithMessage(_ => l["The packaging text is too long."]);
            line.RuleFor(x => x.AcceptanceCriteria).MaximumLength(OrderLine.TextLength).WithMessage(_ => l["The acceptance criteria are too long."]);
        });
    }
}
