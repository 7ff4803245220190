using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>What a disposed record's page (and print view) says: disposed of on which day, by which disposal.</summary>
public sealed record DisposedNoticeModel(string ElementId, DateTime DisposedAtUtc, Guid DisposalId, string DisposalNumber, bool CanOpenDisposal);

/// <summary>The notice on a disposed record's details and print view (ADR 0041): its texts are blank on purpose, and the
/// disposal record (number; a link for the quality head and the general manager) keeps what and who.</summary>
public sealed class DisposedNoticeViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string elementId, Guid disposalId, DateTime disposedAtUtc)
    {
        var number = await db.DisposalRecords.AsNoTracking().Where(d => d.Id == disposalId).Select(d => d.Number).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? "";
        var canOpen = User.IsInRole(Roles.QualityHead) || User.IsInRole(Roles.GeneralManager);
        return View("~/Features/Retention/_DisposedNotice.cshtml", new DisposedNoticeModel(elementId, disposedAtUtc, disposalId, number, canOpen));
    }
}

/// <summary>What a drill-down list shows in place of a disposed record's blank text (ADR 0041 amendment): "disposed (XH-…)",
/// so a blank is never read as if the customer had written nothing.</summary>
public sealed class DisposedMarkerViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid disposalId)
    {
        var number = await db.DisposalRecords.AsNoTracking().Where(d => d.Id == disposalId).Select(d => d.Number).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? "";
        return View("~/Features/Retention/_DisposedMarker.cshtml", number);
    }
}
