using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>Sales records the customer's written confirmation of an oral, phone or fax order: the Oral Order
/// Confirmation Sheet (顾客电话(口头)传真订单确认表), or a bill of lading reference for a small order.</summary>
public static class ConfirmOralOrder
{
    public sealed class Input
    {
        public string? ConfirmedBy { get; set; }

        public ConfirmationMethod Method { get; set; } = ConfirmationMethod.Phone;

        public DateTime? ConfirmedAt { get; set; }

        public string? BillOfLadingReference { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            When(x => string.IsNullOrWhiteSpace(x.BillOfLadingReference), () =>
            {
                RuleFor(x => x.ConfirmedBy).NotEmpty().WithMessage(_ => l["Enter who confirmed the order at the customer."]);
                RuleFor(x => x.ConfirmedAt).NotNull().WithMessage(_ => l["Enter when the customer confirmed."]).InSaneWindow(clock, l);
                RuleFor(x => x.Method).IsInEnum().WithMessage(_ => l["Choose how the customer confirmed."]);
            });
            RuleFor(x => x.ConfirmedBy).MaximumLength(SalesOrder.ShortTextLength).WithMessage(_ => l["The name is too long."]);
            RuleFor(x => x.BillOfLadingReference).MaximumLength(SalesOrder.ShortTextLength).WithMessage(_ => l["The reference is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db, ReviewRouting routing) : IUseCase
    {
        public static readonly DomainError NotTheirs = DomainError.Forbidden("order.not-theirs", "Only the order's salesperson or the sales manager records the customer's confirmation.");

        /// <summary>Who records the confirmation: the order's salesperson or the sales manager.</summary>
        public static bool MayConfirm(SalesOrder order, ClaimsPrincipal user) =>
            order.SalesUserId == user.FindFirstValue(ClaimTypes.NameIdentifier) || user.IsInRole(Roles.SalesManager);

        public Task<Result> HandleAsync(Guid orderId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var order = await db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
                if (order is null)
                {
                    return Result.Failure(SubmitOrderForReview.Handler.NotFound);
                }

                if (!MayConfirm(order, user))
                {
                    return NotTheirs;
                }

                var result = input.BillOfLadingReference is { Length: > 0 } bol
                    ? order.RecordBillOfLading(bol.Trim(), (await routing.ThresholdsAsync(cancellationToken)).BillOfLadingAmount)
                    : order.RecordOralConfirmation(input.ConfirmedBy!.Trim(), input.Method, Formatting.ToUtc(input.ConfirmedAt!.Value), user.Identity!.Name!);
                if (result.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return result;
            });
    }
}
