using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Departments;

/// <summary>The department form as it posts; creating (<c>CreateDepartment</c>) and editing (<c>EditDepartment</c>) post the same.</summary>
public abstract class DepartmentInput
{
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string? HeadUserId { get; set; }

    /// <summary>The department's version when the edit form was loaded (optimistic concurrency).</summary>
    public int Version { get; set; }

    /// <summary>The values the edit form was loaded with.</summary>
    public string? Loaded { get; set; }

    public static IEnumerable<FieldValue> Snapshot(Department d) =>
    [
        new("NameZh", "Chinese name", d.NameZh),
        new("NameEn", "English name", d.NameEn),
        new("HeadUserId", "Head", d.HeadUserId),
    ];
}

/// <summary>The rules of <see cref="DepartmentInput"/> (creating also requires the code and its form).</summary>
public abstract class DepartmentInputValidator<T> : AbstractValidator<T>
    where T : DepartmentInput
{
    protected DepartmentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Loaded).MaxLength(EditConflicts.EncodedLength, l);
        RuleFor(x => x.Code).MaximumLength(Department.CodeLength).WithMessage(_ => l["The department code is too long."]);
        RuleFor(x => x.NameZh).NotEmpty().WithMessage(_ => l["Enter the Chinese name."])
            .MaximumLength(Department.NameLength).WithMessage(_ => l["The name is too long."]);
        RuleFor(x => x.NameEn).NotEmpty().WithMessage(_ => l["Enter the English name."])
            .MaximumLength(Department.NameLength).WithMessage(_ => l["The name is too long."]);
        RuleFor(x => x.HeadUserId).MaxLength(InputLimits.UserIdLength, l);
    }
}

public sealed record DepartmentRow(Department Department, string? HeadName);

public sealed record DepartmentFormViewModel(Guid? Id, DepartmentInput Input, IReadOnlyList<SelectListItem> Users);

/// <summary>Departments are data: names in both languages and the head who signs for them.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class DepartmentsController(AppDbContext db, HistoryQuery history, EditConflicts conflicts, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Departments.AsNoTracking()
            .OrderBy(d => d.Code)
            .Select(d => new DepartmentRow(d, db.Users.Where(u => u.Id == d.HeadUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return View(rows);
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", new DepartmentFormViewModel(null, new CreateDepartment.Input(), await UsersAsync(cancellationToken)));

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Create(CreateDepartment.Input input, [FromServices] CreateDepartment.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await FormAsync(null, input, cancellationToken);
        }

        return await this.Respond(
            await handler.HandleAsync(input, cancellationToken),
            name =>
            {
                TempData["Message"] = l["Department {0} was created.", name].Value;
                return RedirectToAction(nameof(Index));
            },
            () => FormAsync(null, input, cancellationToken),
            l);
    }

    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var d = await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return d is null
            ? NotFound()
            : View("Form", new DepartmentFormViewModel(id, new EditDepartment.Input { Code = d.Code, NameZh = d.NameZh, NameEn = d.NameEn, HeadUserId = d.HeadUserId, Version = d.Version, Loaded = EditConflicts.Encode(DepartmentInput.Snapshot(d)) }, await UsersAsync(cancellationToken)));
    }

    [HttpPost]
    public Task<IActionResult> Edit(Guid id, EditDepartment.Input input, [FromServices] EditDepartment.Handler handler, CancellationToken cancellationToken) =>
        this.RespondToEdit(() => handler.HandleAsync(id, input, cancellationToken), () => RedisplayEditAsync(id, input, cancellationToken), l);

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var d = await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            return NotFound();
        }

        var model = await history.ForAsync(d.NameZh + " / " + d.NameEn, Url.Action(nameof(Index))!, [id.ToString()], page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private async Task<IActionResult> FormAsync(Guid? id, DepartmentInput input, CancellationToken cancellationToken) =>
        View("Form", new DepartmentFormViewModel(id, input, await UsersAsync(cancellationToken)));

    /// <summary>The edit form again, keeping the input; the code shown is the stored one (it is fixed). When someone else
    /// saved the department after this form was loaded (a refused stale save answers 409 through <see cref="UseCaseResponses"/>),
    /// it also shows what they changed, who and when, and goes on from the current version: saving again keeps the input.</summary>
    private async Task<IActionResult> RedisplayEditAsync(Guid id, EditDepartment.Input input, CancellationToken cancellationToken)
    {
        var current = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        input.Code = current.Code;
        await conflicts.ShowWhenStaleAsync(
            ViewData, current.Version != input.Version, nameof(Department), id.ToString(), input.Loaded, () => Task.FromResult(DepartmentInput.Snapshot(current)),
            loaded => (input.Version, input.Loaded) = (current.Version, loaded), cancellationToken);
        return await FormAsync(id, input, cancellationToken);
    }

    private async Task<IReadOnlyList<SelectListItem>> UsersAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.UserName + ")", u.Id))
            .ToListAsync(cancellationToken);
}
