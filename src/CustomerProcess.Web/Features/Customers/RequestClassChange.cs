using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>The owner or the sales manager asks, with a reason, for a class the records did not earn (issue #16).
/// Nothing changes on the customer until the approvals are given (<see cref="ApproveClassChange"/>).</summary>
public static class RequestClassChange
{
    public sealed class Input
    {
        public CustomerClass ToClass { get; set; }

        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.ToClass).IsInEnum().WithMessage(_ => l["Choose a customer class."]);
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for the change of class."])
                .MaxLength(CustomerClassChangeRequest.ReasonLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = CustomerActs.NotFound;

        public Task<Result<Guid>> HandleAsync(Guid customerId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, () => CustomerActs.AskAsync(db, http.HttpContext!.User, customerId, (actor, name) =>
                CustomerClassChangeRequest.Ask(actor.Customer, input.ToClass, input.Reason.Trim(), actor.UserId, name, actor.IsSalesManager, clock.GetUtcNow().UtcDateTime),
                cancellationToken));
    }
}
