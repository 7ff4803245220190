using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>The salesperson who captured a draft (or the sales manager) changes its content and lines. The
/// customer is fixed once captured (a posted customer code is ignored); a form opened on an older content
/// version is refused.</summary>
public static class UpdateDraftOrder
{
    public sealed class Input : OrderInput;

    public sealed class Validator(IStringLocalizer<SharedResource> l, TimeProvider clock) : OrderInputValidator<Input>(l, clock);

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public static readonly DomainError NotEditable = DomainError.Forbidden("order.not-editable", "Only a draft may be changed, by its salesperson or the sales manager.");
        public static readonly DomainError Stale = DomainError.Conflict("order.stale", "The order was changed by someone else after you opened it. Reload the page; your changes were not saved.");

        /// <summary>Who may change a draft: the salesperson who captured it, or the sales manager.</summary>
        public static bool MayEdit(SalesOrder order, ClaimsPrincipal user) =>
            order.Status == OrderStatus.Draft && (order.SalesUserId == user.FindFirstValue(ClaimTypes.NameIdentifier) || user.IsInRole(Roles.SalesManager));

        public Task<Result> HandleAsync(Guid orderId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var order = await db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
                if (order is null)
                {
                    return Result.Failure(SubmitOrderForReview.Handler.NotFound);
                }

                if (!MayEdit(order, user))
                {
                    return NotEditable;
                }

                if (input.ContentVersion != order.ContentVersion)
                {
                    return Stale;
                }

                var lines = await input.LinesAsync(db, cancellationToken);
                if (!lines.Succeeded)
                {
                    return Result.Failure(lines.Error!);
                }

                var updated = order.UpdateDraft(input.Content(), lines.Value!);
                if (updated.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return updated;
            });
    }
}
