using System.Security.Claims;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Features.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Queue;

public sealed record QueueItem(string Kind, string Title, string Detail, string Url, DateTime SinceUtc);

public sealed record QueueViewModel(IReadOnlyList<QueueItem> Items);

/// <summary>"Waiting for me": sections to sign, discrepancies to resolve or confirm, approvals, conclusions, contracts.</summary>
[Authorize]
public sealed class QueueController(
    AppDbContext db, ReviewAccess access, ReviewSubjects subjects, TrackingAccess tracking, Tenders.TenderQueue tenders, Infrastructure.DepartmentNames departmentNames) : Controller
{
    private const int PerKind = 100;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var departments = (await access.SignableDepartmentsAsync(userId, cancellationToken)).ToList();
        var items = new List<QueueItem>();
        var subjectRows = subjects.Rows();

        var toSign = await (
                from section in db.ReviewSections
                join review in db.Reviews on section.ReviewId equals review.Id
                join subject in subjectRows on review.SubjectId equals subject.Id
                where review.Status == ReviewStatus.InProgress && section.Status == SectionStatus.Pending && departments.Contains(section.DepartmentCode)
                      && !db.Discrepancies.Any(d => d.ReviewId == review.Id && d.DepartmentCode == section.DepartmentCode && d.Status != DiscrepancyStatus.Confirmed)
                orderby review.OpenedAtUtc
                select new { review.Id, subject.Number, Name = subject.CustomerName, section.DepartmentCode, review.OpenedAtUtc })
            .Take(PerKind).ToListAsync(cancellationToken);
        // Departments by name in the reader's language, not by code.
        var names = await departmentNames.AllAsync(cancellationToken);
        items.AddRange(toSign.Select(x => new QueueItem("sign", x.Number, x.Name + " · " + names.GetValueOrDefault(x.DepartmentCode, x.DepartmentCode), $"/Reviews/{x.Id}#section-{x.DepartmentCode}", x.OpenedAtUtc)));

        var toConfirm = await (
                from d in db.Discrepancies
                join review in db.Reviews on d.ReviewId equals review.Id
                join subject in subjectRows on review.SubjectId equals subject.Id
                where d.Status == DiscrepancyStatus.Resolved && departments.Contains(d.DepartmentCode)
                orderby d.RaisedAtUtc
                select new { review.Id, subject.Number, Number1 = d.Number, d.Clause, d.RaisedAtUtc })
            .Take(PerKind).ToListAsync(cancellationToken);
        items.AddRange(toConfirm.Select(x => new QueueItem("confirm", x.Number, $"#{x.Number1} {x.Clause}", $"/Reviews/{x.Id}#discrepancy-{x.Number1}", x.RaisedAtUtc)));

        if (User.IsInRole(Roles.SalesManager))
        {
            var toResolve = await (
                    from d in db.Discrepancies
                    join review in db.Reviews on d.ReviewId equals review.Id
                    join subject in subjectRows on review.SubjectId equals subject.Id
                    where d.Status == DiscrepancyStatus.Open && (review.Status == ReviewStatus.InProgress || review.Status == ReviewStatus.AwaitingApproval)
                    orderby d.RaisedAtUtc
                    select new { review.Id, subject.Number, Number1 = d.Number, d.Clause, d.RaisedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toResolve.Select(x => new QueueItem("resolve", x.Number, $"#{x.Number1} {x.Clause}", $"/Reviews/{x.Id}#discrepancy-{x.Number1}", x.RaisedAtUtc)));

            var toConclude = await (
                    from review in db.Reviews
                    join subject in subjectRows on review.SubjectId equals subject.Id
                    where review.Status == ReviewStatus.InProgress && review.Concluder == ReviewConcluder.SalesManager
                          && !db.ReviewSections.Any(s => s.ReviewId == review.Id && s.Status == SectionStatus.Pending)
                    orderby review.OpenedAtUtc
                    select new { review.Id, subject.Number, review.OpenedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toConclude.Select(x => new QueueItem("conclude", x.Number, "", $"/Reviews/{x.Id}#conclude-form", x.OpenedAtUtc)));
        }

        if (User.IsInRole(Roles.BusinessUnitHead))
        {
            var toConcludeAsHead = await (
                    from review in db.Reviews
                    join subject in subjectRows on review.SubjectId equals subject.Id
                    where review.Status == ReviewStatus.InProgress && review.Concluder == ReviewConcluder.BusinessUnitHead
                          && !db.ReviewSections.Any(s => s.ReviewId == review.Id && s.Status == SectionStatus.Pending)
                    orderby review.OpenedAtUtc
                    select new { review.Id, subject.Number, review.OpenedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toConcludeAsHead.Select(x => new QueueItem("conclude", x.Number, "", $"/Reviews/{x.Id}#conclude-form", x.OpenedAtUtc)));
        }

        if (User.IsInRole(Roles.GeneralManager))
        {
            var toApprove = await (
                    from review in db.Reviews
                    join subject in subjectRows on review.SubjectId equals subject.Id
                    where review.Status == ReviewStatus.AwaitingApproval
                    orderby review.OpenedAtUtc
                    select new { review.Id, subject.Number, Name = subject.CustomerName, review.OpenedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toApprove.Select(x => new QueueItem("approve", x.Number, x.Name, $"/Reviews/{x.Id}#gm-approval", x.OpenedAtUtc)));
        }

        if (User.IsInRole(Roles.ContractAdministrator) || User.IsInRole(Roles.SalesManager))
        {
            var toContract = await (
                    from order in db.SalesOrders
                    join customer in db.Customers on order.CustomerId equals customer.Id
                    where order.Status == OrderStatus.Approved
                    orderby order.CreatedAtUtc
                    select new { order.Id, order.Number, customer.Name, order.CreatedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toContract.Select(x => new QueueItem("contract", x.Number, x.Name, $"/Orders/Details/{x.Id}#sign-contract", x.CreatedAtUtc)));
        }

        await AddTrackingAsync(userId, names, items, cancellationToken);
        if (User.IsInRole(Roles.QualityStaff) || User.IsInRole(Roles.QualityHead))
        {
            // Complaints logged by anyone (sales included) reach quality at once.
            var toAnswer = await (
                    from c in db.Complaints
                    join customer in db.Customers on c.CustomerId equals customer.Id
                    where c.Status != ComplaintStatus.Closed && c.AnsweredAtUtc == null
                    orderby c.ReceivedAtUtc
                    select new { c.Id, c.Number, customer.Name, c.ReceivedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toAnswer.Select(x => new QueueItem("complaint", x.Number, x.Name, $"/Complaints/Details/{x.Id}", x.ReceivedAtUtc)));

            var toVerify = await (
                    from a in db.CorrectiveActions
                    join c in db.Complaints on a.ComplaintId equals c.Id
                    where a.Status == ActionStatus.Done && c.Status != ComplaintStatus.Closed
                    orderby a.DueDate
                    select new { c.Id, c.Number, a.Description, c.ReceivedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toVerify.Select(x => new QueueItem("verify", x.Number, x.Description, $"/Complaints/Details/{x.Id}#actions", x.ReceivedAtUtc)));
        }

        var myActions = await (
                from a in db.CorrectiveActions
                join c in db.Complaints on a.ComplaintId equals c.Id
                where a.OwnerUserId == userId && a.Status == ActionStatus.Open && c.Status != ComplaintStatus.Closed
                orderby a.DueDate
                select new { c.Id, c.Number, a.Description, c.ReceivedAtUtc })
            .Take(PerKind).ToListAsync(cancellationToken);
        items.AddRange(myActions.Select(x => new QueueItem("action", x.Number, x.Description, $"/Complaints/Details/{x.Id}#actions", x.ReceivedAtUtc)));

        var drafts = await db.SalesOrders.AsNoTracking()
            .Where(o => o.SalesUserId == userId && o.Status == OrderStatus.Draft)
            .OrderBy(o => o.CreatedAtUtc)
            .Select(o => new { o.Id, o.Number, o.CreatedAtUtc })
            .Take(PerKind).ToListAsync(cancellationToken);
        items.AddRange(drafts.Select(x => new QueueItem("draft", x.Number, "", $"/Orders/Details/{x.Id}", x.CreatedAtUtc)));
        await tenders.AddAsync(User, items, cancellationToken);

        return View(new QueueViewModel(items));
    }

    /// <summary>Order tracking: notices to acknowledge, task notices to issue or revise, service notices, changes to decide.</summary>
    private async Task AddTrackingAsync(string userId, IReadOnlyDictionary<string, string> names, List<QueueItem> items, CancellationToken cancellationToken)
    {
        var acting = (await tracking.ActingDepartmentsAsync(userId, cancellationToken)).ToList();
        var toAcknowledge = await (
                from ack in db.NoticeAcknowledgements
                join notice in db.TaskNotices on ack.NoticeId equals notice.Id
                join contract in db.Contracts on notice.ContractId equals contract.Id
                where ack.AcknowledgedAtUtc == null && notice.Status == NoticeStatus.Issued && acting.Contains(ack.DepartmentCode)
                orderby notice.IssuedAtUtc
                select new { notice.Id, notice.Number, Contract = contract.Number, ack.DepartmentCode, notice.IssuedAtUtc })
            .Take(PerKind).ToListAsync(cancellationToken);
        items.AddRange(toAcknowledge.Select(x => new QueueItem("acknowledge", x.Number, x.Contract + " · " + names.GetValueOrDefault(x.DepartmentCode, x.DepartmentCode), $"/Notices/{x.Id}#ack-{x.DepartmentCode}", x.IssuedAtUtc)));

        if (acting.Contains(ReviewDepartments.Technical))
        {
            var service = await (
                    from notice in db.ServiceNotices
                    join contract in db.Contracts on notice.ContractId equals contract.Id
                    where notice.Status == ServiceNoticeStatus.Open
                    orderby notice.IssuedAtUtc
                    select new { notice.Id, notice.Number, Contract = contract.Number, notice.Site, notice.IssuedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(service.Select(x => new QueueItem("service", x.Number, x.Contract + " · " + x.Site, $"/ServiceNotices/{x.Id}", x.IssuedAtUtc)));
        }

        if (User.IsInRole(Roles.ContractAdministrator))
        {
            // Executing contracts whose production task notice is missing or issued from an older version.
            var toNotify = await (
                    from contract in db.Contracts
                    where contract.Status == ContractStatus.Executing && contract.HeldByChangeId == null
                          && !db.TaskNotices.Any(n => n.ContractId == contract.Id && n.Kind == NoticeKind.ProductionTask && n.Status != NoticeStatus.Superseded
                                                      && n.ContractVersion == contract.CurrentVersion)
                    orderby contract.EnteredAtUtc
                    select new { contract.Id, contract.Number, contract.CurrentVersion, contract.EnteredAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toNotify.Select(x => new QueueItem("notice", x.Number, "v" + x.CurrentVersion, $"/Notices/New?contractId={x.Id}", x.EnteredAtUtc)));
        }

        if (TrackingAccess.CanDecideChanges(User))
        {
            var toDecide = await (
                    from change in db.ContractChanges
                    join contract in db.Contracts on change.ContractId equals contract.Id
                    where change.Status == ChangeStatus.Requested
                    orderby change.RecordedAtUtc
                    select new { change.Id, change.Number, Contract = contract.Number, change.What, change.RecordedAtUtc })
                .Take(PerKind).ToListAsync(cancellationToken);
            items.AddRange(toDecide.Select(x => new QueueItem("change", x.Number, x.Contract + " · " + x.What, $"/Changes/{x.Id}", x.RecordedAtUtc)));
        }
    }
}
