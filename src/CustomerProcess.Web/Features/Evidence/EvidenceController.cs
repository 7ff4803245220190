using CustomerProcess.Domain.Evidence;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Evidence;

public sealed record EvidencePackRow(EvidencePack Pack, string? CustomerName, int Downloads);

public sealed record EvidenceIndexViewModel(
    RequestEvidencePack.Input Input, Page<EvidencePackRow> Page, PagerModel Pager, IReadOnlyList<SelectListItem> Departments, string? Query);

public sealed record EvidenceDetailsViewModel(EvidencePackRow Row, string? DepartmentName, IReadOnlyList<EvidencePackDownload> Downloads);

/// <summary>The evidence pack (docs/process.md §11, issue #18 item 6, ADR 0042): quality and the GM ask for a period's
/// records in one zip, watch it being built and download it; every download is logged and listed on the pack's page.</summary>
[Authorize(Roles = Readers)]
[Route("Evidence")]
public sealed class EvidenceController(AppDbContext db, DepartmentNames departmentNames, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    public const string Readers = Roles.QualityHead + "," + Roles.QualityStaff + "," + Roles.GeneralManager;

    /// <summary>The request form (last quarter by default) and the packs asked for so far, newest first.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken) =>
        View(await IndexModelAsync(DefaultInput(), q, page, cancellationToken));

    [CreatesRecord]
    [HttpPost("")]
    public async Task<IActionResult> Index(RequestEvidencePack.Input input, [FromServices] RequestEvidencePack.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(input, User, cancellationToken),
                id =>
                {
                    TempData["Message"] = l["The evidence pack is queued; this page shows its progress."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => RedisplayAsync(input, cancellationToken),
                l);

    /// <summary>The pack's state and progress (the page reloads itself while the pack is being built) and its downloads.</summary>
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var row = await Rows(db.EvidencePacks.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        var downloads = await db.EvidencePackDownloads.AsNoTracking().Where(d => d.PackId == id).OrderByDescending(d => d.AtUtc).Take(200).ToListAsync(cancellationToken);
        var departments = await departmentNames.AllAsync(cancellationToken);
        var department = row.Pack.DepartmentCode is { } code ? departments.GetValueOrDefault(code, code) : null;
        return View(new EvidenceDetailsViewModel(row, department, downloads));
    }

    [HttpGet("{id:guid}/Download")]
    public async Task<IActionResult> Download(Guid id, [FromServices] DownloadEvidencePack.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, User, cancellationToken);
        if (result.Succeeded)
        {
            return PhysicalFile(result.Value!.Path, "application/zip", result.Value.DownloadName);
        }

        // Not ready yet: back to the pack's page, which says so and shows the progress.
        return await this.Failed(result.Error!, () =>
        {
            TempData["Error"] = result.Error!.Localize(l);
            return Task.FromResult<IActionResult>(RedirectToAction(nameof(Details), new { id }));
        }, l);
    }

    private IQueryable<EvidencePackRow> Rows(IQueryable<EvidencePack> packs) =>
        from p in packs
        select new EvidencePackRow(
            p,
            db.Customers.Where(c => c.Id == p.CustomerId).Select(c => c.Name).FirstOrDefault(),
            db.EvidencePackDownloads.Count(d => d.PackId == p.Id));

    private RequestEvidencePack.Input DefaultInput()
    {
        // The last whole quarter (China time): what an auditor usually asks for.
        var today = InputRules.Today(clock);
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return new RequestEvidencePack.Input { From = quarterStart.AddMonths(-3), To = quarterStart.AddDays(-1) };
    }

    private async Task<IActionResult> RedisplayAsync(RequestEvidencePack.Input input, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await IndexModelAsync(input, null, null, cancellationToken));
    }

    private async Task<EvidenceIndexViewModel> IndexModelAsync(RequestEvidencePack.Input input, string? q, int? page, CancellationToken cancellationToken)
    {
        var packs = db.EvidencePacks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            packs = packs.Where(p => p.RequestedByName.Contains(term) || db.Customers.Any(c => c.Id == p.CustomerId && c.Name.Contains(term)));
        }

        var found = await Rows(packs.OrderByDescending(p => p.RequestedAtUtc)).ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(found, p => Url.Action(nameof(Index), new { q, page = p })!);
        var departments = (await departmentNames.AllAsync(cancellationToken))
            .OrderBy(d => d.Value, StringComparer.CurrentCulture)
            .Select(d => new SelectListItem(d.Value, d.Key, d.Key == input.Department))
            .ToList();
        return new EvidenceIndexViewModel(input, found, pager, departments, q);
    }
}
