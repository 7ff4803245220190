using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.History;

/// <summary>
/// What a record owns, for its history page (issue #18 item 2): the records whose changes belong on the parent's page.
/// A child is a record that exists only as part of its parent and has no history page of its own worth opening
/// separately from it: an order's lines and its review (with the review's sections, signatures and discrepancies); a
/// contract's lines, versions, deliveries, invoices, payments, quotations, communication entries, change requests (with
/// their proposed lines and their review), production task notices (with their lines and each department's
/// acknowledgement) and technical service notices (with their site records); a complaint's corrective actions and
/// returns; a customer's contacts, class changes and credit proposals; a tender's clarifications, competitors' bids and
/// review. Complaints that name a contract are not the contract's: they are the customer's records with their own page
/// and owner, linked to the contract, not kept with it (docs/process.md §9).
/// </summary>
public static class HistoryFamily
{
    private sealed record Rule(string Parent, string Child, Func<AppDbContext, List<Guid>, IQueryable<Guid>> Children);

    /// <summary>Parent type → child type, each a query over the child's foreign key (one query per rule and level).</summary>
    private static readonly Rule[] Rules =
    [
        new(nameof(SalesOrder), nameof(OrderLine), (db, ids) => db.OrderLines.Where(x => ids.Contains(x.OrderId)).Select(x => x.Id)),
        new(nameof(SalesOrder), nameof(Review), (db, ids) => db.Reviews.Where(x => ids.Contains(x.SubjectId)).Select(x => x.Id)),
        new(nameof(Tender), nameof(Review), (db, ids) => db.Reviews.Where(x => ids.Contains(x.SubjectId)).Select(x => x.Id)),
        new(nameof(ContractChange), nameof(Review), (db, ids) => db.Reviews.Where(x => ids.Contains(x.SubjectId)).Select(x => x.Id)),
        new(nameof(Review), nameof(ReviewSection), (db, ids) => db.ReviewSections.Where(x => ids.Contains(x.ReviewId)).Select(x => x.Id)),
        new(nameof(Review), nameof(ReviewSignature), (db, ids) => db.ReviewSignatures.Where(x => ids.Contains(x.ReviewId)).Select(x => x.Id)),
        new(nameof(Review), nameof(Discrepancy), (db, ids) => db.Discrepancies.Where(x => ids.Contains(x.ReviewId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(ContractLine), (db, ids) => db.ContractLines.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(ContractVersion), (db, ids) => db.ContractVersions.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(Delivery), (db, ids) => db.Deliveries.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(Invoice), (db, ids) => db.Invoices.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(Payment), (db, ids) => db.Payments.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(Quotation), (db, ids) => db.Quotations.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(CommunicationEntry), (db, ids) => db.CommunicationEntries.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(ContractChange), (db, ids) => db.ContractChanges.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(TaskNotice), (db, ids) => db.TaskNotices.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Contract), nameof(ServiceNotice), (db, ids) => db.ServiceNotices.Where(x => ids.Contains(x.ContractId)).Select(x => x.Id)),
        new(nameof(Delivery), nameof(DeliveryLine), (db, ids) => db.DeliveryLines.Where(x => ids.Contains(x.DeliveryId)).Select(x => x.Id)),
        new(nameof(ContractChange), nameof(ContractChangeLine), (db, ids) => db.ContractChangeLines.Where(x => ids.Contains(x.ChangeId)).Select(x => x.Id)),
        new(nameof(TaskNotice), nameof(NoticeLine), (db, ids) => db.NoticeLines.Where(x => ids.Contains(x.NoticeId)).Select(x => x.Id)),
        new(nameof(TaskNotice), nameof(NoticeAcknowledgement), (db, ids) => db.NoticeAcknowledgements.Where(x => ids.Contains(x.NoticeId)).Select(x => x.Id)),
        new(nameof(ServiceNotice), nameof(SiteRecord), (db, ids) => db.SiteRecords.Where(x => ids.Contains(x.ServiceNoticeId)).Select(x => x.Id)),
        new(nameof(Complaint), nameof(CorrectiveAction), (db, ids) => db.CorrectiveActions.Where(x => ids.Contains(x.ComplaintId)).Select(x => x.Id)),
        new(nameof(Complaint), nameof(ReturnRecord), (db, ids) => db.Returns.Where(x => x.ComplaintId != null && ids.Contains(x.ComplaintId.Value)).Select(x => x.Id)),
        new(nameof(Customer), nameof(Contact), (db, ids) => db.Contacts.Where(x => ids.Contains(x.CustomerId)).Select(x => x.Id)),
        new(nameof(Customer), nameof(CustomerClassChangeRequest), (db, ids) => db.CustomerClassChangeRequests.Where(x => ids.Contains(x.CustomerId)).Select(x => x.Id)),
        new(nameof(Customer), nameof(CustomerFinanceProposal), (db, ids) => db.CustomerFinanceProposals.Where(x => ids.Contains(x.CustomerId)).Select(x => x.Id)),
        new(nameof(Tender), nameof(TenderClarification), (db, ids) => db.TenderClarifications.Where(x => ids.Contains(x.TenderId)).Select(x => x.Id)),
        new(nameof(Tender), nameof(CompetitorBid), (db, ids) => db.CompetitorBids.Where(x => ids.Contains(x.TenderId)).Select(x => x.Id)),
    ];

    /// <summary>The parent types whose records own children (the rules' left side).</summary>
    private static readonly (string Type, Func<AppDbContext, List<Guid>, IQueryable<Guid>> Find)[] Parents =
    [
        (nameof(SalesOrder), (db, ids) => db.SalesOrders.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(Tender), (db, ids) => db.Tenders.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(Review), (db, ids) => db.Reviews.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(Contract), (db, ids) => db.Contracts.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(ContractChange), (db, ids) => db.ContractChanges.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(Delivery), (db, ids) => db.Deliveries.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(TaskNotice), (db, ids) => db.TaskNotices.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(ServiceNotice), (db, ids) => db.ServiceNotices.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(Complaint), (db, ids) => db.Complaints.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
        (nameof(Customer), (db, ids) => db.Customers.Where(x => ids.Contains(x.Id)).Select(x => x.Id)),
    ];

    /// <summary>The record types that own children.</summary>
    public static IReadOnlyCollection<string> ParentTypes => Parents.Select(p => p.Type).ToList();

    /// <summary>The child types of a parent type.</summary>
    public static IReadOnlyList<string> ChildrenOf(string parent) => Rules.Where(r => r.Parent == parent).Select(r => r.Child).ToList();

    /// <summary>
    /// The given records and everything they own, level by level: the given ids are looked up among the parent types
    /// (by primary key), then each level's children are found by their foreign key, and the children that are parents
    /// in turn (a contract's task notice, its change's review) give the next level. Ids only; one query per rule and
    /// level that has parents of its type.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> WithChildrenAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken)
    {
        var all = new HashSet<string>(entityIds, StringComparer.Ordinal);
        var given = entityIds.Select(x => Guid.TryParse(x, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (given.Count == 0)
        {
            return all;
        }

        var level = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var (type, find) in Parents)
        {
            var found = await find(db, given).ToListAsync(cancellationToken);
            if (found.Count > 0)
            {
                level[type] = found;
            }
        }

        var seen = new HashSet<Guid>(given);
        while (level.Count > 0)
        {
            var next = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
            foreach (var rule in Rules)
            {
                if (!level.TryGetValue(rule.Parent, out var parents))
                {
                    continue;
                }

                foreach (var child in await rule.Children(db, parents).ToListAsync(cancellationToken))
                {
                    all.Add(child.ToString());
                    if (seen.Add(child) && Rules.Any(r => r.Parent == rule.Child))
                    {
                        if (!next.TryGetValue(rule.Child, out var ids))
                        {
                            next[rule.Child] = ids = [];
                        }

                        ids.Add(child);
                    }
                }
            }

            level = next;
        }

        return all;
    }
}
