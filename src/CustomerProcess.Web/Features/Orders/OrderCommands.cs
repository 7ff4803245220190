using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>Turns the capture form into an order draft: resolves customer and product codes, numbers the order.</summary>
public sealed class OrderCommands(AppDbContext db, DocumentNumbers numbers, TimeProvider clock)
{
    public static readonly DomainError UnknownCustomer = new("order.customer-unknown", "No active customer has the code {0}.");
    public static readonly DomainError UnknownProduct = new("order.product-unknown", "Line {0}: no active product has the code {1}.");
    public static readonly DomainError Stale = new("order.stale", "The order was changed by someone else after you opened it. Reload the page; your changes were not saved.");

    public async Task<Result<Guid>> CreateAsync(OrderInput input, string salesUserId, CancellationToken cancellationToken)
    {
        var customer = await FindCustomerAsync(input.CustomerCode, cancellationToken);
        if (customer is null)
        {
            return new DomainError(UnknownCustomer.Code, UnknownCustomer.MessageKey, input.CustomerCode.Trim().ToUpperInvariant());
        }

        var lines = await LinesAsync(input, cancellationToken);
        if (!lines.Succeeded)
        {
            return Result<Guid>.Failure(lines.Error!);
        }

        return await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var number = await numbers.NextAsync("DD", now.Year, cancellationToken);
            var order = new SalesOrder(number, customer.Id, salesUserId, now);
            var filled = order.UpdateDraft(Content(input), lines.Value!);
            if (!filled.Succeeded)
            {
                return Result<Guid>.Failure(filled.Error!);
            }

            db.SalesOrders.Add(order);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Guid>.Success(order.Id);
        });
    }

    public async Task<Result> UpdateDraftAsync(SalesOrder order, OrderInput input, CancellationToken cancellationToken)
    {
        if (input.ContentVersion != order.ContentVersion)
        {
            return Stale;
        }

        // The customer of an order is fixed once it is captured; a posted customer code is ignored.
        var lines = await LinesAsync(input, cancellationToken);
        if (!lines.Succeeded)
        {
            return Result.Failure(lines.Error!);
        }

        var updated = order.UpdateDraft(Content(input), lines.Value!);
        if (!updated.Succeeded)
        {
            return updated;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }

        return Result.Success();
    }

    public Task<Customer?> FindCustomerAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalized && c.Status == CustomerStatus.Active, cancellationToken);
    }

    public static OrderInput ToInput(SalesOrder order, string customerCode, IReadOnlyDictionary<Guid, string> productCodes)
    {
        var input = new OrderInput
        {
            CustomerCode = customerCode,
            Channel = order.Channel,
            Novelty = order.Novelty,
            IsForeignTrade = order.IsForeignTrade,
            IsOem = order.IsOem,
            HasNonStandardClauses = order.HasNonStandardClauses,
            InvolvesSiteWork = order.InvolvesSiteWork,
            CustomerReference = order.CustomerReference,
            ExplicitRequirements = order.ExplicitRequirements,
            ImpliedRequirements = order.ImpliedRequirements,
            StatutoryRequirements = order.StatutoryRequirements,
            AdditionalRequirements = order.AdditionalRequirements,
            SpecialTechnical = order.SpecialTechnical,
            SpecialDelivery = order.SpecialDelivery,
            SpecialPackaging = order.SpecialPackaging,
            CustomerPropertyHandling = order.CustomerPropertyHandling,
            ContentVersion = order.ContentVersion,
            Lines = order.Lines.Select(l => new OrderLineInput
            {
                ProductCode = l.ProductId is { } id && productCodes.TryGetValue(id, out var code) ? code : null,
                Description = l.Description,
                Specification = l.Specification,
                Quantity = l.Quantity,
                Unit = l.Unit,
                UnitPrice = l.UnitPrice,
                DeliveryDate = l.DeliveryDate,
                DeliveryPlace = l.DeliveryPlace,
                Packaging = l.Packaging,
                AcceptanceCriteria = l.AcceptanceCriteria,
            }).ToList(),
        };
        return input;
    }

    private async Task<Result<IReadOnlyList<OrderLineData>>> LinesAsync(OrderInput input, CancellationToken cancellationToken)
    {
        var filled = input.FilledLines.ToList();
        var codes = filled.Where(l => !string.IsNullOrWhiteSpace(l.ProductCode)).Select(l => l.ProductCode!.Trim().ToUpperInvariant()).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code) && p.IsActive).ToDictionaryAsync(p => p.Code, cancellationToken);
        var result = new List<OrderLineData>();
        for (var i = 0; i < filled.Count; i++)
        {
            var line = filled[i];
            var product = default(CustomerProcess.Domain.Products.Product);
            if (!string.IsNullOrWhiteSpace(line.ProductCode) && !products.TryGetValue(line.ProductCode.Trim().ToUpperInvariant(), out product))
            {
                return new DomainError(UnknownProduct.Code, UnknownProduct.MessageKey, i + 1, line.ProductCode.Trim());
            }

            result.Add(new OrderLineData(
                product?.Id,
                Clean(line.Description) ?? (product is null ? "" : product.NameZh + " / " + product.NameEn),
                Clean(line.Specification) ?? product?.Specification,
                line.Quantity ?? 0,
                Clean(line.Unit) ?? product?.Unit ?? "",
                line.UnitPrice ?? 0,
                line.DeliveryDate,
                Clean(line.DeliveryPlace),
                Clean(line.Packaging),
                Clean(line.AcceptanceCriteria)));
        }

        return Result<IReadOnlyList<OrderLineData>>.Success(result);
    }

    private static OrderContent Content(OrderInput i) => new(
        i.Channel, i.Novelty, i.IsForeignTrade, i.IsOem, i.HasNonStandardClauses, i.InvolvesSiteWork,
        Clean(i.ExplicitRequirements), Clean(i.ImpliedRequirements), Clean(i.StatutoryRequirements), Clean(i.AdditionalRequirements),
        Clean(i.SpecialTechnical), Clean(i.SpecialDelivery), Clean(i.SpecialPackaging), Clean(i.CustomerPropertyHandling), Clean(i.CustomerReference));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
