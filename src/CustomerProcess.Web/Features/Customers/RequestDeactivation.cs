using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>The owner or the sales manager asks, with a reason, to mark a customer inactive (from its page or the
/// six-monthly archive review). Like a change of class it waits for the sales manager's approval (the general manager's
/// when the sales manager asked); the customer becomes inactive with the approval (<see cref="ApproveClassChange"/>).
/// Nothing is deleted (issue #16, docs/process.md §2).</summary>
public static class RequestDeactivation
{
    public sealed class Input
    {
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason (for example: closed, bankrupt)."])
                .MaxLength(CustomerClassChangeRequest.ReasonLength, l);
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = CustomerActs.NotFound;

        public Task<Result<Guid>> HandleAsync(Guid customerId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, () => CustomerActs.AskAsync(db, http.HttpContext!.User, customerId, (actor, name) =>
                CustomerClassChangeRequest.AskInactive(actor.Customer, input.Reason.Trim(), actor.UserId, name, actor.IsSalesManager, clock.GetUtcNow().UtcDateTime),
                cancellationToken));
    }
}
