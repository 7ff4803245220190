using System.Security.Claims;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>The register's filters (query string of the list, the export and the printed register).</summary>
public sealed class PropertyFilter
{
    public const int QueryLength = 100;

    public string? Q { get; set; }

    public PropertyStatus? Status { get; set; }

    public PropertyKind? Kind { get; set; }

    public int? Page { get; set; }

    public object RouteValues(int? page = null) => new { q = Q, status = Status, kind = Kind, page };
}

public sealed record PropertyRow(
    Guid Id, string Number, string CustomerName, string CustomerCode, Guid? OrderId, string? OrderNumber, Guid? ContractId, string? ContractNumber,
    PropertyKind Kind, string Description, string? Specification, decimal DeclaredQuantity, decimal ReceivedQuantity, string Unit, bool MatchesSpecification,
    DateOnly ReceivedOn, string ReceivedByName, bool? InspectionPassed, string? InspectionResult, string? StoragePlace, string? CustodianName, string? UseNote,
    PropertyStatus Status, DateOnly? ReturnedOn, int Incidents, int AwaitingReply)
{
    public bool HasQuantityMismatch => DeclaredQuantity != ReceivedQuantity;
}

public sealed record PropertyIndexViewModel(PropertyFilter Filter, Page<PropertyRow> Page, PagerModel Pager, bool CanReceive);

public sealed record PropertyDetailsViewModel(
    CustomerPropertyItem Item, string CustomerName, string CustomerCode, string? OrderNumber, string? ContractNumber,
    bool CanInspect, bool CanUse, bool CanReport, bool CanReply, bool CanReturn, DateOnly Today);

public sealed record IncidentReportViewModel(PropertyIncident Incident, CustomerPropertyItem Item, string CustomerName, string CustomerCode, string? OrderNumber, string? ContractNumber);

/// <summary>Reads of the register: the filtered rows (list, Excel, printed register) and one item's page.</summary>
public sealed class PropertyQueries(AppDbContext db, PropertyAccess access)
{
    /// <summary>The printed register and the Excel export hold at most this many rows.</summary>
    public const int ExportCap = 5000;

    public IQueryable<PropertyRow> Rows(PropertyFilter filter, ClaimsPrincipal user)
    {
        var query = access.VisibleItems(user).AsNoTracking().Where(p => p.DisposalId == null);
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(p => p.Number.StartsWith(upper) || p.Description.Contains(term)
                || db.Customers.Any(x => x.Id == p.CustomerId && (x.Code.StartsWith(upper) || x.SearchName.Contains(upper)))
                || db.SalesOrders.Any(o => o.Id == p.OrderId && o.Number.StartsWith(upper))
                || db.Contracts.Any(k => k.Id == p.ContractId && k.Number.StartsWith(upper)));
        }

        return query
            .OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Number)
            .Select(p => new PropertyRow(
                p.Id, p.Number,
                db.Customers.Where(x => x.Id == p.CustomerId).Select(x => x.Name).First(),
                db.Customers.Where(x => x.Id == p.CustomerId).Select(x => x.Code).First(),
                p.OrderId, db.SalesOrders.Where(o => o.Id == p.OrderId).Select(o => o.Number).FirstOrDefault(),
                p.ContractId, db.Contracts.Where(k => k.Id == p.ContractId).Select(k => k.Number).FirstOrDefault(),
                p.Kind, p.Description, p.Specification, p.DeclaredQuantity, p.ReceivedQuantity, p.Unit, p.MatchesSpecification,
                p.ReceivedOn, p.ReceivedByName, p.InspectionPassed, p.InspectionResult, p.StoragePlace, p.CustodianName, p.UseNote,
                p.Status, p.ReturnedOn,
                db.PropertyIncidents.Count(i => i.ItemId == p.Id),
                db.PropertyIncidents.Count(i => i.ItemId == p.Id && i.CustomerReply == null)));
    }

    public Task<List<PropertyRow>> AllRowsAsync(PropertyFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Rows(filter, user).Take(ExportCap).ToListAsync(cancellationToken);

    /// <summary>The item with its links; null when it does not exist, Allowed false when the user may not read it.</summary>
    public async Task<(CustomerPropertyItem Item, string CustomerName, string CustomerCode, string? OrderNumber, string? ContractNumber, bool Allowed)?> FindAsync(
        Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await db.CustomerPropertyItems.AsNoTracking().Include(p => p.Incidents).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var allowed = await access.VisibleItems(user).AnyAsync(p => p.Id == id, cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(x => x.Id == item.CustomerId).Select(x => new { x.Name, x.Code }).FirstAsync(cancellationToken);
        var order = item.OrderId is null ? null : await db.SalesOrders.AsNoTracking().Where(o => o.Id == item.OrderId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken);
        var contract = item.ContractId is null ? null : await db.Contracts.AsNoTracking().Where(k => k.Id == item.ContractId).Select(k => k.Number).FirstOrDefaultAsync(cancellationToken);
        return (item, customer.Name, customer.Code, order, contract, allowed);
    }

    public static PropertyDetailsViewModel Details(CustomerPropertyItem item, string customerName, string customerCode, string? order, string? contract, ClaimsPrincipal user, DateOnly today)
    {
        var quality = PropertyAccess.IsQuality(user);
        var final = PropertyTransitions.IsFinal(item.Status);
        return new PropertyDetailsViewModel(item, customerName, customerCode, order, contract,
            CanInspect: quality && item.Status is PropertyStatus.Received or PropertyStatus.OnHold,
            CanUse: PropertyAccess.CanRecordUse(user) && item.Status is PropertyStatus.InStorage or PropertyStatus.InUse,
            CanReport: quality && !final,
            CanReply: PropertyAccess.CanRecordReply(user) && item.AwaitingCustomer is not null,
            CanReturn: quality && !final,
            Today: today);
    }
}
