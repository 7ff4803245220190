using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>A won tender becomes a draft order for the tendering party: tender channel, the tender's requirements,
/// the winning price as one line (sales completes the lines and dates), linked both ways (ADR 0020).</summary>
public static class CreateOrderFromTender
{
    public sealed class Input;

    public sealed class Validator : AbstractValidator<Input>;

    public sealed class Handler(AppDbContext db, TenderAccess access, DocumentNumbers numbers, TimeProvider clock, IStringLocalizer<SharedResource> l) : IUseCase
    {
        public Task<Result<Guid>> HandleAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await access.LoadForChangeAsync(tenderId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result<Guid>.Failure(loaded.Error!);
                }

                var tender = loaded.Value!;
                var now = clock.GetUtcNow().UtcDateTime;
                var number = await numbers.NextAsync("DD", now.Year, cancellationToken);
                var order = SalesOrder.FromTender(number, tender.Id, tender.CustomerId, tender.SalesUserId, tender.Project, tender.Requirements, tender.OrderPrice,
                    l["lot"].Value, now);
                var linked = tender.LinkOrder(order.Id);
                if (!linked.Succeeded)
                {
                    return Result<Guid>.Failure(linked.Error!);
                }

                db.SalesOrders.Add(order);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(order.Id);
            });
    }
}
