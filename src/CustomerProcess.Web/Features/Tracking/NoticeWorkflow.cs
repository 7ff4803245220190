using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>What a new task notice starts with: the departments usually concerned, and the special
/// requirements and review conditions carried over from the order and its review.</summary>
public sealed record NoticeDraft(IReadOnlyList<string> Departments, string? SpecialRequirements, string? ReviewConditions, TaskNotice? Current);

/// <summary>Reads task notices and drafts a new one; <see cref="IssueAsync"/> adds a notice for a use case to save
/// (IssueTaskNotice, and the product change notice of a change). Issuing and acknowledging are use cases in Features/Notices.</summary>
public sealed class NoticeWorkflow(AppDbContext db, DocumentNumbers numbers, TimeProvider clock)
{
    public const string TaskPrefix = "RW";
    public const string ProductChangePrefix = "CP";

    /// <summary>Departments a production task notice goes to unless the administrator chooses otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultDepartments =
        [ReviewDepartments.Production, ReviewDepartments.Purchasing, ReviewDepartments.Quality, ReviewDepartments.Technical];

    /// <summary>Departments a product change notice (a process change) goes to.</summary>
    public static readonly IReadOnlyList<string> ProductChangeDepartments =
        [ReviewDepartments.Production, ReviewDepartments.Technical, ReviewDepartments.Quality];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<TaskNotice?> FindAsync(Guid noticeId, CancellationToken cancellationToken) =>
        db.TaskNotices.Include("_lines").Include("_acknowledgements").AsSplitQuery().FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);

    /// <summary>The production task notice in force for the contract (the latest revision).</summary>
    public Task<TaskNotice?> CurrentTaskNoticeAsync(Guid contractId, CancellationToken cancellationToken) =>
        db.TaskNotices.Include("_lines").Include("_acknowledgements").AsSplitQuery()
            .Where(n => n.ContractId == contractId && n.Kind == NoticeKind.ProductionTask && n.Status != NoticeStatus.Superseded)
            .OrderByDescending(n => n.Revision)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<NoticeDraft?> DraftAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var current = await CurrentTaskNoticeAsync(contractId, cancellationToken);
        if (current is not null)
        {
            return new NoticeDraft(current.Acknowledgements.Select(a => a.DepartmentCode).ToList(), current.SpecialRequirements, current.ReviewConditions, current);
        }

        var order = await db.SalesOrders.AsNoTracking().FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
        var special = string.Join("\n", new[] { order.SpecialTechnical, order.SpecialDelivery, order.SpecialPackaging, order.CustomerPropertyHandling }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        var conditions = await db.ReviewSignatures.AsNoTracking()
            .Where(s => s.ReviewId == contract.ReviewId && s.InvalidatedAtUtc == null && s.Conclusion == SectionConclusion.AcceptWithConditions && s.Comments != null)
            .OrderBy(s => s.SignedAtUtc)
            .Select(s => s.Capacity + ": " + s.Comments)
            .ToListAsync(cancellationToken);
        return new NoticeDraft(DefaultDepartments, special.Length == 0 ? null : special, conditions.Count == 0 ? null : string.Join("\n", conditions), null);
    }

    /// <summary>Adds a notice to the context (the caller saves): a task notice supersedes the one in force.</summary>
    public async Task<Result<TaskNotice>> IssueAsync(
        Contract contract, NoticeKind kind, IReadOnlyList<string> departments, string? specialRequirements, string? reviewConditions, string? instructions,
        Guid? changeId, string userId, string userName, CancellationToken cancellationToken)
    {
        var known = await db.Departments.Where(d => d.IsActive).Select(d => d.Code).ToListAsync(cancellationToken);
        var chosen = departments.Where(known.Contains).ToList();
        var previous = kind == NoticeKind.ProductionTask ? await CurrentTaskNoticeAsync(contract.Id, cancellationToken) : null;
        var number = await numbers.NextAsync(kind == NoticeKind.ProductionTask ? TaskPrefix : ProductChangePrefix, Now.Year, cancellationToken);
        var issued = TaskNotice.Issue(number, kind, contract, chosen, specialRequirements, reviewConditions, instructions, previous, changeId, userId, userName, Now);
        if (issued.Succeeded)
        {
            db.TaskNotices.Add(issued.Value!);
        }

        return issued;
    }
}
