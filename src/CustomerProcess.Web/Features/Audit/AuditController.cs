using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerProcess.Web.Features.Audit;

public sealed record VerifyViewModel(AuditChainReport? Report, AuditEntry? BrokenRow);

/// <summary>The audit trail's verification (docs/process.md §11, ADR 0031): the chain is walked from its first row
/// to its head and the first broken row is named. Reading only; the same check runs as <c>verify-audit</c>.</summary>
[Authorize(Roles = Verifiers)]
[Route("Audit")]
public sealed class AuditController(AppDbContext db) : Controller
{
    public const string Verifiers = Roles.QualityHead + "," + Roles.GeneralManager + "," + Roles.Administrator;

    /// <summary>The page with the button; <paramref name="run"/> walks the chain.</summary>
    [HttpGet("Verify")]
    public async Task<IActionResult> Verify(bool run, CancellationToken cancellationToken)
    {
        if (!run)
        {
            return View(new VerifyViewModel(null, null));
        }

        var report = await AuditVerification.VerifyAsync(db, cancellationToken);
        var broken = report.FirstBreak?.EntryId is { } id ? await db.AuditEntries.FindAsync([id], cancellationToken) : null;
        return View(new VerifyViewModel(report, broken));
    }
}
