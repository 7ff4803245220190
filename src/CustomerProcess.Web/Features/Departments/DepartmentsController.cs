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

public sealed class DepartmentInput
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

public sealed class DepartmentInputValidator : AbstractValidator<DepartmentInput>
{
    public DepartmentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Loaded).MaxLength(EditConflicts.EncodedLength, l);
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the department code."])
            .MaximumLength(Department.CodeLength).WithMessage(_ => l["The department code is too long."])
            .Matches("^[A-Za-z][A-Za-z0-9]*$").WithMessage(_ => l["The department code may contain only letters and digits."]);
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
        View("Form", new DepartmentFormViewModel(null, new DepartmentInput(), await UsersAsync(cancellationToken)));

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Create(DepartmentInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await db.Departments.AnyAsync(d => d.Code == input.Code.Trim(), cancellationToken))
        {
            ModelState.AddModelError(nameof(input.Code), l["The department code {0} is already used.", input.Code]);
        }

        if (!ModelState.IsValid)
        {
            return View("Form", new DepartmentFormViewModel(null, input, await UsersAsync(cancellationToken)));
        }

        var department = new Department(input.Code.Trim(), input.NameZh.Trim(), input.NameEn.Trim());
        department.AssignHead(string.IsNullOrEmpty(input.HeadUserId) ? null : input.HeadUserId);
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Department {0} was created.", department.NameZh].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var d = await db.Departments.FindAsync([id], cancellationToken);
        return d is null
            ? NotFound()
            : View("Form", new DepartmentFormViewModel(id, new DepartmentInput { Code = d.Code, NameZh = d.NameZh, NameEn = d.NameEn, HeadUserId = d.HeadUserId, Version = d.Version, Loaded = EditConflicts.Encode(DepartmentInput.Snapshot(d)) }, await UsersAsync(cancellationToken)));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(Guid id, DepartmentInput input, CancellationToken cancellationToken)
    {
        var department = await db.Departments.FindAsync([id], cancellationToken);
        if (department is null)
        {
            return NotFound();
        }

        input.Code = department.Code;
        ModelState.Remove(nameof(input.Code)); // fixed after creation; a posted value is ignored
        if (!ModelState.IsValid)
        {
            return View("Form", new DepartmentFormViewModel(id, input, await UsersAsync(cancellationToken)));
        }

        if (department.Version == input.Version)
        {
            department.Rename(input.NameZh.Trim(), input.NameEn.Trim());
            department.AssignHead(string.IsNullOrEmpty(input.HeadUserId) ? null : input.HeadUserId);
            if (await conflicts.SaveAtVersionAsync(department, input.Version, cancellationToken))
            {
                TempData["Message"] = l["The changes were saved."].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        // Someone else saved the department after this form was loaded: show their change and keep the input.
        var current = await db.Departments.AsNoTracking().FirstAsync(x => x.Id == id, cancellationToken);
        ViewData["Conflict"] = await conflicts.DescribeAsync(nameof(Department), id.ToString(), input.Loaded, DepartmentInput.Snapshot(current), cancellationToken);
        input.Version = current.Version;
        input.Loaded = EditConflicts.Encode(DepartmentInput.Snapshot(current));
        return View("Form", new DepartmentFormViewModel(id, input, await UsersAsync(cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, CancellationToken cancellationToken)
    {
        var d = await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            return NotFound();
        }

        var model = await history.ForAsync(d.NameZh + " / " + d.NameEn, Url.Action(nameof(Index))!, [id.ToString()], page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private async Task<IReadOnlyList<SelectListItem>> UsersAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.UserName + ")", u.Id))
            .ToListAsync(cancellationToken);
}
