using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Ledger;

public sealed record LedgerIndexViewModel(
    LedgerFilter Filter, Page<LedgerRow> Page, PagerModel Pager, IReadOnlyList<LedgerTotals> Totals,
    IReadOnlyList<KeyValuePair<string, string>> Salespeople, DateOnly Today);

public sealed record LedgerDetailsViewModel(
    Contract Contract,
    ReviewDetailsViewModel Review,
    Customer Customer,
    string? SalesName,
    IReadOnlyList<TaskNotice> Notices,
    IReadOnlyList<ServiceNotice> ServiceNotices,
    IReadOnlyList<ContractChange> Changes,
    IReadOnlyList<Quotation> Quotations,
    Page<CommunicationEntry> Communications,
    PagerModel CommunicationPager,
    Attachments.AttachmentsViewModel Attachments,
    IReadOnlyDictionary<string, string> DepartmentNames,
    DateOnly Today,
    bool CanAdminister,
    bool CanRecordMoney,
    bool CanTalkToCustomer,
    bool CanDecideChanges)
{
    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : code;

    public TaskNotice? CurrentTaskNotice => Notices.Where(n => n.Kind == NoticeKind.ProductionTask && n.Status != NoticeStatus.Superseded).MaxBy(n => n.Revision);

    /// <summary>The notice in force was issued from an older version: a revision is due.</summary>
    public bool TaskNoticeOutdated => CurrentTaskNotice is { } n && n.ContractVersion < Contract.CurrentVersion;
}

public sealed record LedgerVersionViewModel(Contract Contract, ContractVersion Version, IReadOnlyList<ContractLine> Lines, ContractChange? Change);

