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

public sealed class ProductInput
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

public sealed class ProductInputValidator : AbstractValidator<ProductInput>
{
    public ProductInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Loaded).MaxLength(EditConflicts.EncodedLength, l);
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the product code."])
            .MaximumLength(Product.CodeLength).WithMessage(_ => l["The product code is too long."]);
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
    public IActionResult Create() => View("Form", new ProductFormViewModel(null, new ProductInput()));

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Editors)]
    public async Task<IActionResult> Create(ProductInput input, CancellationToken cancellationToken)
    {
        var code = input.Code.Trim().ToUpperInvariant();
        if (ModelState.IsValid && await db.Products.AnyAsync(p => p.Code == code, cancellationToken))
        {
            ModelState.AddModelError(nameof(input.Code), l["The product code {0} is already used.", code]);
        }

        if (!ModelState.IsValid)
        {
            return View("Form", new ProductFormViewModel(null, input));
        }

        db.Products.Add(new Product(code, input.NameZh.Trim(), input.NameEn.Trim(), input.Specification?.Trim(), input.Unit.Trim(), input.IsStandard));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Product {0} was created.", code].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Roles = Editors)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var p = await db.Products.FindAsync([id], cancellationToken);
        return p is null
            ? NotFound()
            : View("Form", new ProductFormViewModel(id, new ProductInput
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
    public async Task<IActionResult> Edit(Guid id, ProductInput input, CancellationToken cancellationToken)
    {
        var product = await db.Products.FindAsync([id], cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        input.Code = product.Code;
        ModelState.Remove(nameof(input.Code)); // fixed after creation; a posted value is ignored
        if (!ModelState.IsValid)
        {
            return View("Form", new ProductFormViewModel(id, input));
        }

        if (product.Version == input.Version)
        {
            product.Update(input.NameZh.Trim(), input.NameEn.Trim(), input.Specification?.Trim(), input.Unit.Trim(), input.IsStandard);
            if (await conflicts.SaveAtVersionAsync(product, input.Version, cancellationToken))
            {
                TempData["Message"] = l["The changes were saved."].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        // Someone else saved the product after this form was loaded: show their change and keep the input.
        var current = await db.Products.AsNoTracking().FirstAsync(x => x.Id == id, cancellationToken);
        ViewData["Conflict"] = await conflicts.DescribeAsync(nameof(Product), id.ToString(), input.Loaded, ProductInput.Snapshot(current), cancellationToken);
        input.Version = current.Version;
        input.Loaded = EditConflicts.Encode(ProductInput.Snapshot(current));
        return View("Form", new ProductFormViewModel(id, input));
    }

    [HttpPost]
    [Authorize(Roles = Editors)]
    public async Task<IActionResult> ToggleActive(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Products.FindAsync([id], cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        if (product.IsActive)
        {
            product.Deactivate();
        }
        else
        {
            product.Reactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        var model = await history.ForAsync(
            product.Code, Url.Action(nameof(Index))!, [id.ToString()], page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }
}
