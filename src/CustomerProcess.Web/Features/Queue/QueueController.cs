using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerProcess.Web.Features.Queue;

public sealed record QueueViewModel(IReadOnlyList<WaitingItem> Items);

/// <summary>"Waiting for me": sections to sign, discrepancies to resolve or confirm, approvals, conclusions, contracts,
/// order tracking, complaints, drafts and tenders — <see cref="WaitingWork"/>, grouped by kind.</summary>
[Authorize]
public sealed class QueueController(WaitingWork waiting) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new QueueViewModel(await waiting.ListAsync(User, cancellationToken)));
}