/// <summary>The contract ledger (合同台帐): every signed contract with its performance, filterable, totalled and
/// exportable; each contract's page is the record of its life from signing to completion or termination.</summary>
[Authorize]
public sealed class LedgerController(
    AppDbContext db,
    LedgerQuery ledger,
    LedgerExport export,
    ReviewQueries reviews,
    TrackingAccess access,
    ContractTracking tracking,
    Attachments.AttachmentAccess attachments,
    HistoryQuery history) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] LedgerFilter filter, CancellationToken cancellationToken)
    {
        if (!CanOpenLedger())
        {
            return Forbid();
        }

        var today = tracking.Today;
        var filtered = await ledger.FilteredAsync(filter, User, today, cancellationToken);
        var totals = await ledger.CachedTotalsAsync(filtered, filter, User, today, cancellationToken);
        // The totals count the filtered set, so the pager needs no count query of its own.
        var counted = Math.Min(totals.Sum(t => t.Count), Page<LedgerRow>.CountCap + 1);
        var page = await ledger.Rows(filtered, filter).ToPageAsync(filter.Page, () => Task.FromResult(counted), cancellationToken);
        var pager = PagerModel.For(page, p => Url.Action(nameof(Index), filter.RouteValues(p))!);
        var salespeople = await ledger.SalespeopleAsync(cancellationToken);
        return View(new LedgerIndexViewModel(filter, page, pager, totals, salespeople, today));
    }

    /// <summary>Exactly the filtered rows (every page), with the list's columns, as .xlsx.</summary>
    [HttpGet]
    public async Task<IActionResult> Export([FromQuery] LedgerFilter filter, CancellationToken cancellationToken)
    {
        if (!CanOpenLedger())
        {
            return Forbid();
        }

        var today = tracking.Today;
        var rows = ledger.Rows(await ledger.FilteredAsync(filter, User, today, cancellationToken), filter);
        // Streamed: the query's rows go one by one into a temporary file (deleted when the response is sent), never into
        // a list; memory stays flat at any size of the filtered set (docs/adr/0043-a-million-contracts.md).
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            export.WriteTo(file, rows.AsEnumerable(), today);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"contract-ledger-{today:yyyyMMdd}.xlsx");
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, int? log, CancellationToken cancellationToken)
    {
        var contract = await tracking.LoadAsync(id, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, contract, cancellationToken))
        {
            return Forbid();
        }

        var review = await reviews.DetailsAsync(contract.ReviewId, User, cancellationToken, signedContract: contract);
        if (review is null)
        {
            return NotFound();
        }

        // The review box read the order's customer, which is the contract's.
        var customer = review.Subject.Customer is { } reviewed && reviewed.Id == contract.CustomerId
            ? reviewed
            : await db.Customers.AsNoTracking().FirstAsync(c => c.Id == contract.CustomerId, cancellationToken);
        var salesName = await db.Users.Where(u => u.Id == review.Order!.SalesUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var notices = await db.TaskNotices.AsNoTracking().Include("_acknowledgements").Where(n => n.ContractId == id)
            .OrderByDescending(n => n.IssuedAtUtc).Take(100).ToListAsync(cancellationToken);
        var services = await db.ServiceNotices.AsNoTracking().Include("_records").Where(n => n.ContractId == id)
            .OrderByDescending(n => n.IssuedAtUtc).Take(100).ToListAsync(cancellationToken);
        var changes = await db.ContractChanges.AsNoTracking().Where(c => c.ContractId == id)
            .OrderByDescending(c => c.RecordedAtUtc).Take(100).ToListAsync(cancellationToken);
        var quotations = await db.Quotations.AsNoTracking().Where(q => q.ContractId == id).OrderBy(q => q.IssuedAtUtc).ToListAsync(cancellationToken);
        var communications = await db.CommunicationEntries.AsNoTracking().Where(c => c.ContractId == id)
            .OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.RecordedAtUtc)
            .ToPageAsync(log, cancellationToken);
        var files = new Attachments.AttachmentsViewModel(
            AttachmentOwner.Contract, id, await attachments.ListAsync(AttachmentOwner.Contract, id, cancellationToken),
            Attachments.AttachmentAccess.CanUpload(User, AttachmentOwner.Contract), Url.Action(nameof(Details), new { id }) + "#attachments");
        return View(new LedgerDetailsViewModel(
            contract, review, customer, salesName, notices, services, changes, quotations, communications,
            PagerModel.For(communications, p => Url.Action(nameof(Details), new { id, log = p }) + "#communication"),
            files, review.DepartmentNames, tracking.Today,
            TrackingAccess.CanAdminister(User), TrackingAccess.CanRecordMoney(User),
            TrackingAccess.CanTalkToCustomer(User, review.Order!.SalesUserId), TrackingAccess.CanDecideChanges(User)));
    }

    /// <summary>A version of the contract as it was (v1 as signed, then one per implemented change).</summary>
    [HttpGet("Ledger/Details/{id:guid}/Versions/{number:int}")]
    public async Task<IActionResult> Version(Guid id, int number, CancellationToken cancellationToken)
    {
        var contract = await tracking.LoadAsync(id, cancellationToken);
        var version = contract?.Versions.FirstOrDefault(v => v.Number == number);
        if (contract is null || version is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, contract, cancellationToken))
        {
            return Forbid();
        }

        var change = version.ChangeId is { } changeId ? await db.ContractChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeId, cancellationToken) : null;
        return View(new LedgerVersionViewModel(contract, version, contract.LinesOfVersion(number), change));
    }

    /// <summary>The audit trail of the contract and every record kept with it.</summary>
    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var contract = await tracking.LoadAsync(id, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, contract, cancellationToken))
        {
            return Forbid();
        }

        var ids = new List<Guid> { contract.Id };
        ids.AddRange(contract.AllLines.Select(l => l.Id));
        ids.AddRange(contract.Versions.Select(v => v.Id));
        ids.AddRange(contract.Deliveries.Select(d => d.Id));
        ids.AddRange(contract.Deliveries.SelectMany(d => d.Lines).Select(l => l.Id));
        ids.AddRange(contract.Invoices.Select(i => i.Id));
        ids.AddRange(contract.Payments.Select(p => p.Id));
        ids.AddRange(await db.ContractChanges.Where(c => c.ContractId == id).Select(c => c.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.CommunicationEntries.Where(c => c.ContractId == id).Select(c => c.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.Attachments.Where(a => a.OwnerType == AttachmentOwner.Contract && a.OwnerId == id).Select(a => a.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.Quotations.Where(c => c.ContractId == id).Select(c => c.Id).ToListAsync(cancellationToken));
        var model = await history.ForAsync(contract.Number, Url.Action(nameof(Details), new { id })!, ids.Select(x => x.ToString()).ToList(), page, filter,
            p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private bool CanOpenLedger() => MayOpen(User);

    /// <summary>Who may open the ledger: those who see it whole, and salespeople (their own contracts). The menu shows the
    /// link only to them.</summary>
    public static bool MayOpen(System.Security.Claims.ClaimsPrincipal user) => TrackingAccess.SeesWholeLedger(user) || user.IsInRole(Roles.Sales);
}
