using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Products;

/// <summary>The product form as it posts; creating (<c>CreateProduct</c>) and editing (<c>EditProduct</c>) post the same.</summary>
public abstract class ProductInput
{
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string? Specification { get; set; }

    public string Unit { get; set; } = "";

    public bool IsStandard { get; set; } = true;

    /// <summary>The product's version when the edit form was loaded (optimistic concurrency).</summary>
    public int Version { get; set; }

    /// <summary>The values the edit form was loaded with.</summary>
    public string? Loaded { get; set; }

    public static IEnumerable<FieldValue> Snapshot(Product p) =>
    [
        new("NameZh", "Chinese name", p.NameZh),
        new("NameEn", "English name", p.NameEn),
        new("Specification", "Specification", p.Specification),
        new("Unit", "Unit", p.Unit),
        new("IsStandard", "Standard catalogue product", p.IsStandard ? "✓" : "—"),
        new("IsActive", "Status", p.IsActive ? "Active" : "Inactive"),
    ];
}

/// <summary>The rules of <see cref="ProductInput"/> (creating also requires the code).</summary>
public abstract class ProductInputValidator<T> : AbstractValidator<T>
    where T : ProductInput
{
    protected ProductInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Loaded).MaxLength(EditConflicts.EncodedLength, l);
        RuleFor(x => x.Code).MaximumLength(Product.CodeLength).WithMessage(_ => l["The product code is too long."]);
        RuleFor(x => x.NameZh).NotEmpty().WithMessage(_ => l["Enter the Chinese name."])
            .MaximumLength(Product.NameLength).WithMessage(_ => l["The name is too long."]);
        RuleFor(x => x.NameEn).NotEmpty().WithMessage(_ => l["Enter the English name."])
            .MaximumLength(Product.NameLength).WithMessage(_ => l["The name is too long."]);
        RuleFor(x => x.Specification).MaximumLength(Product.SpecificationLength).WithMessage(_ => l["The specification is too long."]);
        RuleFor(x => x.Unit).NotEmpty().WithMessage(_ => l["Enter the unit."])
            .MaximumLength(Product.UnitLength).WithMessage(_ => l["The unit is too long."]);
    }
}

public sealed record ProductIndexViewModel(string? Query, Page<Product> Page, PagerModel Pager, bool CanEdit);

public sealed record ProductFormViewModel(Guid? Id, ProductInput Input);

/// <summary>The product catalogue (产品目录) that orders use.</summary>
[Authorize]
public sealed class ProductsController(AppDbContext db, HistoryQuery history, EditConflicts conflicts, IStringLocalizer<SharedResource> l) : Controller
{
    private const string Editors = Roles.Administrator + "," + Roles.SalesManager + "," + Roles.TechnicalHead;

    [HttpGet]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(p => p.Code.StartsWith(term) || p.NameZh.Contains(term) || p.NameEn.Contains(term));
        }

        var rows = await query.OrderBy(p => p.Code).ToPageAsync(page, cancellationToken);
        var canEdit = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.SalesManager) || User.IsInRole(Roles.TechnicalHead);
        return View(new ProductIndexViewModel(q, rows, PagerModel.For(rows, p => Url.Action(nameof(Index), new { q, page = p })!), canEdit));
    }

    [HttpGet]
    [Authorize(Roles = Editors)]
    public IActionResult Create() => View("Form", new ProductFormViewModel(null, new CreateProduct.Input()));

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Editors)]
    public async Task<IActionResult> Create(CreateProduct.Input input, [FromServices] CreateProduct.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Form", new ProductFormViewModel(null, input));
        }

        return await this.Respond(
            await handler.HandleAsync(input, cancellationToken),
            code =>
            {
                TempData["Message"] = l["Product {0} was created.", code].Value;
                return RedirectToAction(nameof(Index));
            },
            () => Task.FromResult<IActionResult>(View("Form", new ProductFormViewModel(null, input))),
            l);
    }

    [HttpGet]
    [Authorize(Roles = Editors)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var p = await db.Products.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return p is null
            ? NotFound()
            : View("Form", new ProductFormViewModel(id, new EditProduct.Input
            {
                Code = p.Code,
                NameZh = p.NameZh,
                NameEn = p.NameEn,
                Specification = p.Specification,
                Unit = p.Unit,
                IsStandard = p.IsStandard,
                Version = p.Version,
                Loaded = EditConflicts.Encode(ProductInput.Snapshot(p)),
            }));
    }

    [HttpPost]
    [Authorize(Roles = Editors)]
    public Task<IActionResult> Edit(Guid id, EditProduct.Input input, [FromServices] EditProduct.Handler handler, CancellationToken cancellationToken) =>
        this.RespondToEdit(() => handler.HandleAsync(id, input, cancellationToken), () => RedisplayEditAsync(id, input, cancellationToken), l);

    [HttpPost]
    [Authorize(Roles = Editors)]
    public async Task<IActionResult> ToggleActive(Guid id, [FromServices] ToggleProductActive.Handler handler, CancellationToken cancellationToken) =>
        await this.Respond(await handler.HandleAsync(id, cancellationToken), () => RedirectToAction(nameof(Index)), () => Task.FromResult<IActionResult>(RedirectToAction(nameof(Index))), l);

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        var model = await history.ForAsync(
            product.Code, Url.Action(nameof(Index))!, [id.ToString()], page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    /// <summary>The edit form again, keeping the input; the code shown is the stored one (it is fixed). When someone else
    /// saved the product after this form was loaded (a refused stale save answers 409 through <see cref="UseCaseResponses"/>),
    /// it also shows what they changed, who and when, and goes on from the current version: saving again keeps the input.</summary>
    private async Task<IActionResult> RedisplayEditAsync(Guid id, EditProduct.Input input, CancellationToken cancellationToken)
    {
        var current = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        input.Code = current.Code;
        await conflicts.ShowWhenStaleAsync(
            ViewData, current.Version != input.Version, nameof(Product), id.ToString(), input.Loaded, () => Task.FromResult(ProductInput.Snapshot(current)),
            loaded => (input.Version, input.Loaded) = (current.Version, loaded), cancellationToken);
        return View("Form", new ProductFormViewModel(id, input));
    }
}
