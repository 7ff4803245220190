using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Products;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>The order capture form (draft and submission) as it posts. Creating a draft (<c>CreateOrder</c>) and
/// changing one (<c>UpdateDraftOrder</c>) post the same form; each use case's <c>Input</c> derives from this.</summary>
public abstract class OrderInput
{
    public static readonly DomainError UnknownProduct = new("order.product-unknown", "Line {0}: no active product has the code {1}.");

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

    /// <summary>The form's order-level content, trimmed (blank texts are null).</summary>
    public OrderContent Content() => new(
        Channel, Novelty, IsForeignTrade, IsOem, HasNonStandardClauses, InvolvesSiteWork,
        Clean(ExplicitRequirements), Clean(ImpliedRequirements), Clean(StatutoryRequirements), Clean(AdditionalRequirements),
        Clean(SpecialTechnical), Clean(SpecialDelivery), Clean(SpecialPackaging), Clean(CustomerPropertyHandling), Clean(CustomerReference));

    /// <summary>The filled lines with their product codes resolved to active products (a line without a description
    /// takes the product's names, without a unit the product's unit).</summary>
    public async Task<Result<IReadOnlyList<OrderLineData>>> LinesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var filled = FilledLines.ToList();
        var codes = filled.Where(l => !string.IsNullOrWhiteSpace(l.ProductCode)).Select(l => l.ProductCode!.Trim().ToUpperInvariant()).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code) && p.IsActive).ToDictionaryAsync(p => p.Code, cancellationToken);
        var result = new List<OrderLineData>();
        for (var i = 0; i < filled.Count; i++)
        {
            var line = filled[i];
            var product = default(Product);
            if (!string.IsNullOrWhiteSpace(line.ProductCode) && !products.TryGetValue(line.ProductCode.Trim().ToUpperInvariant(), out product))
            {
                return UnknownProduct.With(i + 1, line.ProductCode.Trim());
            }

            result.Add(new OrderLineData(
                product?.Id,
                Clean(line.Description) ?? (product is null ? "" : product.NameZh + " / " + product.NameEn),
                Clean(line.Specification) ?? product?.Specification,
                line.Quantity ?? 0,
                Clean(line.Unit) ?? product?.Unit ?? "",
                line.UnitPrice ?? 0,
                line.DeliveryDate,
                Clean(line.DeliveryPlace),
                Clean(line.Packaging),
                Clean(line.AcceptanceCriteria)));
        }

        return Result<IReadOnlyList<OrderLineData>>.Success(result);
    }

    /// <summary>Fills the form from a stored order (the edit form).</summary>
    public static T From<T>(SalesOrder order, string customerCode, IReadOnlyDictionary<Guid, string> productCodes)
        where T : OrderInput, new() => new()
        {
            CustomerCode = customerCode,
            Channel = order.Channel,
            Novelty = order.Novelty,
            IsForeignTrade = order.IsForeignTrade,
            IsOem = order.IsOem,
            HasNonStandardClauses = order.HasNonStandardClauses,
            InvolvesSiteWork = order.InvolvesSiteWork,
            CustomerReference = order.CustomerReference,
            ExplicitRequirements = order.ExplicitRequirements,
            ImpliedRequirements = order.ImpliedRequirements,
            StatutoryRequirements = order.StatutoryRequirements,
            AdditionalRequirements = order.AdditionalRequirements,
            SpecialTechnical = order.SpecialTechnical,
            SpecialDelivery = order.SpecialDelivery,
            SpecialPackaging = order.SpecialPackaging,
            CustomerPropertyHandling = order.CustomerPropertyHandling,
            ContentVersion = order.ContentVersion,
            Lines = order.Lines.Select(l => new OrderLineInput
            {
                ProductCode = l.ProductId is { } id && productCodes.TryGetValue(id, out var code) ? code : null,
                Description = l.Description,
                Specification = l.Specification,
                Quantity = l.Quantity,
                Unit = l.Unit,
                UnitPrice = l.UnitPrice,
                DeliveryDate = l.DeliveryDate,
                DeliveryPlace = l.DeliveryPlace,
                Packaging = l.Packaging,
                AcceptanceCriteria = l.AcceptanceCriteria,
            }).ToList(),
        };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
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

/// <summary>The rules of <see cref="OrderInput"/>, shared by the use cases that post the order form.</summary>
public abstract class OrderInputValidator<T> : AbstractValidator<T>
    where T : OrderInput
{
    protected OrderInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.CustomerCode).NotEmpty().WithMessage(_ => l["Enter the customer code."]).MaxLength(Customer.CodeLength, l);
        RuleFor(x => x.CustomerReference).MaximumLength(SalesOrder.ShortTextLength)
            .WithMessage(_ => l["The customer reference is too long (at most {0} characters).", SalesOrder.ShortTextLength]);
        RuleFor(x => x.Channel).IsInEnum().WithMessage(_ => l["Choose the order channel."]);
        RuleFor(x => x.Novelty).IsInEnum().WithMessage(_ => l["Choose the product novelty."]);
        RuleFor(x => x.Lines).Must(lines => lines.Count <= 200).WithMessage(_ => l["An order may have at most 200 lines."]);
        foreach (var text in new System.Linq.Expressions.Expression<Func<T, string?>>[]
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
