using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>The order's salesperson, the contract administrator or the sales manager logs what the customer
/// was told, when, how and to whom (the contract's communication log, docs/process.md §5).</summary>
public static class LogCommunication
{
    public sealed class Input
    {
        public DateTime? OccurredAt { get; set; }

        public CommunicationChannel Channel { get; set; } = CommunicationChannel.Phone;

        public string CustomerContact { get; set; } = "";

        public string Summary { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.OccurredAt).NotNull().WithMessage(_ => l["Enter when the customer was told."]).InSaneWindow(clock, l);
            RuleFor(x => x.Channel).IsInEnum();
            RuleFor(x => x.CustomerContact).NotEmpty().WithMessage(_ => l["Enter who at the customer was told."])
                .MaximumLength(CommunicationEntry.NameLength).WithMessage(_ => l["The name is too long."]);
            RuleFor(x => x.Summary).NotEmpty().WithMessage(_ => l["Record what the customer was told."])
                .MaximumLength(CommunicationEntry.TextLength).WithMessage(_ => l["The text is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db, ContractTracking tracking, TimeProvider clock) : IUseCase
    {
        /// <summary>The contract exists (→ NotFound) and the user talks to its customer (→ Forbidden): checked before the form's own messages.</summary>
        public async Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var salesUserId = await (from c in db.Contracts join o in db.SalesOrders on c.OrderId equals o.Id where c.Id == contractId select o.SalesUserId).FirstOrDefaultAsync(cancellationToken);
            return salesUserId is null ? ContractTracking.NotFound
                : !TrackingAccess.CanTalkToCustomer(user, salesUserId) ? TrackingAccess.NotAllowed
                : Result.Success();
        }

        public async Task<Result> HandleAsync(Guid contractId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(contractId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed;
            }

            var userId = TrackingAccess.UserId(user);
            var byName = await tracking.NameOfAsync(userId, cancellationToken);
            db.CommunicationEntries.Add(new CommunicationEntry(
                contractId, Formatting.ToUtc(input.OccurredAt!.Value), input.Channel, input.CustomerContact.Trim(), input.Summary.Trim(), userId, byName, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
